#!/usr/bin/env bash
# Sets up the machine, builds posthog-install (release) and runs it with the given arguments.
# With no cluster configured, the wizard offers the built-in simulated cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >&2
export PATH="/opt/swift/usr/bin:$PATH"
# Static Swift runtime and Foundation: the wizard starts in about half the time; the DWARF debug
# information is left out of the linked program (symbols stay, for profilers): docs/architecture.md.
swift build -c release --static-swift-stdlib -Xlinker --strip-debug --product posthog-install >&2
binary="$(swift build -c release --static-swift-stdlib -Xlinker --strip-debug --show-bin-path)/posthog-install"
# The manual page and shell completions, made from the command definitions (quietly skipped
# when the home directory cannot be written).
bash scripts/install-docs.sh "$binary" || echo "Could not install the manual page and completions; the program works without them." >&2
exec "$binary" "$@"
