#!/usr/bin/env bash
# Measures how long the wizard takes to show its first screen (the requirement: 50 ms).
#
#   scripts/first-screen.sh [-n RUNS] [--no-build] [--binary PATH] [-- EXTRA ARGS]
#
# Builds the release binary as scripts/run.sh does (static Swift runtime; not with --no-build or
# --binary), then starts it RUNS times (10 by default, after one unmeasured warm-up) with
# --simulate in a detached tmux session of 100x30, each time with a fresh temporary HOME and XDG
# directories. Two figures per run:
#   in-process  from the moment bash execs the binary ($EPOCHREALTIME) to the first draw, as
#               the program writes it (POSTHOG_INSTALL_STARTUP_TIMING); also split into
#               exec→main (loader, runtime) and main→draw, plus the CPU time used.
#   tmux        from `tmux new-session` until capture-pane shows anything: what a person sees,
#               including tmux and polling overhead (a few milliseconds).
# Prints median, min and max of each, and the phases the program marks (StartupTiming.mark).
# The machine's load shows in the wall-clock figures; the CPU times are steadier.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=10
build=1
binary=""
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --binary) binary="$2"; build=0; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "first-screen: unknown argument $1 (use -n RUNS, --no-build, --binary PATH, -- ARGS)" >&2; exit 2 ;;
  esac
done

command -v tmux >/dev/null || { echo "first-screen: tmux is needed (scripts/setup.sh installs it)" >&2; exit 1; }
export PATH="/opt/swift/usr/bin:$PATH"
if [ "$build" = 1 ]; then
  swift build -c release --static-swift-stdlib -Xlinker --strip-debug --product posthog-install >&2
fi
if [ -z "$binary" ]; then
  binary="$(swift build -c release --static-swift-stdlib -Xlinker --strip-debug --show-bin-path)/posthog-install"
fi
[ -x "$binary" ] || { echo "first-screen: no binary at $binary (build it, or pass --binary)" >&2; exit 1; }

now_ms() { local t=$EPOCHREALTIME; echo "${t/[.,]/}" | awk '{ printf "%.3f", $1 / 1000 }'; }

work="$(mktemp -d)"
socket="first-screen-$$"  # one server per run (below): a new session on a server still exiting fails
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

results="$work/results"
: > "$results"
: > "$work/marks"
for i in $(seq 0 "$runs"); do
  socket="first-screen-$$-$i"
  dir="$work/run-$i"
  mkdir -p "$dir/state" "$dir/cache" "$dir/config"
  quoted_extra=""
  for a in ${extra[@]+"${extra[@]}"}; do quoted_extra+=" '$a'"; done
  shell="cd '$dir' && echo \$EPOCHREALTIME > '$dir/launched' && exec '$binary' --simulate$quoted_extra"
  start=$(now_ms)
  tmux -L "$socket" -f /dev/null new-session -d -s S -x 100 -y 30 \
    -e TERM=tmux-256color -e LANG=C.UTF-8 -e "HOME=$dir" -e "XDG_STATE_HOME=$dir/state" \
    -e "XDG_CACHE_HOME=$dir/cache" -e "XDG_CONFIG_HOME=$dir/config" \
    -e "POSTHOG_INSTALL_STARTUP_TIMING=$dir/timing" bash --noprofile --norc -c "$shell"
  seen=""
  for _ in $(seq 1 2000); do
    if tmux -L "$socket" capture-pane -p -t S 2>/dev/null | grep -q '[^[:space:]]'; then seen=$(now_ms); break; fi
  done
  for _ in $(seq 1 200); do [ -s "$dir/timing" ] && break; sleep 0.01; done
  tmux -L "$socket" kill-server 2>/dev/null || true
  [ -n "$seen" ] || { echo "first-screen: run $i showed nothing within the time allowed" >&2; exit 1; }
  [ -s "$dir/timing" ] || { echo "first-screen: run $i wrote no timing (is the binary new enough?)" >&2; exit 1; }
  [ "$i" = 0 ] && continue  # warm-up: page cache, tmux server
  launched=$(tr -d ',.' < "$dir/launched")
  awk -v launched="$launched" -v start="$start" -v seen="$seen" '
    function us(s) { gsub(/\./, "", s); return substr(s, 1, length(s) - 3) }
    $1 == "main" { main = us($2) }
    $1 == "first-draw" { draw = us($2) }
    $1 == "cpu-ms" { cpu = $2 }
    $1 == "main-cpu-ms" { maincpu = $2 }
    END { printf "%.2f %.2f %.2f %.2f %.2f %.2f\n", (draw - launched) / 1000, (main - launched) / 1000, (draw - main) / 1000, maincpu, cpu, seen - start }
  ' "$dir/timing" >> "$results"
  # Named phases (StartupTiming.mark), as milliseconds after main.
  awk '
    function us(s) { gsub(/\./, "", s); return substr(s, 1, length(s) - 3) }
    $1 == "main" { main = us($2) }
    $1 == "main-cpu-ms" { maincpu = $2 }
    $1 ~ /^mark-/ { name[++n] = substr($1, 6); at[n] = us($2); cpu[n] = $3 }
    END { for (i = 1; i <= n; i++) printf "%s %.2f %.2f\n", name[i], (at[i] - main) / 1000, cpu[i] - maincpu }
  ' "$dir/timing" >> "$work/marks"
done

echo "first screen of $binary ($runs runs, ms):"
printf '%-26s %8s %8s %8s\n' "" median min max
names=("in-process exec→draw" "  exec→main" "  main→draw" "CPU time at main" "CPU time at draw" "tmux launch→visible")
for column in 1 2 3 4 5 6; do
  sort -n -k"$column","$column" "$results" | awk -v c="$column" -v name="${names[$((column - 1))]}" '
    { v[NR] = $c }
    END {
      m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "%-26s %8.1f %8.1f %8.1f\n", name, m, v[1], v[NR]
    }'
done
if [ -s "$work/marks" ]; then
  echo "phases (ms after main, median; wall and CPU):"
  awk '!seen[$1]++ { order[++n] = $1 } END { for (i = 1; i <= n; i++) print order[i] }' "$work/marks" | while read -r phase; do
    wall=$(awk -v p="$phase" '$1 == p { print $2 }' "$work/marks" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
    cpu=$(awk -v p="$phase" '$1 == p { print $3 }' "$work/marks" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
    printf '  %-24s %8.1f %8.1f\n' "$phase" "$wall" "$cpu"
  done
fi
