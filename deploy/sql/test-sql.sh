#!/usr/bin/env bash
# Tests deploy/sql against a real PostgreSQL (15+):
#   bash deploy/sql/test-sql.sh postgresql://postgres@127.0.0.1:55433/postgres
#
# Everything happens in a scratch schema (dropped at the end), so any database will do.
# The files are applied twice (idempotency), then every OrleansQuery statement is read back
# from the table and run the way Npgsql would run it: each @Name placeholder is replaced by
# a literal cast to the type Orleans 10.4.2 binds (int4, int8, text, bytea, timestamptz).
# A placeholder the test does not supply fails the test (the provider would not send it).
# Ends with the plain line "N passed, N failed"; exits non-zero on any failure.
#
# This folder is also mounted as /docker-entrypoint-initdb.d, which SOURCES non-executable
# *.sh files: do nothing in that case.
if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
    return 0
fi

set -uo pipefail

if [[ $# -lt 1 || -z "$1" ]]; then
    echo "usage: $0 POSTGRES_URL" >&2
    exit 2
fi
URL=$1
DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SCHEMA="intakemesh_sqltest_$$"
export PGTZ=UTC PGOPTIONS="-c search_path=${SCHEMA} -c client_min_messages=warning"

PASS=0
FAIL=0

psql_raw() { psql "$URL" -X -q -v ON_ERROR_STOP=1 "$@"; }

cleanup() { PGOPTIONS="" psql_raw -c "DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE" >/dev/null 2>&1 || true; }
trap cleanup EXIT

ok()   { PASS=$((PASS + 1)); echo "ok   - $1"; }
bad()  { FAIL=$((FAIL + 1)); echo "FAIL - $1"; [[ $# -gt 1 ]] && echo "       $2"; }

# expect DESCRIPTION ACTUAL EXPECTED
expect() {
    if [[ "$2" == "$3" ]]; then ok "$1"; else bad "$1" "expected [$3] got [$2]"; fi
}

# sql 'statement' -> unaligned rows, no header, '|' separated
sql() { psql_raw -A -t -F '|' -c "$1"; }

# run KEY [Name=literal ...] -> the stored statement's result, '|' separated (see header/rows/count).
run() {
    local key=$1; shift
    local text
    text=$(sql "SELECT QueryText FROM OrleansQuery WHERE QueryKey = '${key}'") || return 1
    if [[ -z "$text" ]]; then echo "NO SUCH KEY ${key}" >&2; return 1; fi
    local kv
    for kv in "$@"; do
        text=$(P_NAME="${kv%%=*}" P_VAL="${kv#*=}" perl -0pe 's/\@\Q$ENV{P_NAME}\E\b/$ENV{P_VAL}/g' <<<"$text")
    done
    local left
    left=$(grep -oE '@[A-Za-z_][A-Za-z0-9_]*' <<<"$text" | sort -u | tr '\n' ' ')
    if [[ -n "$left" ]]; then echo "UNBOUND ${left}in ${key}" >&2; return 1; fi
    psql_raw -A -F '|' --pset footer=on -c "$text"
}
# Output of run: header line, one line per row (a NULL is an empty field), "(N rows)".
header() { head -n 1 <<<"$1"; }
rows()   { sed -e '1d' -e '$d' <<<"$1"; }
count()  { tail -n 1 <<<"$1" | sed -nE 's/^\(([0-9]+) rows?\)$/\1/p'; }

echo "# schema ${SCHEMA}"
psql_raw -c "CREATE SCHEMA ${SCHEMA}" >/dev/null || { echo "cannot create schema"; exit 1; }

# ---------------------------------------------------------------- apply twice (idempotency)
for pass in 1 2; do
    for f in "$DIR"/[0-9]*.sql; do
        if psql_raw -f "$f" >/dev/null 2>"/tmp/test-sql.$$.err"; then
            ok "apply pass ${pass}: $(basename "$f")"
        else
            bad "apply pass ${pass}: $(basename "$f")" "$(cat "/tmp/test-sql.$$.err")"
        fi
    done
done
rm -f "/tmp/test-sql.$$.err"

expect "objects landed in the scratch schema" \
    "$(sql "SELECT count(*) FROM pg_tables WHERE schemaname = '${SCHEMA}'")" "6"

# The provider's own start-up queries, verbatim.
keys=$(sql "SELECT QueryKey FROM OrleansQuery" | sort | tr '\n' ' ')
expect "SELECT QueryKey, QueryText FROM OrleansQuery lists every key" "$keys" \
    "CleanupDefunctSiloEntriesKey CleanupDefunctSiloEntryKey ClearStorageKey DeleteMembershipTableEntriesKey DeleteReminderRowKey DeleteReminderRowsKey DeleteStorageKey GatewaysQueryKey InsertMembershipKey InsertMembershipVersionKey MembershipReadAllKey MembershipReadRowKey ReadFromStorageKey ReadRangeRows1Key ReadRangeRows2Key ReadReminderRowKey ReadReminderRowsKey UpdateIAmAlivetimeKey UpdateMembershipKey UpsertReminderRowKey WriteToStorageKey "
expect "persistence init query finds its 4 keys" \
    "$(sql "SELECT count(*) FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey' OR QueryKey = 'ReadFromStorageKey' OR QueryKey = 'ClearStorageKey' OR QueryKey = 'DeleteStorageKey'")" "4"
expect "query catalogue columns (read by name QueryKey/QueryText)" \
    "$(psql_raw -A -F '|' --pset footer=off -c "SELECT QueryKey, QueryText FROM OrleansQuery LIMIT 0")" "querykey|querytext"

# ---------------------------------------------------------------- storage
# Parameters exactly as AdoNetGrainStorage binds them.
# gkey SERVICE EXTENSION-LITERAL TYPE N1 HASH -> array K
gkey() {
    K=( "GrainIdHash=$5::int4" "GrainIdN0=0::int8" "GrainIdN1=$4::int8" "GrainTypeHash=-99::int4"
        "GrainTypeString='$3'::text" "GrainIdExtensionString=$2" "ServiceId='$1'::text" )
}
TYPE=IntakeMesh.Grains.CustomerGrain
gkey svc NULL::text "$TYPE" 42 123456; G=( "${K[@]}" )
ver()  { echo "GrainStateVersion=$1::int4"; }
pay()  { echo "PayloadBinary='\\x$1'::bytea"; }

out=$(run ReadFromStorageKey "${G[@]}")
expect "read: column names" "$(header "$out")" "PayloadBinary|Version"
expect "read: no row before the first write" "$(count "$out")" "0"

out=$(run WriteToStorageKey "${G[@]}" "$(ver NULL)" "$(pay 0a0b)")
expect "write: column name" "$(header "$out")" "NewGrainStateVersion"
expect "write new state (no ETag) returns version 1" "$(rows "$out")" "1"

out=$(run ReadFromStorageKey "${G[@]}")
expect "read returns payload + version" "$(rows "$out")" '\x0a0b|1'

out=$(run WriteToStorageKey "${G[@]}" "$(ver NULL)" "$(pay ff)")
expect "second insert without ETag (other activation) -> one row, NULL (conflict)" "$(count "$out")|$(rows "$out")" "1|"

out=$(run WriteToStorageKey "${G[@]}" "$(ver 1)" "$(pay 0c)")
expect "write with current version 1 returns 2" "$(rows "$out")" "2"

out=$(run WriteToStorageKey "${G[@]}" "$(ver 1)" "$(pay 0d)")
expect "write with stale version -> one row, NULL (InconsistentStateException)" "$(count "$out")|$(rows "$out")" "1|"

out=$(run WriteToStorageKey "${G[@]}" "$(ver 7)" "$(pay 0d)")
expect "write with unknown future version -> NULL" "$(count "$out")|$(rows "$out")" "1|"

expect "failed writes left the state alone" "$(rows "$(run ReadFromStorageKey "${G[@]}")")" '\x0c|2'

# Key isolation: other service, other extension, other type, string key.
gkey svc2 NULL::text "$TYPE" 42 123456; G2=( "${K[@]}" )
expect "other ServiceId sees nothing" "$(count "$(run ReadFromStorageKey "${G2[@]}")")" "0"
gkey svc "'ext'::text" "$TYPE" 42 123456; G3=( "${K[@]}" )
expect "key extension is part of the key (insert)" "$(rows "$(run WriteToStorageKey "${G3[@]}" "$(ver NULL)" "$(pay 01)")")" "1"
expect "key extension is part of the key (read)" "$(rows "$(run ReadFromStorageKey "${G3[@]}")")" '\x01|1'
gkey svc NULL::text IntakeMesh.Grains.OtherGrain 42 123456; G4=( "${K[@]}" )
expect "grain type is part of the key" "$(count "$(run ReadFromStorageKey "${G4[@]}")")" "0"
S=( "GrainIdHash=777::int4" "GrainIdN0=0::int8" "GrainIdN1=0::int8" "GrainTypeHash=-99::int4"
    "GrainTypeString='IntakeMesh.Grains.CustomerGrain'::text"
    "GrainIdExtensionString='$(printf 'k%.0s' {1..3000})'::text" "ServiceId='svc'::text" )
expect "3000-char string key writes (md5 index)" "$(rows "$(run WriteToStorageKey "${S[@]}" "$(ver NULL)" "$(pay 02)")")" "1"

out=$(run ClearStorageKey "${G[@]}" "$(ver 1)")
expect "clear: one column (read by ordinal 0)" "$(header "$out")" "NewGrainStateVersion"
expect "clear with stale version -> NULL" "$(count "$out")|$(rows "$out")" "1|"
expect "clear with current version 2 returns 3" "$(rows "$(run ClearStorageKey "${G[@]}" "$(ver 2)")")" "3"
expect "read after clear: row kept, payload NULL, version 3" "$(rows "$(run ReadFromStorageKey "${G[@]}")")" "|3"
expect "write after clear with version 3 returns 4" "$(rows "$(run WriteToStorageKey "${G[@]}" "$(ver 3)" "$(pay 0e)")")" "4"

out=$(run DeleteStorageKey "${G[@]}" "$(ver 3)")
expect "delete: one column" "$(header "$out")" "NewGrainStateVersion"
expect "delete with stale version -> NULL" "$(count "$out")|$(rows "$out")" "1|"
expect "delete with current version 4 returns 5 (version + 1)" "$(rows "$(run DeleteStorageKey "${G[@]}" "$(ver 4)")")" "5"
expect "read after delete: no row" "$(count "$(run ReadFromStorageKey "${G[@]}")")" "0"
expect "delete again -> NULL" "$(rows "$(run DeleteStorageKey "${G[@]}" "$(ver 5)")")" ""
expect "write after delete (ETag NULL) starts again at 1" "$(rows "$(run WriteToStorageKey "${G[@]}" "$(ver NULL)" "$(pay 0f)")")" "1"
expect "the extension row was not touched" "$(rows "$(run ReadFromStorageKey "${G3[@]}")")" '\x01|1'

# ---------------------------------------------------------------- clustering
C1="DeploymentId='cluster-a'::text"
C2="DeploymentId='cluster-b'::text"
silo() { echo "Address='$1'::text" "Port=$2::int4" "Generation=$3::int4"; }
ts()   { echo "'$1'::timestamptz"; }

out=$(run InsertMembershipVersionKey "$C1")
expect "insert version row: one column" "$(header "$out")" "Inserted"
expect "insert version row first time -> true" "$(rows "$out")" "t"
expect "insert version row again -> false" "$(rows "$(run InsertMembershipVersionKey "$C1")")" "f"
expect "second cluster version row" "$(rows "$(run InsertMembershipVersionKey "$C2")")" "t"

out=$(run MembershipReadAllKey "$C1")
expect "read all: column names" "$(header "$out")" \
    "Version|Address|Port|Generation|SiloName|HostName|Status|ProxyPort|SuspectTimes|StartTime|IAmAliveTime"
expect "read all on an empty cluster: one row, version 0, no member (StartTime NULL)" "$(rows "$out")" "0||||||||||"

T0="2025-01-02 03:04:05.123456+00"
ins() { # cluster address port gen status proxy version
    run InsertMembershipKey "DeploymentId='$1'::text" $(silo "$2" "$3" "$4") "SiloName='silo-$2-$3'::text" \
        "HostName='host-$2'::text" "Status=$5::int4" "ProxyPort=$6::int4" "StartTime=$(ts "$T0")" \
        "IAmAliveTime=$(ts "$T0")" "Version=$7::int4"
}
out=$(ins cluster-a 10.0.0.1 11111 100 1 30000 0)
expect "insert member: one column" "$(header "$out")" "Inserted"
expect "insert member A with table version 0 -> true" "$(rows "$out")" "t"
expect "insert member B with stale table version 0 -> false" "$(rows "$(ins cluster-a 10.0.0.2 11111 100 1 30000 0)")" "f"
expect "insert member A again with current version 1 -> false (exists)" "$(rows "$(ins cluster-a 10.0.0.1 11111 100 1 30000 1)")" "f"
expect "failed inserts did not bump the version" "$(sql "SELECT version FROM orleans_membership_version WHERE deployment_id = 'cluster-a'")" "1"
expect "insert member B with version 1 -> true" "$(rows "$(ins cluster-a 10.0.0.2 11111 100 1 30000 1)")" "t"
expect "insert member C (no gateway) with version 2 -> true" "$(rows "$(ins cluster-a 10.0.0.3 11111 100 3 0 2)")" "t"
expect "insert into cluster-b with version 0 -> true" "$(rows "$(ins cluster-b 10.0.0.9 11111 100 3 30000 0)")" "t"

out=$(run MembershipReadRowKey "$C1" $(silo 10.0.0.1 11111 100))
expect "read row: column names" "$(header "$out")" \
    "Version|Address|Port|Generation|SiloName|HostName|Status|ProxyPort|SuspectTimes|StartTime|IAmAliveTime"
expect "read row A" "$(rows "$out")" \
    "3|10.0.0.1|11111|100|silo-10.0.0.1-11111|host-10.0.0.1|1|30000||${T0}|${T0}"
expect "read row of an unknown silo: one row with the version, StartTime NULL" \
    "$(rows "$(run MembershipReadRowKey "$C1" $(silo 10.0.0.1 11111 999))")" "3||||||||||"
expect "read all: 3 members, each row carries version 3" \
    "$(rows "$(run MembershipReadAllKey "$C1")" | cut -d'|' -f1,2 | tr '\n' ' ')" "3|10.0.0.1 3|10.0.0.2 3|10.0.0.3 "

T1="2025-01-02 03:05:00+00"
SUSP="S10.0.0.2:11111:100,2025-01-02 03:04:59.000 GMT"
upd() { # address status suspect version
    run UpdateMembershipKey "$C1" $(silo "$1" 11111 100) "Status=$2::int4" "SuspectTimes=$3" \
        "IAmAliveTime=$(ts "$T1")" "Version=$4::int4"
}
out=$(upd 10.0.0.1 3 "'${SUSP}'::text" 3)
expect "update member: one column" "$(header "$out")" "Updated"
expect "update A to Active with version 3 -> true" "$(rows "$out")" "t"
expect "update A with stale version 3 -> false" "$(rows "$(upd 10.0.0.1 6 NULL::text 3)")" "f"
expect "update of an unknown silo with the current version -> false" "$(rows "$(upd 10.9.9.9 6 NULL::text 4)")" "f"
expect "version is 4 after one successful update" "$(sql "SELECT version FROM orleans_membership_version WHERE deployment_id = 'cluster-a'")" "4"
expect "read row A after update" "$(rows "$(run MembershipReadRowKey "$C1" $(silo 10.0.0.1 11111 100))" | cut -d'|' -f1,7,9,11)" \
    "4|3|${SUSP}|2025-01-02 03:05:00+00"

out=$(run UpdateIAmAlivetimeKey "$C1" $(silo 10.0.0.1 11111 100) "IAmAliveTime=$(ts '2025-01-02 03:06:00.5+00')")
expect "IAmAlive update" "$(sql "SELECT i_am_alive_time FROM orleans_membership WHERE address = '10.0.0.1'")" "2025-01-02 03:06:00.5+00"
expect "IAmAlive does not bump the version" "$(sql "SELECT version FROM orleans_membership_version WHERE deployment_id = 'cluster-a'")" "4"

out=$(run GatewaysQueryKey "$C1" "Status=3::int4")
expect "gateways: column names" "$(header "$out")" "Address|ProxyPort|Generation"
expect "gateways: only Active silos with a proxy port (A; not B=Created, not C=no gateway)" "$(rows "$out")" "10.0.0.1|30000|100"

# B dead long ago, D dead with suspicions, A active and old: cleanup with cutoff 2025-06-01.
expect "mark B dead" "$(rows "$(upd 10.0.0.2 6 NULL::text 4)")" "t"
expect "insert D" "$(rows "$(ins cluster-a 10.0.0.4 11111 100 3 30000 5)")" "t"
expect "mark D dead with a suspicion" "$(rows "$(run UpdateMembershipKey "$C1" $(silo 10.0.0.4 11111 100) "Status=6::int4" "SuspectTimes='${SUSP}'::text" "IAmAliveTime=$(ts "$T1")" "Version=6::int4")")" "t"
CUT="IAmAliveTime=$(ts '2025-06-01 00:00:00+00')"
run CleanupDefunctSiloEntriesKey "$C1" "$CUT" >/dev/null
expect "CleanupDefunctSiloEntriesKey removes only dead silos older than the cutoff (B, D)" \
    "$(sql "SELECT string_agg(address, ' ' ORDER BY address) FROM orleans_membership WHERE deployment_id = 'cluster-a'")" "10.0.0.1 10.0.0.3"
expect "cleanup does not bump the version" "$(sql "SELECT version FROM orleans_membership_version WHERE deployment_id = 'cluster-a'")" "7"
expect "cleanup leaves the other cluster alone" "$(sql "SELECT count(*) FROM orleans_membership WHERE deployment_id = 'cluster-b'")" "1"

# CleanupDefunctSiloEntryKey: the provider passes back the values it read.
expect "insert E" "$(rows "$(ins cluster-a 10.0.0.5 11111 100 3 30000 7)")" "t"
expect "mark E dead with a suspicion" "$(rows "$(run UpdateMembershipKey "$C1" $(silo 10.0.0.5 11111 100) "Status=6::int4" "SuspectTimes='${SUSP}'::text" "IAmAliveTime=$(ts "$T1")" "Version=8::int4")")" "t"
one() { run CleanupDefunctSiloEntryKey "$C1" $(silo 10.0.0.5 11111 100) "SuspectTimes=$1" "StartTime=$(ts "$T0")" "IAmAliveTime=$(ts "$2")" >/dev/null; }
one "'${SUSP}'::text" "2025-01-02 03:05:00.000001+00"
expect "per-row cleanup keeps a row whose IAmAlive changed since it was read" \
    "$(sql "SELECT count(*) FROM orleans_membership WHERE address = '10.0.0.5'")" "1"
one "NULL::text" "$T1"
expect "per-row cleanup keeps a row whose suspicions changed since it was read" \
    "$(sql "SELECT count(*) FROM orleans_membership WHERE address = '10.0.0.5'")" "1"
one "'${SUSP}'::text" "$T1"
expect "per-row cleanup deletes the dead row when all read values still match" \
    "$(sql "SELECT count(*) FROM orleans_membership WHERE address = '10.0.0.5'")" "0"
run CleanupDefunctSiloEntryKey "$C1" $(silo 10.0.0.1 11111 100) "SuspectTimes='${SUSP}'::text" "StartTime=$(ts "$T0")" "IAmAliveTime=$(ts '2025-01-02 03:06:00.5+00')" >/dev/null
expect "per-row cleanup never deletes an Active silo" "$(sql "SELECT count(*) FROM orleans_membership WHERE address = '10.0.0.1'")" "1"

run DeleteMembershipTableEntriesKey "$C1" >/dev/null
expect "delete cluster-a entries: members and version row gone" \
    "$(sql "SELECT (SELECT count(*) FROM orleans_membership WHERE deployment_id = 'cluster-a') || '/' || (SELECT count(*) FROM orleans_membership_version WHERE deployment_id = 'cluster-a')")" "0/0"
expect "read all on a deleted cluster returns no row (provider needs InsertMembershipVersionKey first)" \
    "$(count "$(run MembershipReadAllKey "$C1")")" "0"
expect "cluster-b untouched" "$(rows "$(run MembershipReadAllKey "$C2")" | cut -d'|' -f1,2)" "1|10.0.0.9"

# ---------------------------------------------------------------- reminders
SVC="ServiceId='svc'::text"
up() { # grain name hash period(literal)
    run UpsertReminderRowKey "$SVC" "GrainHash=$3::int4" "GrainId='$1'::text" "ReminderName='$2'::text" \
        "StartTime=$(ts "$T0")" "Period=$4"
}
out=$(up customer/1 r1 100 60000::int4)
expect "upsert: column name" "$(header "$out")" "Version"
expect "upsert new reminder returns etag 1" "$(rows "$out")" "1"
expect "upsert same reminder again returns etag 2" "$(rows "$(up customer/1 r1 100 120000::int4)")" "2"
expect "upsert with an int8 period (> int32 ms)" "$(rows "$(up customer/1 r2 100 5000000000::int8)")" "1"
up customer/2 r1 -2000000000 60000::int4 >/dev/null
up customer/3 r1 -5 60000::int4 >/dev/null
up customer/4 r1 0 60000::int4 >/dev/null
up customer/5 r1 2000000000 60000::int4 >/dev/null
run UpsertReminderRowKey "ServiceId='other'::text" "GrainHash=100::int4" "GrainId='customer/1'::text" \
    "ReminderName='r1'::text" "StartTime=$(ts "$T0")" "Period=1000::int4" >/dev/null

out=$(run ReadReminderRowKey "$SVC" "GrainId='customer/1'::text" "ReminderName='r1'::text")
expect "read row: column names" "$(header "$out")" "GrainId|ReminderName|StartTime|Period|Version"
expect "read row: values" "$(rows "$out")" "customer/1|r1|${T0}|120000|2"
expect "read row: unknown reminder -> no row" \
    "$(count "$(run ReadReminderRowKey "$SVC" "GrainId='customer/1'::text" "ReminderName='nope'::text")")" "0"
expect "read rows of a grain" \
    "$(rows "$(run ReadReminderRowsKey "$SVC" "GrainId='customer/1'::text")" | cut -d'|' -f2,4 | sort | tr '\n' ' ')" "r1|120000 r2|5000000000 "

hashes() { rows "$1" | cut -d'|' -f1 | sort | tr '\n' ' '; }
rng() { run "$1" "$SVC" "BeginHash=$2::int4" "EndHash=$3::int4"; }
out=$(rng ReadRangeRows1Key -10 100)
expect "range 1: column names" "$(header "$out")" "GrainId|ReminderName|StartTime|Period|Version"
expect "range (-10, 100]: begin exclusive, end inclusive" "$(hashes "$out")" "customer/1 customer/1 customer/3 customer/4 "
expect "range (0, 100]: hash 0 excluded" "$(hashes "$(rng ReadRangeRows1Key 0 100)")" "customer/1 customer/1 "
expect "wrap-around (100, -5] (begin > end): > 100 or <= -5" "$(hashes "$(rng ReadRangeRows2Key 100 -5)")" "customer/2 customer/3 customer/5 "
expect "begin = end: whole ring" "$(hashes "$(rng ReadRangeRows2Key 0 0)")" "customer/1 customer/1 customer/2 customer/3 customer/4 customer/5 "
expect "range reads see only their service" "$(count "$(rng ReadRangeRows2Key 0 0)")" "6"

del() { run DeleteReminderRowKey "$SVC" "GrainId='customer/1'::text" "ReminderName='r1'::text" "Version=$1::int4"; }
out=$(del 1)
expect "delete: one column" "$(header "$out")" "Deleted"
expect "delete with a stale etag -> false" "$(rows "$out")" "f"
expect "delete with the current etag -> true" "$(rows "$(del 2)")" "t"
expect "deleted reminder is gone" \
    "$(count "$(run ReadReminderRowKey "$SVC" "GrainId='customer/1'::text" "ReminderName='r1'::text")")" "0"
expect "delete again -> false" "$(rows "$(del 2)")" "f"

run DeleteReminderRowsKey "$SVC" >/dev/null
expect "delete all reminders of the service" "$(sql "SELECT count(*) FROM orleans_reminder WHERE service_id = 'svc'")" "0"
expect "other service's reminders kept" "$(sql "SELECT count(*) FROM orleans_reminder WHERE service_id = 'other'")" "1"

# ---------------------------------------------------------------- explanations (not Orleans)
explain="INSERT INTO intakemesh_explanation (channel, event_id, redelivery, occurred_at, explanation)
    SELECT * FROM unnest(ARRAY['Phone','Phone']::text[], ARRAY['ph-1','ph-1']::text[], ARRAY[false,true]::bool[],
        ARRAY['2026-11-20T01:00:00Z','2026-11-20T01:00:00Z']::timestamptz[], ARRAY['{\"n\":1}','{\"n\":2}']::jsonb[])
    ON CONFLICT DO NOTHING"
sql "$explain" >/dev/null
sql "$explain" >/dev/null
expect "explanations: a batch saved twice keeps one row per delivery" \
    "$(sql "SELECT count(*) FROM intakemesh_explanation WHERE event_id = 'ph-1'")" "2"

echo "${PASS} passed, ${FAIL} failed"
[[ $FAIL -eq 0 ]]
