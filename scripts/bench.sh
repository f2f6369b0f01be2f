#!/usr/bin/env bash
# The benchmark (issue 5, docs/BENCHMARKS.md): builds the server and the benchmark in Release, then runs it.
# It starts its own Azurite (from node_modules), the server as separate process(es), a webhook receiver and an SMTP sink.
#   scripts/bench.sh            full run (in-memory and disk Azurite, ~25 min on 2 cores)
#   scripts/bench.sh --quick    smoke run with tiny N (< 2 min)
# Other options: --modes memory,disk  --only intake,precision,fanout,email,two  --runs N  --intake-runs N
#                --server-dll PATH (another build, for before/after)  --server-setting Key=Value  --server-env NAME=VALUE
#                --sizes 100,1000,10000  --two-sizes 1000,10000  --clients 1,8,32  --out DIR
# Results: .local/bench/<UTC time>/results.md (and the server logs beside it).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ ! -f node_modules/azurite/dist/src/azurite.js ]; then
  npm ci --no-audit --no-fund
fi
dotnet build -c Release src/Alerts.Server/Alerts.Server.csproj -nologo -v quiet
dotnet build -c Release bench/Alerts.Benchmarks/Alerts.Benchmarks.csproj -nologo -v quiet
exec dotnet run -c Release --no-build --project bench/Alerts.Benchmarks -- "$@"
