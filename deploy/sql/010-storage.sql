-- IntakeMesh: grain state for Microsoft.Orleans.Persistence.AdoNet 10.4.2 (Invariant "Npgsql").
--
-- Contract (from the provider, see README.md for the full table):
--  * every statement gets @GrainIdHash int4, @GrainIdN0 int8, @GrainIdN1 int8, @GrainTypeHash int4,
--    @GrainTypeString text, @GrainIdExtensionString text (NULL for plain integer/Guid keys),
--    @ServiceId text; write/clear/delete also get @GrainStateVersion int4 (NULL = "no ETag");
--    write also gets @PayloadBinary bytea.
--  * read:   0 or 1 row, columns read BY NAME: PayloadBinary (NULL = no state), Version.
--  * write:  exactly 1 row, column NewGrainStateVersion read BY NAME: the new version, or NULL
--            when the expected version did not match (the provider then throws
--            InconsistentStateException). Never return 0 rows: a missing row with a NULL ETag
--            would be taken as success.
--  * clear / delete: exactly 1 row, ONE column read BY ORDINAL 0: the new version (delete:
--            deleted version + 1), or NULL on a version mismatch (-> InconsistentStateException).
-- The (hash, hash, service, n0, n1) prefix drives the index; the full key is then compared.

SELECT pg_advisory_lock(7411130001);

CREATE TABLE IF NOT EXISTS orleans_grain_state
(
    grain_id_hash   integer     NOT NULL,
    grain_id_n0     bigint      NOT NULL,
    grain_id_n1     bigint      NOT NULL,
    grain_type_hash integer     NOT NULL,
    grain_type      text        NOT NULL,
    grain_id_ext    text        NULL,
    service_id      text        NOT NULL,
    payload         bytea       NULL,
    version         integer     NOT NULL,
    modified_at     timestamptz NOT NULL DEFAULT now()
);

-- One row per (service, grain type, grain key). md5() keeps the index entries small even for
-- long string keys / generic type names; NULLS NOT DISTINCT (PostgreSQL 15+) makes a NULL key
-- extension a single value, so two activations cannot both insert the "same" NULL-keyed row.
CREATE UNIQUE INDEX IF NOT EXISTS orleans_grain_state_key
    ON orleans_grain_state (grain_id_hash, grain_type_hash, service_id, grain_id_n0, grain_id_n1,
                            md5(grain_type), md5(grain_id_ext))
    NULLS NOT DISTINCT;

-- Busy incidents and the board are rewritten whole on every batch; lz4 compresses them several
-- times faster than the default pglz. A server built without lz4 keeps pglz.
DO $do$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_attribute
                WHERE attrelid = 'orleans_grain_state'::regclass AND attname = 'payload'
                  AND attcompression <> 'l') THEN
        ALTER TABLE orleans_grain_state ALTER COLUMN payload SET COMPRESSION lz4;
    END IF;
EXCEPTION WHEN feature_not_supported THEN
    NULL;
END
$do$;

-- Write: insert when the grain holds no ETag, otherwise update only if the stored version is
-- the one the grain read. Returns the new version or NULL (conflict).
CREATE OR REPLACE FUNCTION orleans_grain_state_write(
    p_grain_id_hash    integer,
    p_grain_id_n0      bigint,
    p_grain_id_n1      bigint,
    p_grain_type_hash  integer,
    p_grain_type       text,
    p_grain_id_ext     text,
    p_service_id       text,
    p_expected_version integer,
    p_payload          bytea)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    v_new integer;
BEGIN
    IF p_expected_version IS NULL THEN
        INSERT INTO orleans_grain_state AS s
               (grain_id_hash, grain_id_n0, grain_id_n1, grain_type_hash, grain_type,
                grain_id_ext, service_id, payload, version, modified_at)
        VALUES (p_grain_id_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type_hash, p_grain_type,
                p_grain_id_ext, p_service_id, p_payload, 1, now())
        ON CONFLICT DO NOTHING
        RETURNING s.version INTO v_new;
    ELSE
        UPDATE orleans_grain_state AS s
           SET payload     = p_payload,
               version     = CASE WHEN s.version = 2147483647 THEN 1 ELSE s.version + 1 END,
               modified_at = now()
         WHERE s.grain_id_hash   = p_grain_id_hash
           AND s.grain_type_hash = p_grain_type_hash
           AND s.service_id      = p_service_id
           AND s.grain_id_n0     = p_grain_id_n0
           AND s.grain_id_n1     = p_grain_id_n1
           AND s.grain_type      = p_grain_type
           AND s.grain_id_ext IS NOT DISTINCT FROM p_grain_id_ext
           AND s.version         = p_expected_version
        RETURNING s.version INTO v_new;
    END IF;
    RETURN v_new;
