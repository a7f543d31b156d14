#!/usr/bin/env bash
# Development check, not part of the test suite: renders a real chart with our engine and
# with real Helm (the helm-oracle development tool) for each values file, and compares them
# byte for byte. Lines that differ between two runs of real Helm (random passwords,
# generated certificates) are masked.
#
#   scripts/conformance.sh CHART_DIR [VALUES.yaml ...]
#
# Needs ../shared/tools/helm-oracle (set up with its setup.sh). Prints one line per values
# file: EQUAL, or DIFFERENT with the first differing lines, and the time each side took.
set -euo pipefail
cd "$(dirname "$0")/.."
chart=${1:?usage: scripts/conformance.sh CHART_DIR [VALUES.yaml ...]}
shift
oracle=${HELM_ORACLE:-../shared/tools/helm-oracle}
[ -x "$oracle/render.sh" ] || { echo "helm-oracle not found at $oracle (set HELM_ORACLE)" >&2; exit 2; }
swift build -c release --static-swift-stdlib -Xlinker --strip-debug --product posthog-install >&2
bin="$(swift build -c release --static-swift-stdlib -Xlinker --strip-debug --show-bin-path)/posthog-install"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("")
status=0
for values in "${files[@]}"; do
  name=$(basename "${values:-defaults}" .yaml)
  args=(); [ -n "$values" ] && args=(-f "$values")
  "$oracle/render.sh" "$chart" "${args[@]}" > "$work/$name.helm" 2>/dev/null
  "$oracle/render.sh" "$chart" "${args[@]}" > "$work/$name.helm2" 2>/dev/null
  python3 - "$work/$name.helm" "$work/$name.helm2" > "$work/$name.volatile" <<'PY'
import sys
a = open(sys.argv[1]).read().split("\n"); b = open(sys.argv[2]).read().split("\n")
print("\n".join(str(i) for i, (x, y) in enumerate(zip(a, b), 1) if x != y))
PY
  start=$(date +%s%N)
  "$bin" template posthog "$chart" -n posthog "${args[@]}" > "$work/$name.ours" || true
  end=$(date +%s%N)
  printf '%s (%s lines, ours %d ms): ' "$name" "$(wc -l < "$work/$name.helm")" $(( (end - start) / 1000000 ))
  if ! python3 "$oracle/compare.py" "$work/$name.helm" "$work/$name.ours" | tail -25; then status=1; fi
done
exit $status
