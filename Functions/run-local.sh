#!/usr/bin/env bash
# Runs ReleaseWatch standalone on local defaults: installs the pinned npm peers, starts Azurite's table
# service (in memory, telemetry off) on 127.0.0.1, and runs the service on http://127.0.0.1:7071 with the
# "Local" settings (Functions/appsettings.Local.json). Ctrl-C stops both.
# --demo: replay the bundled recording of a broken release (Functions/demo/recording.jsonl) on a 30x clock.
set -euo pipefail
cd "$(dirname "$0")/.."

args=()
for arg in "$@"; do
  if [ "$arg" = "--demo" ]; then export ReleaseWatch__Demo__Enabled=true; else args+=("$arg"); fi
done

table_port=${AZURITE_TABLE_PORT:-10002}
command -v dotnet >/dev/null || { echo "run-local.sh: the .NET SDK (dotnet) is required" >&2; exit 1; }
command -v npm >/dev/null || { echo "run-local.sh: Node.js and npm are required (for Azurite)" >&2; exit 1; }

npm ci --prefix tests/peers --no-audit --no-fund --loglevel=error >/dev/null

if (exec 3<>"/dev/tcp/127.0.0.1/$table_port") 2>/dev/null; then
  echo "run-local.sh: 127.0.0.1:$table_port is taken; set AZURITE_TABLE_PORT to a free port" >&2
  exit 1
fi
tests/peers/node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort "$table_port" \
  --inMemoryPersistence --disableTelemetry --silent &
azurite=$!
trap 'kill "$azurite" 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$table_port") 2>/dev/null && break
  kill -0 "$azurite" 2>/dev/null || { echo "run-local.sh: Azurite did not start" >&2; exit 1; }
  sleep 0.1
done
echo "run-local.sh: Azurite (tables) on 127.0.0.1:$table_port, in memory"

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Local}
export ReleaseWatch__Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
dotnet run --project Functions -c Release -- "${args[@]}"
