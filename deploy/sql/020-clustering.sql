-- IntakeMesh: cluster membership for Microsoft.Orleans.Clustering.AdoNet 10.4.2 (Invariant "Npgsql").
--
-- Contract (see README.md for the full table):
--  * the cluster is passed as @DeploymentId (= ClusterOptions.ClusterId), never @ClusterId.
--  * a silo is (@Address text, @Port int4, @Generation int4).
--  * one version row per cluster is the table's ETag: InsertMembership/UpdateMembership succeed
--    only when @Version equals the stored version, and then bump it by one. IAmAlive and the
--    defunct-silo cleanup do NOT bump it.
--  * membership reads return the version row LEFT JOINed to the members: always >= 1 row (the
--    provider indexes row [0] for the version); a row whose StartTime is NULL means "no member".
--    Columns are read BY NAME: Version, Address, Port, Generation, SiloName, HostName, Status,
--    ProxyPort, StartTime, IAmAliveTime, SuspectTimes. SiloName and HostName must not be NULL
--    when StartTime is set (the provider casts them to string).
--  * insert / update / insert-version return exactly one row with ONE column (a boolean).

SELECT pg_advisory_lock(7411130001);

CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deployment_id text        NOT NULL,
    version       integer     NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_membership_version_pkey PRIMARY KEY (deployment_id)
);

CREATE TABLE IF NOT EXISTS orleans_membership
(
    deployment_id   text        NOT NULL,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL DEFAULT 0,
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    CONSTRAINT orleans_membership_pkey PRIMARY KEY (deployment_id, address, port, generation),
    CONSTRAINT orleans_membership_version_fk FOREIGN KEY (deployment_id)
        REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE
);

-- Insert a member if the table version still is p_version and the silo is not there yet;
-- on success the version goes up by one. The version row is locked first, so concurrent
-- inserts/updates of one cluster are serialised and exactly one of two racing writers wins.
CREATE OR REPLACE FUNCTION orleans_membership_insert(
    p_deployment_id text,
    p_address       text,
    p_port          integer,
    p_generation    integer,
    p_silo_name     text,
    p_host_name     text,
    p_status        integer,
    p_proxy_port    integer,
    p_start_time    timestamptz,
    p_i_am_alive    timestamptz,
    p_version       integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
DECLARE
    v_rows integer;
BEGIN
    PERFORM 1
       FROM orleans_membership_version AS v
      WHERE v.deployment_id = p_deployment_id
        AND v.version = p_version
        FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    INSERT INTO orleans_membership
           (deployment_id, address, port, generation, silo_name, host_name, status,
            proxy_port, suspect_times, start_time, i_am_alive_time)
    VALUES (p_deployment_id, p_address, p_port, p_generation, coalesce(p_silo_name, ''),
            coalesce(p_host_name, ''), p_status, coalesce(p_proxy_port, 0), NULL,
            p_start_time, p_i_am_alive)
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS v_rows = ROW_COUNT;
    IF v_rows = 0 THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership_version AS v
       SET version = v.version + 1, changed_at = now()
     WHERE v.deployment_id = p_deployment_id;
    RETURN true;
END
$fn$;

-- Update a member's status / suspicions / IAmAlive if the table version still is p_version;
-- on success the version goes up by one.
CREATE OR REPLACE FUNCTION orleans_membership_update(
    p_deployment_id text,
    p_address       text,
    p_port          integer,
    p_generation    integer,
    p_status        integer,
    p_suspect_times text,
    p_i_am_alive    timestamptz,
    p_version       integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
BEGIN
    PERFORM 1
       FROM orleans_membership_version AS v
      WHERE v.deployment_id = p_deployment_id
        AND v.version = p_version
        FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership AS m
       SET status = p_status,
           suspect_times = p_suspect_times,
           i_am_alive_time = p_i_am_alive
     WHERE m.deployment_id = p_deployment_id
       AND m.address = p_address
       AND m.port = p_port
       AND m.generation = p_generation;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership_version AS v
       SET version = v.version + 1, changed_at = now()
     WHERE v.deployment_id = p_deployment_id;
    RETURN true;
END
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', $q$WITH inserted AS (
    INSERT INTO orleans_membership_version (deployment_id, version, changed_at)
    VALUES (@DeploymentId, 0, now())
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM inserted) AS "Inserted"$q$),

('InsertMembershipKey', $q$SELECT orleans_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS "Inserted"$q$),

('UpdateMembershipKey', $q$SELECT orleans_membership_update(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes, @IAmAliveTime, @Version) AS "Updated"$q$),

('UpdateIAmAlivetimeKey', $q$UPDATE orleans_membership
SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId
  AND address = @Address
  AND port = @Port
  AND generation = @Generation$q$),

('MembershipReadRowKey', $q$SELECT v.version AS "Version",
       m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
       m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
       m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version AS v
LEFT JOIN orleans_membership AS m
       ON m.deployment_id = v.deployment_id
      AND m.address = @Address
      AND m.port = @Port
      AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId$q$),

('MembershipReadAllKey', $q$SELECT v.version AS "Version",
       m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
       m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
       m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version AS v
LEFT JOIN orleans_membership AS m
       ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId
ORDER BY m.address, m.port, m.generation$q$),

('GatewaysQueryKey', $q$SELECT m.address AS "Address", m.proxy_port AS "ProxyPort", m.generation AS "Generation"
FROM orleans_membership AS m
WHERE m.deployment_id = @DeploymentId
  AND m.status = @Status
  AND m.proxy_port > 0$q$),

-- Deleting the version row cascades to the cluster's members.
('DeleteMembershipTableEntriesKey', $q$DELETE FROM orleans_membership_version
WHERE deployment_id = @DeploymentId$q$),

-- Used only when CleanupDefunctSiloEntryKey is absent: dead (6) silos not alive since the cutoff.
('CleanupDefunctSiloEntriesKey', $q$DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId
  AND status = 6
  AND i_am_alive_time < @IAmAliveTime
  AND start_time < @IAmAliveTime$q$),

-- Optional key that 10.4.2 prefers when present: the provider reads all members, picks dead
-- ones older than the cutoff and deletes each one only if the row still holds exactly the
-- values it read (status, start time, IAmAlive time, suspicions).
('CleanupDefunctSiloEntryKey', $q$DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId
  AND address = @Address
  AND port = @Port
  AND generation = @Generation
  AND status = 6
  AND start_time = @StartTime
  AND i_am_alive_time = @IAmAliveTime
  AND coalesce(btrim(suspect_times), '') = coalesce(@SuspectTimes, '')$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

SELECT pg_advisory_unlock(7411130001);
