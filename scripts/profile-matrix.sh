#!/usr/bin/env bash
# Development check, not part of the test suite: for every supported chart major (3.0.3 and
# 30.46.0) and every cloud × TLS × tier, writes values.yaml with `posthog-install values
# --chart CHART` and renders the chart with it through real Helm (the helm-oracle development
# tool). Prints one line per combination: the keys' profile written, whether real Helm
# accepted the values, and what the rendered manifests hold for that cloud (ingress class,
# ManagedCertificate, cert-manager issuer, ingress-nginx controller).
#
#   scripts/profile-matrix.sh [CHARTS_GIT_DIR]
#
# The charts come from a local clone of PostHog/charts-clickhouse (default:
# $POSTHOG_CHARTS_GIT or /work/.mirror/PostHog+charts-clickhouse/repo), extracted into a
# temporary directory at the commits below; nothing fetched is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=${1:-${POSTHOG_CHARTS_GIT:-/work/.mirror/PostHog+charts-clickhouse/repo}}
oracle=${HELM_ORACLE:-../shared/tools/helm-oracle}
[ -x "$oracle/render.sh" ] || { echo "helm-oracle not found at $oracle (set HELM_ORACLE)" >&2; exit 2; }
[ -d "$repo" ] || { echo "no charts-clickhouse clone at $repo" >&2; exit 2; }
# chart version → commit of charts-clickhouse that has it.
charts=("3.0.3=70e62c4e" "30.46.0=81f238b4")

swift build --product posthog-install >&2
bin="$(swift build --show-bin-path)/posthog-install"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Our program keeps its state and cache in the temporary directory; the oracle keeps its own.
ours() { XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache" "$bin" "$@"; }

status=0
for entry in "${charts[@]}"; do
  version=${entry%%=*}; commit=${entry#*=}
  dir="$work/chart-$version"; mkdir -p "$dir"
  git --git-dir="$repo" archive "$commit" charts/posthog | tar -x -C "$dir"
  chart="$dir/charts/posthog"
  for cloud in gcp aws do other; do
    for tls in --tls --no-tls; do
      for tier in small large; do
        case_dir="$work/case-$version-$cloud$tls-$tier"; mkdir -p "$case_dir"
        # Let's Encrypt needs an email on the nginx clouds with TLS (chart 30.x asks for it).
        email=()
        [ "$tls" = --tls ] && [ "$cloud" != gcp ] && [ "${version%%.*}" = 30 ] && email=(--email ops@example.com)
        if ! (cd "$case_dir" && ours values --chart "$chart" --cloud "$cloud" --hostname posthog.example.com \
              "$tls" --tier "$tier" "${email[@]}" -o values.yaml > values.log 2>&1); then
          printf '%-8s %-5s %-8s %-5s values: FAILED (%s)\n' "$version" "$cloud" "$tls" "$tier" "$(tail -1 "$case_dir/values.log")"
          status=1; continue
        fi
        profile=$(sed -n 's/^profile: *//p' "$case_dir/answers.yaml")
        if "$oracle/render.sh" "$chart" -f "$case_dir/values.yaml" > "$case_dir/rendered.yaml" 2> "$case_dir/helm.err"; then
          helm="rendered $(grep -c '^kind:' "$case_dir/rendered.yaml") objects"
        else
          helm="REFUSED: $(grep -m1 'Error' "$case_dir/helm.err" || tail -1 "$case_dir/helm.err")"
          status=1
        fi
        r="$case_dir/rendered.yaml"
        class=$(grep -m1 -oE 'kubernetes.io/ingress.class: "?[a-z]+"?' "$r" | sed 's/.*: //' || true)
        extras=""
        grep -q '^kind: ManagedCertificate' "$r" && extras+=" ManagedCertificate"
        grep -q 'global-static-ip-name' "$r" && extras+=" static-ip"
        grep -q '^kind: ClusterIssuer' "$r" && extras+=" ClusterIssuer"
        grep -q 'ingress-nginx-controller$' "$r" && extras+=" nginx-controller"
        printf '%-8s %-5s %-8s %-5s profile %-8s helm: %s; ingress class %s;%s\n' \
          "$version" "$cloud" "$tls" "$tier" "$profile" "$helm" "${class:-none}" "${extras:- (nothing cloud-specific)}"
      done
    done
  done
done
exit $status
