#!/usr/bin/env bash
# Runs every test: installs Azurite (npm) if missing, restores, builds and runs all test projects.
# Tests start their own Azurite on free ports with a scratch data folder. Ends with "tests: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/azurite ]; then
  npm ci --no-audit --no-fund || { echo "npm ci failed"; echo "tests: 0 passed, 1 failed"; exit 1; }
fi

results="TestResults"
rm -rf "$results"
dotnet test Alerts.sln --configuration "${CONFIGURATION:-Debug}" \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host failed before any test could report.
  failed=1
fi
echo "tests: $passed passed, $failed failed"
if [ "$passed" -eq 0 ] || [ "$failed" -ne 0 ] || [ "$status" -ne 0 ]; then
  exit 1
fi
