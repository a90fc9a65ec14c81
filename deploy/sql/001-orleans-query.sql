-- IntakeMesh: the statement catalogue read by the Orleans ADO.NET providers.
--
-- Every Orleans ADO.NET provider (persistence, clustering, reminders) starts by running
--     SELECT QueryKey, QueryText FROM OrleansQuery [WHERE QueryKey = ...]
-- unquoted, so PostgreSQL folds the names to orleansquery(querykey, querytext); Npgsql's
-- GetOrdinal("QueryKey") falls back to a case-insensitive match, so lower-case columns work.
-- The statements themselves are added by 010/020/030 with INSERT ... ON CONFLICT DO UPDATE,
-- so re-running every file at every host start keeps the catalogue current.
--
-- All files in this folder are idempotent and meant to be applied in name order, on ONE
-- connection per file. The advisory lock serialises hosts that start at the same moment
-- (concurrent CREATE ... IF NOT EXISTS / CREATE OR REPLACE can otherwise fail).

SELECT pg_advisory_lock(7411130001);

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,
    CONSTRAINT orleansquery_pkey PRIMARY KEY (QueryKey)
);

COMMENT ON TABLE OrleansQuery IS
    'Orleans ADO.NET providers read their SQL from here by key (IntakeMesh deploy/sql).';

SELECT pg_advisory_unlock(7411130001);
