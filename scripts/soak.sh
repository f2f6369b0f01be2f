#!/usr/bin/env bash
# The soak (issue 15, docs/RELIABILITY.md): N minutes of steady intake, analyst actions and fan-out with injected storage
# faults and a server restart half-way, then a report: accepted, released, delivered, lost, stuck, duplicates, lateness.
#   scripts/soak.sh                          30 minutes, 1 report/s, 1 % faults
#   scripts/soak.sh --soak-minutes 5 --soak-faults 0.03 --soak-rate 3
# Not part of CI. Output: .local/bench/<UTC time>/soak.md and the server logs beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/bench.sh --soak "$@"
