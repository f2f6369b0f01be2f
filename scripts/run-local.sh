#!/usr/bin/env bash
# Runs Alerts locally: installs and starts Azurite (data in .local/azurite), loads seeds/, and runs the
# standalone server on http://localhost:7071 with the development settings. Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

command -v dotnet >/dev/null || { echo "Install the .NET 10 SDK first (https://dot.net)."; exit 1; }
command -v node >/dev/null || { echo "Install Node.js 20 or later first (Azurite runs on it)."; exit 1; }

if [ ! -x node_modules/.bin/azurite ]; then
  echo "Installing Azurite (npm ci)..."
  npm ci --no-audit --no-fund
fi

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

azurite_pid=""
if port_open 10001 && port_open 10002; then
  echo "Azurite already running on ports 10000-10002; using it."
else
  mkdir -p .local/azurite
  echo "Starting Azurite (data in .local/azurite, log in .local/azurite.log)..."
  node_modules/.bin/azurite --skipApiVersionCheck --disableTelemetry --location .local/azurite \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 > .local/azurite.log 2>&1 &
  azurite_pid=$!
  for _ in $(seq 1 100); do port_open 10002 && port_open 10001 && break; sleep 0.1; done
  port_open 10002 || { echo "Azurite did not start; see .local/azurite.log"; exit 1; }
fi

cleanup() {
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
  [ -n "${receiver_pid:-}" ] && kill "$receiver_pid" 2>/dev/null || true
  [ -n "$azurite_pid" ] && kill "$azurite_pid" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

export ASPNETCORE_ENVIRONMENT=Development
export Email__OutboxPath="${Email__OutboxPath:-$root/.local/outbox}"
echo "Building and starting the Alerts server on ${ASPNETCORE_URLS:-http://localhost:7071} ..."
dotnet build src/Alerts.Server --nologo -v quiet
dotnet run --project src/Alerts.Server --no-build -- "$@" &
server_pid=$!

node scripts/webhook-receiver.mjs &
receiver_pid=$!
node scripts/seed.mjs || echo "Seeding failed; the service still runs."
echo
echo "Alerts is running on ${ASPNETCORE_URLS:-http://localhost:7071}: open it in a browser for the duty desk console (sign in with dev-analyst-key or dev-admin-key)."
echo "Emails land in .local/outbox; webhooks print here. Ctrl+C stops everything."
wait "$server_pid"
