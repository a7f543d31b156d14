#!/usr/bin/env bash
# The longer fuzz run of the template engine and the YAML reader (the test suite runs a short,
# fixed one). Usage: scripts/fuzz.sh [SEED] [COUNT]   (defaults: the time, 100000 inputs)
# A crash stops it with the crashing input in fuzz-last-input.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
swift build -c release --product PosthogFuzz >&2
"$(swift build -c release --show-bin-path)/PosthogFuzz" "$@"
