#!/usr/bin/env bash
# Sets up the machine, builds posthog-install (release) and runs it with the given arguments.
# With no cluster configured, the wizard offers the built-in simulated cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >&2
export PATH="/opt/swift/usr/bin:$PATH"
swift build -c release --product posthog-install >&2
exec "$(swift build -c release --show-bin-path)/posthog-install" "$@"
