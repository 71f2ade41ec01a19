#!/usr/bin/env bash
# Runs every test of ReleaseWatch. Installs what the tests need first: Debian packages for the local
# peers (RabbitMQ with AMQP 1.0, aiosmtpd) and the npm peers pinned in tests/peers/package-lock.json
# (Azurite, Faye, adaptivecards), and headless Chromium for the dashboard's browser tests. Ends with one line: "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

fail() { echo "run.sh: $*" >&2; echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }

# Debian packages, only when missing (apt-get needs root; CI and developers run as root).
missing=()
for pkg in rabbitmq-server python3-aiosmtpd zip chromium fonts-dejavu-core; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "run.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null || fail "apt-get update failed"
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null || fail "apt-get install ${missing[*]} failed"
fi
# The Debian package may start a system RabbitMQ; tests start their own on free ports.
if pgrep -f 'rabbit_prelaunch|beam.smp.*rabbit' >/dev/null 2>&1 && [ -x /etc/init.d/rabbitmq-server ]; then
  /etc/init.d/rabbitmq-server stop >/dev/null 2>&1 || true
fi

npm ci --prefix tests/peers --no-audit --no-fund --loglevel=error >/dev/null || fail "npm ci in tests/peers failed"

dotnet build ReleaseWatch.sln -c Release --nologo -v q -clp:ErrorsOnly || fail "build failed"

results="$root/artifacts/test-results"
rm -rf "$results"
dotnet test ReleaseWatch.sln -c Release --no-build --nologo \
  --logger "trx;LogFileName=tests.trx" --logger "console;verbosity=normal" \
  --results-directory "$results" --blame-hang-timeout 15m
status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed)))
  skipped=$((skipped + $(get notExecuted)))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the runner failed without a failed test (crash, hang): still a failure
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
