#!/usr/bin/env bash
# Installs the Debian packages posthog-install needs to build and test. Idempotent:
# installs only what is missing. Works as root, or as a normal user through sudo.
set -euo pipefail

# libcurl4-openssl-dev: chart downloads go through libcurl (the CCurl module).
packages=(libncurses-dev libyaml-dev libarchive-dev libssl-dev libcurl4-openssl-dev tmux pkg-config)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then run=(); else run=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${run[@]}" apt-get update -qq
  "${run[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: system packages present"
fi

if ! command -v swift >/dev/null 2>&1; then
  for d in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
    [ -x "$d/swift" ] && export PATH="$d:$PATH"
  done
fi
command -v swift >/dev/null 2>&1 || {
  echo "setup: Swift 6.1 or newer is needed (https://swift.org/install); 'swift' is not on PATH." >&2
  exit 1
}
