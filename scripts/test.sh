#!/usr/bin/env bash
# Sets up the machine, builds everything and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="/opt/swift/usr/bin:$PATH"
# House habits first (seconds): Package.swift lists exactly what each target imports, and the
# Swift files changed since scripts/format-baseline are formatted by swift-format.
python3 scripts/check-imports.py
bash scripts/format.sh --check
swift build --build-tests
# One test at a time: many tests run the simulated cluster on a time-scaled clock, and on a
# machine with few cores running them all at once starves those clocks' loops. Serially the
# whole suite takes about a minute.
swift test --skip-build --disable-xctest --no-parallel "$@"
# Then the end-to-end suite against the harness (skipped with a line when there is none, unless
# POSTHOG_E2E_REQUIRED=1, as in CI).
if [ $# -eq 0 ]; then
  bash scripts/e2e.sh
fi
