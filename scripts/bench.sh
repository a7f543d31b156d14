#!/usr/bin/env bash
# Builds the benchmarks and posthog-install in release mode and prints their figures:
# first the in-process benchmarks (PosthogBenchmarks), then `posthog-install template` as a
# whole process beside real Helm's render phase (scripts/bench-template.sh: the real chart
# 30.46.0 and a chart that grows from 125 to 1,000 documents).
#
#   scripts/bench.sh [--only-template] [bench-template.sh options: -n RUNS, --sizes LIST, --no-helm]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >&2
export PATH="/opt/swift/usr/bin:$PATH"
in_process=1
if [ "${1:-}" = "--only-template" ]; then in_process=0; shift; fi
swift build -c release --static-swift-stdlib -Xlinker --strip-debug --product posthog-install >&2
bin="$(swift build -c release --static-swift-stdlib -Xlinker --strip-debug --show-bin-path)"
if [ "$in_process" = 1 ]; then
  swift build -c release --static-swift-stdlib -Xlinker --strip-debug --product PosthogBenchmarks >&2
  "$bin/PosthogBenchmarks"
fi
bash scripts/bench-template.sh "$bin/posthog-install" "$@"
