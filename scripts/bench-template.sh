#!/usr/bin/env bash
# Compares `posthog-install template` (the whole process: start, load, render, print) with real
# Helm's render phase, side by side in the same run. Called by scripts/bench.sh; prints figures only.
#
#   scripts/bench-template.sh BINARY [-n RUNS] [--sizes "125 250 500 1000"] [--no-helm]
#
# Two cases:
#   chart    the real PostHog chart 30.46.0 (commit 81f238b4 of PostHog/charts-clickhouse),
#            extracted into a temporary directory from a local mirror (POSTHOG_CHARTS_MIRROR, or
#            fetched from GitHub when there is none), with k3s-like values written by
#            `posthog-install values --cloud other ...` (121 documents).
#   scaling  a generated chart whose one template ranges over N items, each item using
#            include of helpers, toYaml | nindent, tpl, quote and default: N documents.
# For ours: the median wall time, the median CPU time (user + system: steadier on a busy
# machine) and the largest peak RSS of RUNS runs (GNU time). For Helm: the
# median of its render phase over RUNS runs, as ../shared/tools/helm-oracle measures it (from
# capabilities discovery to the first request after rendering); Helm's start-up is not counted.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=${1:?usage: scripts/bench-template.sh BINARY [-n RUNS] [--sizes LIST] [--no-helm]}
shift
runs=7
sizes="125 250 500 1000"
helm=1
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs="$2"; shift 2 ;;
    --sizes) sizes="$2"; shift 2 ;;
    --no-helm) helm=0; shift ;;
    *) echo "bench-template: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -x "$binary" ] || { echo "bench-template: no binary at $binary" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench-template: GNU time (/usr/bin/time) is needed" >&2; exit 2; }
oracle=${HELM_ORACLE:-../shared/tools/helm-oracle}
if [ "$helm" = 1 ] && [ ! -x "$oracle/render.sh" ]; then
  echo "bench-template: no helm-oracle at $oracle (set HELM_ORACLE); Helm's side is left out" >&2
  helm=0
fi

# BENCH_WORK=DIR keeps the extracted chart, the values and the generated charts there (for profiling).
if [ -n "${BENCH_WORK:-}" ]; then
  work=$BENCH_WORK; rm -rf "$work/charts" "$work/scale"; mkdir -p "$work"
else
  work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fi

chart_commit=81f238b4
mirror=${POSTHOG_CHARTS_MIRROR:-/work/.mirror/PostHog+charts-clickhouse/repo}
if [ -d "$mirror" ]; then
  git --git-dir="$mirror" archive "$chart_commit" charts/posthog | tar -x -C "$work"
else
  git clone -q --filter=blob:none https://github.com/PostHog/charts-clickhouse "$work/src"
  git -C "$work/src" archive "$chart_commit" charts/posthog | tar -x -C "$work"
fi
"$binary" values --cloud other --hostname posthog.example.com --tls --email ops@example.com \
  --tier small -o "$work/k3s-values.yaml" >/dev/null

# ours NAME CHART VALUES: prints "median_wall_seconds median_cpu_seconds peak_mb documents".
ours() {
  local chart=$2 values=$3 times=() cpus=() peak=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$binary" template posthog "$chart" -n posthog -f "$values" \
      > "$work/out.yaml"
    read -r seconds user system kb < "$work/time"
    times+=("$seconds")
    cpus+=("$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')")
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  local middle=$(( (runs + 1) / 2 ))
  echo "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "${middle}p")" \
    "$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "${middle}p")" \
    "$(( peak / 1024 )) $(grep -c '^# Source: ' "$work/out.yaml")"
}

# helm CHART VALUES: prints the median of Helm's render phase in seconds.
helm_render() {
  "$oracle/render.sh" "$1" -f "$2" --repeat "$runs" 2>"$work/oracle.err" >/dev/null || {
    echo "bench-template: helm-oracle failed:" >&2; cat "$work/oracle.err" >&2; return 1; }
  awk '$2 == "render" { print $4 }' "$work/oracle.err" | tr -d 's'
}

# report NAME OURS_LINE HELM_SECONDS
report() {
  local name=$1 seconds cpu mb docs
  read -r seconds cpu mb docs <<<"$2"
  if [ -n "${3:-}" ]; then
    printf '%-16s %5d docs   ours %6.3f s (cpu %6.3f s)  %3d MB peak   helm render %6.3f s   helm/ours %5.1fx\n' \
      "$name" "$docs" "$seconds" "$cpu" "$mb" "$3" "$(awk -v h="$3" -v o="$seconds" 'BEGIN { print h / o }')"
  else
    printf '%-16s %5d docs   ours %6.3f s (cpu %6.3f s)  %3d MB peak\n' "$name" "$docs" "$seconds" "$cpu" "$mb"
  fi
}

echo "template: whole process (median of $runs; GNU time) vs Helm v4.3.0's render phase (median of $runs)"
line=$(ours chart "$work/charts/posthog" "$work/k3s-values.yaml")
helm_seconds=""; [ "$helm" = 1 ] && helm_seconds=$(helm_render "$work/charts/posthog" "$work/k3s-values.yaml")
report "posthog 30.46.0" "$line" "$helm_seconds"

# The scaling chart: one template ranging over N items.
scale="$work/scale"
mkdir -p "$scale/templates"
cat > "$scale/Chart.yaml" <<'EOF'
apiVersion: v2
name: scale
version: 1.0.0
appVersion: "2.0"
EOF
cat > "$scale/templates/_helpers.tpl" <<'EOF'
{{- define "scale.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- define "scale.fullname" -}}
{{- printf "%s-%s" .Release.Name (include "scale.name" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- define "scale.labels" -}}
app.kubernetes.io/name: {{ include "scale.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end }}
EOF
cat > "$scale/templates/items.yaml" <<'EOF'
{{- range $i, $item := .Values.items }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "scale.fullname" $ }}-{{ $item.name }}
  labels:
    {{- include "scale.labels" $ | nindent 4 }}
    tier: {{ $item.tier | default "standard" | quote }}
  annotations:
    note: {{ tpl $.Values.note (dict "item" $item "Release" $.Release "Values" $.Values "Template" $.Template) | quote }}
data:
  index: {{ $i | quote }}
  replicas: {{ $item.replicas | default 1 | quote }}
  settings.yaml: |
    {{- toYaml $item.settings | nindent 4 }}
  resources: {{ toYaml $item.resources | nindent 4 }}
{{- end }}
EOF
for n in $sizes; do
  {
    echo 'note: "{{ .Release.Name }} serves {{ .item.name }} on port {{ .item.settings.port }}"'
    echo "items:"
    for i in $(seq 1 "$n"); do
      echo "  - name: item-$i"
      [ $((i % 3)) = 0 ] && echo "    tier: gold"
      [ $((i % 4)) = 0 ] && echo "    replicas: $((i % 7 + 2))"
      echo "    settings: {port: $((8000 + i)), path: /srv/item-$i, debug: $([ $((i % 2)) = 0 ] && echo true || echo false), ratio: 0.$i}"
      echo "    resources: {requests: {cpu: ${i}m, memory: $((i * 2))Mi}, limits: {memory: 1Gi}}"
    done
  } > "$work/scale-$n.yaml"
  line=$(ours "scale-$n" "$scale" "$work/scale-$n.yaml")
  helm_seconds=""; [ "$helm" = 1 ] && helm_seconds=$(helm_render "$scale" "$work/scale-$n.yaml")
  report "scaling $n" "$line" "$helm_seconds"
done
