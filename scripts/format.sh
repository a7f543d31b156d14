#!/usr/bin/env bash
# Formats the Swift files changed since scripts/format-baseline with swift-format (configured in
# scripts/swift-format.json), or with --check only reports the ones that are not formatted
# (exit 1; CI runs this). Files are formatted as they are touched, so a change never carries a
# reformatting of code it did not change.
#   bash scripts/format.sh [--check] [FILE...]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
check=0
if [ "${1:-}" = "--check" ]; then check=1; shift; fi
if [ $# -gt 0 ]; then
  files=("$@")
else
  base=$(cat scripts/format-baseline)
  mapfile -t files < <( { git diff --name-only --diff-filter=AMR "$base" -- 'Sources/*.swift' 'Tests/*.swift' 'Package.swift';
                          git ls-files --others --exclude-standard -- 'Sources/*.swift' 'Tests/*.swift'; } \
                        | grep -v '/EmbeddedProfiles.swift$' | sort -u)
fi
if [ ${#files[@]} -eq 0 ]; then echo "format: no Swift file changed since $(cat scripts/format-baseline | cut -c1-10)"; exit 0; fi
config=scripts/swift-format.json
if [ $check -eq 0 ]; then
  swift-format format --configuration "$config" --in-place --parallel "${files[@]}"
  echo "format: ${#files[@]} file(s) formatted"
  exit 0
fi
bad=()
for file in "${files[@]}"; do
  [ -f "$file" ] || continue
  if ! swift-format format --configuration "$config" "$file" | cmp -s - "$file"; then bad+=("$file"); fi
done
if [ ${#bad[@]} -gt 0 ]; then
  echo "format: ${#bad[@]} of ${#files[@]} changed Swift file(s) are not formatted; run: bash scripts/format.sh" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "format: ${#files[@]} changed Swift file(s) formatted as scripts/swift-format.json says"