END
$fn$;

-- Clear (DeleteStateOnClear = false): keep the row, drop the payload, bump the version.
CREATE OR REPLACE FUNCTION orleans_grain_state_clear(
    p_grain_id_hash    integer,
    p_grain_id_n0      bigint,
    p_grain_id_n1      bigint,
    p_grain_type_hash  integer,
    p_grain_type       text,
    p_grain_id_ext     text,
    p_service_id       text,
    p_expected_version integer)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    v_new integer;
BEGIN
    UPDATE orleans_grain_state AS s
       SET payload     = NULL,
           version     = CASE WHEN s.version = 2147483647 THEN 1 ELSE s.version + 1 END,
           modified_at = now()
     WHERE s.grain_id_hash   = p_grain_id_hash
       AND s.grain_type_hash = p_grain_type_hash
       AND s.service_id      = p_service_id
       AND s.grain_id_n0     = p_grain_id_n0
       AND s.grain_id_n1     = p_grain_id_n1
       AND s.grain_type      = p_grain_type
       AND s.grain_id_ext IS NOT DISTINCT FROM p_grain_id_ext
       AND s.version         = p_expected_version
    RETURNING s.version INTO v_new;
    RETURN v_new;
END
$fn$;

-- Delete (DeleteStateOnClear = true): remove the row; return deleted version + 1 so the
-- provider sees a value different from the grain's ETag, NULL on mismatch.
CREATE OR REPLACE FUNCTION orleans_grain_state_delete(
    p_grain_id_hash    integer,
    p_grain_id_n0      bigint,
    p_grain_id_n1      bigint,
    p_grain_type_hash  integer,
    p_grain_type       text,
    p_grain_id_ext     text,
    p_service_id       text,
    p_expected_version integer)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    v_old integer;
BEGIN
    DELETE FROM orleans_grain_state AS s
     WHERE s.grain_id_hash   = p_grain_id_hash
       AND s.grain_type_hash = p_grain_type_hash
       AND s.service_id      = p_service_id
       AND s.grain_id_n0     = p_grain_id_n0
       AND s.grain_id_n1     = p_grain_id_n1
       AND s.grain_type      = p_grain_type
       AND s.grain_id_ext IS NOT DISTINCT FROM p_grain_id_ext
       AND s.version         = p_expected_version
    RETURNING s.version INTO v_old;
    IF v_old IS NULL THEN
        RETURN NULL;
    END IF;
    RETURN CASE WHEN v_old = 2147483647 THEN 1 ELSE v_old + 1 END;
END
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', $q$SELECT s.payload AS "PayloadBinary", s.version AS "Version"
FROM orleans_grain_state AS s
WHERE s.grain_id_hash = @GrainIdHash
  AND s.grain_type_hash = @GrainTypeHash
  AND s.service_id = @ServiceId
  AND s.grain_id_n0 = @GrainIdN0
  AND s.grain_id_n1 = @GrainIdN1
  AND s.grain_type = @GrainTypeString
  AND s.grain_id_ext IS NOT DISTINCT FROM @GrainIdExtensionString$q$),

('WriteToStorageKey', $q$SELECT orleans_grain_state_write(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary) AS "NewGrainStateVersion"$q$),

('ClearStorageKey', $q$SELECT orleans_grain_state_clear(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @GrainStateVersion) AS "NewGrainStateVersion"$q$),

('DeleteStorageKey', $q$SELECT orleans_grain_state_delete(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @GrainStateVersion) AS "NewGrainStateVersion"$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

SELECT pg_advisory_unlock(7411130001);
