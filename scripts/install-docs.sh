#!/usr/bin/env bash
# Installs the manual page and the shell completions of a built posthog-install for this user:
#   ~/.local/share/man/man1/posthog-install.1           (man posthog-install)
#   ~/.local/share/bash-completion/completions/posthog-install
#   ~/.local/share/zsh/site-functions/_posthog-install  (add the directory to fpath)
#   ~/.config/fish/completions/posthog-install.fish
# Both are made by the program from its own command definitions, so they match its flags.
# Usage: scripts/install-docs.sh PATH/TO/posthog-install
set -euo pipefail
binary="$1"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
config="${XDG_CONFIG_HOME:-$HOME/.config}"
mkdir -p "$data/man/man1" "$data/bash-completion/completions" "$data/zsh/site-functions" "$config/fish/completions"
"$binary" generate-manual > "$data/man/man1/posthog-install.1"
"$binary" --generate-completion-script bash > "$data/bash-completion/completions/posthog-install"
"$binary" --generate-completion-script zsh > "$data/zsh/site-functions/_posthog-install"
"$binary" --generate-completion-script fish > "$config/fish/completions/posthog-install.fish"
echo "Installed the manual page (man posthog-install) and bash, zsh and fish completions under $data and $config." >&2
