#!/usr/bin/env bash
# Builds the benchmarks in release mode and prints their figures.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >&2
export PATH="/opt/swift/usr/bin:$PATH"
swift build -c release --static-swift-stdlib --product PosthogBenchmarks >&2
exec "$(swift build -c release --static-swift-stdlib --show-bin-path)/PosthogBenchmarks" "$@"
