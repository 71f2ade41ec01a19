#!/usr/bin/env bash
# Builds the package `az functionapp deployment source config-zip` deploys:
#   host.json                    at the zip root (customHandler -> ReleaseWatch)
#   <Function>/function.json     one folder per Functions/*/function.json, whatever folders exist
#   ReleaseWatch + its files     the linux-x64 executable, compiled natively (Native AOT, run bit set), and its assets
# Usage: bash Functions/package.sh [output.zip]     (default: artifacts/releasewatch.zip)
# The build goes to its own artifacts folder, so it never disturbs a developer's bin/ and obj/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-"$root/artifacts/releasewatch.zip"}
case "$out" in /*) ;; *) out="$(pwd)/$out" ;; esac

command -v zip >/dev/null || { echo "package.sh: needs 'zip' (apt-get install zip)" >&2; exit 1; }
[ -f "$root/host.json" ] || { echo "package.sh: $root/host.json is missing" >&2; exit 1; }
shopt -s nullglob
functions=("$root"/Functions/*/function.json)
((${#functions[@]})) || { echo "package.sh: no Functions/*/function.json" >&2; exit 1; }

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

dotnet publish "$root/Functions" -c Release -r linux-x64 --self-contained \
  --artifacts-path "$root/artifacts/package-build" -o "$stage" --nologo -v q -clp:ErrorsOnly

[ -f "$stage/ReleaseWatch" ] || { echo "package.sh: publish produced no ReleaseWatch executable" >&2; exit 1; }
# Debug symbols (the native executable's ReleaseWatch.dbg is twice its size) are of no use to the host.
rm -f "$stage"/*.dbg "$stage"/*.pdb
chmod 755 "$stage/ReleaseWatch"
cp "$root/host.json" "$stage/host.json"
for function_json in "${functions[@]}"; do
  name=$(basename "$(dirname "$function_json")")
  [ ! -e "$stage/$name" ] || { echo "package.sh: function folder $name collides with a published file" >&2; exit 1; }
  mkdir "$stage/$name"
  cp "$function_json" "$stage/$name/function.json"
done

mkdir -p "$(dirname "$out")"
rm -f "$out"
# -X: no extra uid/gid fields; -1: fastest compression (2.5x faster than the default, ~8% larger).
# zip keeps each file's Unix mode, so ReleaseWatch stays executable.
(cd "$stage" && zip -q -r -X -1 "$out" .)
echo "$out"
