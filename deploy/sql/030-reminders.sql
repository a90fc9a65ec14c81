-- IntakeMesh: reminders for Microsoft.Orleans.Reminders.AdoNet 10.4.2 (Invariant "Npgsql").
--
-- Contract (see README.md for the full table):
--  * rows are keyed by @ServiceId text (= ClusterOptions.ServiceId), @GrainId text
--    (GrainId.ToString()) and @ReminderName text; @GrainHash int4 is GrainId.GetUniformHashCode()
--    cast from uint to int, so it is SIGNED here.
--  * reads return columns BY NAME: GrainId, ReminderName, StartTime, Period (ms, int8 or int4),
--    Version (the ETag). A row with a NULL GrainId would be skipped.
--  * range reads: the provider picks ReadRangeRows1Key when (int)begin < (int)end and
--    ReadRangeRows2Key otherwise (wrap-around, and begin = end meaning the whole ring). Both use
--    the ring convention: begin exclusive, end inclusive, compared as signed int4.
--  * upsert returns exactly one row with column Version (the new ETag, read by name).
--  * delete-one returns exactly one row with ONE boolean column (true = deleted, i.e. the ETag
--    in @Version matched).
--  * @Period arrives as int4 when it fits in int32 milliseconds, else int8.

SELECT pg_advisory_lock(7411130001);

CREATE TABLE IF NOT EXISTS orleans_reminder
(
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    grain_hash    integer     NOT NULL,
    start_time    timestamptz NOT NULL,
    period        bigint      NOT NULL,
    version       integer     NOT NULL,
    CONSTRAINT orleans_reminder_pkey PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS orleans_reminder_hash
    ON orleans_reminder (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadReminderRowsKey', $q$SELECT r.grain_id AS "GrainId", r.reminder_name AS "ReminderName",
       r.start_time AS "StartTime", r.period AS "Period", r.version AS "Version"
FROM orleans_reminder AS r
WHERE r.service_id = @ServiceId
  AND r.grain_id = @GrainId$q$),

('ReadReminderRowKey', $q$SELECT r.grain_id AS "GrainId", r.reminder_name AS "ReminderName",
       r.start_time AS "StartTime", r.period AS "Period", r.version AS "Version"
FROM orleans_reminder AS r
WHERE r.service_id = @ServiceId
  AND r.grain_id = @GrainId
  AND r.reminder_name = @ReminderName$q$),

('ReadRangeRows1Key', $q$SELECT r.grain_id AS "GrainId", r.reminder_name AS "ReminderName",
       r.start_time AS "StartTime", r.period AS "Period", r.version AS "Version"
FROM orleans_reminder AS r
WHERE r.service_id = @ServiceId
  AND r.grain_hash > @BeginHash
  AND r.grain_hash <= @EndHash$q$),

('ReadRangeRows2Key', $q$SELECT r.grain_id AS "GrainId", r.reminder_name AS "ReminderName",
       r.start_time AS "StartTime", r.period AS "Period", r.version AS "Version"
FROM orleans_reminder AS r
WHERE r.service_id = @ServiceId
  AND (r.grain_hash > @BeginHash OR r.grain_hash <= @EndHash)$q$),

('UpsertReminderRowKey', $q$INSERT INTO orleans_reminder AS r
       (service_id, grain_id, reminder_name, grain_hash, start_time, period, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @GrainHash, @StartTime, @Period, 1)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
   SET grain_hash = EXCLUDED.grain_hash,
       start_time = EXCLUDED.start_time,
       period     = EXCLUDED.period,
       version    = CASE WHEN r.version = 2147483647 THEN 1 ELSE r.version + 1 END
RETURNING r.version AS "Version"$q$),

('DeleteReminderRowKey', $q$WITH deleted AS (
    DELETE FROM orleans_reminder AS r
    WHERE r.service_id = @ServiceId
      AND r.grain_id = @GrainId
      AND r.reminder_name = @ReminderName
      AND r.version = @Version
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM deleted) AS "Deleted"$q$),

('DeleteReminderRowsKey', $q$DELETE FROM orleans_reminder
WHERE service_id = @ServiceId$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

SELECT pg_advisory_unlock(7411130001);
