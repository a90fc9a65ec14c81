#!/usr/bin/env bash
# The test command: builds the solution, runs every test project against real parts (the
# embedded Kafka-protocol broker, an in-process Orleans cluster, Kestrel on loopback), validates
# deploy/ and helm/ offline, and ends with one plain line "N passed, N failed".
#
#   bash tests/run.sh
#
# Anything the tests need that a fresh machine lacks is installed here.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RESULTS=$ROOT/artifacts/test-results
cd "$ROOT"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

passed=0
failed=0

echo "== build"
if ! dotnet build IntakeMesh.sln -c Release -p:UseSharedCompilation=true -nologo -clp:ErrorsOnly; then
  dotnet build-server shutdown >/dev/null 2>&1 || true
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi
dotnet build-server shutdown >/dev/null 2>&1 || true

# First: it also installs promtool and prometheus, which a host test uses.
if [ -f deploy/validate.sh ]; then
  echo "== deploy checks"
  out=$(bash deploy/validate.sh 2>&1)
  echo "$out" | grep -E '^deploy-check (PASS|FAIL)|^deploy checks:'
  p=$(echo "$out" | grep -c '^deploy-check PASS' || true)
  f=$(echo "$out" | grep -c '^deploy-check FAIL' || true)
  if ! echo "$out" | grep -q '^deploy checks:'; then
    echo "$out" | tail -20
    f=$((f + 1))
  fi
  passed=$((passed + p))
  failed=$((failed + f))
fi

bash tests/browser.sh || echo "could not install chromium: the board's browser tests will fail"

echo "== services"
if [ -z "${INTAKEMESH_TEST_POSTGRES:-}" ]; then
  if ! services=$(bash tests/services.sh start); then
    echo "could not start the test services"
    echo "0 passed, 1 failed"
    exit 1
  fi
  eval "$services"
  trap 'bash tests/services.sh stop' EXIT
fi

echo "== tests"
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  echo "-- $name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$RESULTS" 2>&1 | grep -E '^\s*(Passed|Failed|Skipped) |Total tests|error|Error Message|^\s+at IntakeMesh' | head -200
  trx=$RESULTS/$name.trx
  if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
    f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
    e=$(echo "$counters" | sed -n 's/.* error="\([0-9]*\)".*/\1/p')
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0} + ${e:-0}))
    echo "   $name: ${p:-0} passed, $(( ${f:-0} + ${e:-0} )) failed"
  else
    echo "   $name: no results (the test host crashed)"
    failed=$((failed + 1))
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
