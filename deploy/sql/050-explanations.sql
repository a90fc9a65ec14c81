-- IntakeMesh: complaint explanations (GET /api/complaints/{id}/explain), not Orleans.
--
-- One row per complaint delivery kept: the first delivery's explanation and, when the same
-- channel and event id came again, the first redelivery's. The host writes one multi-row
-- INSERT ... ON CONFLICT DO NOTHING per batch, so a retried batch changes nothing. The
-- explanation holds masked identifiers and pseudonymous keys only, never a raw identifier.
-- saved_at is indexed for pruning old rows (DELETE ... WHERE saved_at < ...).

SELECT pg_advisory_lock(7411130001);

CREATE TABLE IF NOT EXISTS intakemesh_explanation
(
    channel     text        NOT NULL,
    event_id    text        NOT NULL,
    redelivery  boolean     NOT NULL,
    occurred_at timestamptz NOT NULL,
    saved_at    timestamptz NOT NULL DEFAULT now(),
    explanation jsonb       NOT NULL,
    CONSTRAINT intakemesh_explanation_pkey PRIMARY KEY (event_id, channel, redelivery)
);

CREATE INDEX IF NOT EXISTS intakemesh_explanation_saved_at ON intakemesh_explanation (saved_at);

SELECT pg_advisory_unlock(7411130001);
