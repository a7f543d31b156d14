#!/usr/bin/env bash
# End-to-end suite: the release posthog-install against the harness (real kubectl, helm over the real
# Helm library, a simulated API server), one cluster per case. See docs/testing.md.
#   bash scripts/e2e.sh [-j N] [PATTERN...]
# Env: POSTHOG_HARNESS (harness dir), POSTHOG_E2E_CHART (a real chart dir instead of the stand-in),
#      POSTHOG_E2E_BINARY (skip the release build and test this binary), POSTHOG_E2E_REQUIRED=1 (a
#      missing harness fails instead of skipping), POSTHOG_E2E_KEEP=1 (keep every case's directory).
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"

harness="${POSTHOG_HARNESS:-}"
if [ -z "$harness" ]; then
  for candidate in "$repo/../shared/tools/harness" /work/shared/tools/harness; do
    if [ -f "$candidate/up.sh" ]; then harness="$candidate"; break; fi
  done
fi
if [ -z "$harness" ] || [ ! -f "$harness/up.sh" ]; then
  if [ "${POSTHOG_E2E_REQUIRED:-}" = 1 ]; then
    echo "e2e: FAILED: the harness was not found (set POSTHOG_HARNESS to shared/tools/harness)" >&2
    exit 1
  fi
  echo "e2e: skipped: the harness was not found (set POSTHOG_HARNESS to run the end-to-end suite)"
  exit 0
fi
export POSTHOG_HARNESS="$(cd "$harness" && pwd)"

# The Helm library the harness's helm loads (a pip download once; nothing when present).
oracle_setup="$POSTHOG_HARNESS/../helm-oracle/setup.sh"
if [ -f "$oracle_setup" ]; then bash "$oracle_setup" >/dev/null; fi
python3 -c 'import yaml' 2>/dev/null || python3 -m pip install --quiet PyYAML

if [ -z "${POSTHOG_E2E_BINARY:-}" ]; then
  export PATH="/opt/swift/usr/bin:$PATH"
  swift build -c release --product posthog-install --static-swift-stdlib >&2
  export POSTHOG_E2E_BINARY="$(swift build -c release --static-swift-stdlib --show-bin-path)/posthog-install"
fi
exec python3 Tests/EndToEnd/run.py "$@"
