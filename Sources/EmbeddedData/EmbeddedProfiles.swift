// Generated from profiles/ by `UPDATE_EMBEDDED=1 swift test --filter EmbeddedDataTests`.
// Do not edit: change the files under profiles/ and regenerate.

enum EmbeddedProfiles {
    static let files: [String: String] = [
        "README.md": #"""
# profiles

Data, not code: how the answers of `posthog-install` become a `values.yaml` for the PostHog
Helm chart. Nothing here decides by chart version in code; each supported range of chart
versions has its own set of files.

```
profiles/
  upgrade-notes.yaml        what to do before helm upgrade crosses a chart major version
  chart-30/                 charts >=30.0.0 <31.0.0 (what the chart repository serves today)
  chart-3/                  charts >=3.0.0 <4.0.0 (what the chart documentation describes)
    chart.yaml              version range, pinned default version, repository, generated secrets
    base.yaml               values for every install
    clouds/<cloud>.yaml     gcp, aws, do, other: ingress and certificate mechanism
    tls-off/<kind>.yaml     gcp or nginx: HTTP-only troubleshooting mode
    tiers/<tier>.yaml       minimal, small (<1M events/month), large (>1M): sizes, replicas, autoscaling
    questions.yaml          the wizard's questions and the values each answer writes
    costs.yaml              monthly estimate per cloud and tier, minimum cluster size
    renamed-keys.yaml       keys older charts used and this range rejects, with their new home
  standin-chart/            a small chart for the simulated cluster (not a profile set)
```

## How a values.yaml is put together

Layers are YAML mappings merged in this order; a later layer wins key by key, maps merge
recursively, anything else (scalars, lists) is replaced whole:

1. `base.yaml`
2. `clouds/<cloud>.yaml`
3. `tls-off/gcp.yaml` on gcp or `tls-off/nginx.yaml` elsewhere, only when TLS is off
4. `tiers/<tier>.yaml`
5. the answers, through the `sets` of `questions.yaml`, and the secrets of `chart.yaml`

Then the person's own existing values.yaml is edited in place with the result, so keys the
wizard does not manage stay as they were.

## Rules for these files

- Every key written must exist in that chart range's `values.yaml` or a subchart's; a map the
  chart leaves empty (`annotations: {}`) accepts any key. The tests check all layers against
  the key lists in `Tests/InstallerTests/Fixtures/chart-*-keys.txt` (made with
  `scripts/chart-value-keys.py` from the real charts).
- A dotted path in `questions.yaml` writes `\.` for a dot inside a key.
- After changing anything here, regenerate the embedded copy:
  `UPDATE_EMBEDDED=1 swift test --filter EmbeddedDataTests`.

"""#,
        "chart-3/base.yaml": #"""
# Applied first, for every cloud and tier. Later layers (cloud, tls-off, tier, answers)
# override these.

# The Ingress in front of the web pods; the cloud layer picks its kind.
ingress:
  enabled: true

# Browsers only send the session cookie over HTTPS. The HTTP-only troubleshooting layer
# (tls-off/) turns this off.
web:
  secureCookies: true

# The bundled data stores. The answers turn one off when the person points PostHog at an
# external ClickHouse, PostgreSQL or Redis instead. In 3.x the bundled ClickHouse is
# switched with clickhouseOperator.enabled (it runs through the Altinity operator).
clickhouseOperator:
  enabled: true
postgresql:
  enabled: true
redis:
  enabled: true
kafka:
  enabled: true
zookeeper:
  enabled: true

"""#,
        "chart-3/chart.yaml": #"""
# The chart versions this profile set is written for, and the one installed by default.
id: chart-3
chart: posthog
repository: https://posthog.github.io/charts-clickhouse/
# The name `helm repo add` gives the repository; charts are then `posthog/posthog`.
repositoryName: posthog
# A semver constraint (Masterminds syntax, as Helm uses).
versions: ">=3.0.0 <4.0.0"
defaultVersion: 3.0.3
# PostHog release that chart version deploys; shown to the person, not used for decisions.
appVersion: 1.26.0
# Chart 3.x declares no kubeVersion; its Ingress uses networking.k8s.io/v1beta1, which
# Kubernetes removed in 1.22, so clusters must be older than that.
kubeVersion: "< 1.22.0-0"

# Secrets generated once (CSPRNG, `length` characters of [A-Za-z0-9]) and kept in
# values.yaml on every later run (format as in ../chart-30/chart.yaml). The bundled Redis
# of chart 3.x runs without a password (redis.auth.enabled false), which we keep: the
# chart documentation for 3.x does not describe turning it on.
generatedSecrets:
  - path: postgresql.postgresqlPassword
    length: 32
  - path: clickhouse.password
    length: 32

# The data volumes `posthog-install resize` grows, by the name given on its command line,
# and the value key holding each size (the same keys the tiers set).
volumes:
  clickhouse: clickhouseOperator.storage
  postgresql: postgresql.persistence.size
  kafka: kafka.persistence.size
  redis: redis.master.persistence.size

"""#,
        "chart-3/clouds/aws.yaml": #"""
# AWS: nginx ingress behind an ELB, Let's Encrypt certificates through cert-manager.
# Chart 3.x has no proxy-protocol settings of its own; the ingress-nginx 3.25 subchart
# would accept them, but the chart documentation for 3.x does not use them, so neither do we.
cloud: aws
ingress:
  nginx:
    enabled: true
    redirectToTLS: true
# Chart 3.x spells cert-manager's switch `certManager` (renamed to `cert-manager` in 4.0.0).
certManager:
  enabled: true

"""#,
        "chart-3/clouds/do.yaml": #"""
# DigitalOcean: nginx ingress behind a DigitalOcean load balancer, Let's Encrypt
# certificates through cert-manager.
# Chart 3.x has no proxy-protocol settings of its own; the ingress-nginx 3.25 subchart
# would accept them, but the chart documentation for 3.x does not use them, so neither do we.
cloud: do
ingress:
  nginx:
    enabled: true
    redirectToTLS: true
# Chart 3.x spells cert-manager's switch `certManager` (renamed to `cert-manager` in 4.0.0).
certManager:
  enabled: true

"""#,
        "chart-3/clouds/gcp.yaml": #"""
# Google Cloud: no nginx and no cert-manager. The chart's Ingress becomes a Google HTTP(S)
# load balancer (ingress type `clb`) on the global static IP named `posthog`, which the
# person reserves first (`gcloud compute addresses create posthog --global`), with a
# Google-managed certificate for the hostname (the chart creates it whenever ip_name is set).
cloud: gcp
ingress:
  nginx:
    enabled: false
  gcp:
    ip_name: posthog
    forceHttps: true
# Chart 3.x spells cert-manager's switch `certManager` (renamed to `cert-manager` in 4.0.0).
certManager:
  enabled: false

"""#,
        "chart-3/clouds/other.yaml": #"""
# Any other Kubernetes: nginx ingress and Let's Encrypt certificates through cert-manager.
# Chart 3.x has no proxy-protocol settings of its own; the ingress-nginx 3.25 subchart
# would accept them, but the chart documentation for 3.x does not use them, so neither do we.
cloud: other
ingress:
  nginx:
    enabled: true
    redirectToTLS: true
# Chart 3.x spells cert-manager's switch `certManager` (renamed to `cert-manager` in 4.0.0).
certManager:
  enabled: true

"""#,
        "chart-3/costs.yaml": #"""
# Monthly cost estimate per cloud and tier for chart 3.x: nodes x node price, load
# balancers x price, block storage GiB x price, plus the managed control plane where the
# cloud charges for it. List prices in US dollars for the cheapest fitting node type;
# estimates only, to compare choices, not a quote.
currency: USD

# Below this in total the pods do not fit and stay Pending (FailedScheduling, Insufficient
# memory/cpu).
minimumCluster:
  cpu: 4
  memoryGiB: 4

# The storage an estimate counts: the ClickHouse, PostgreSQL, Kafka and Redis volumes of
# tiers/<tier>.yaml added up (the chart documentation's estimate counts the same four).
# ZooKeeper's volumes come on top.
storageGiB:
  minimal: 22
  small: 40
  large: 320

clouds:
  gcp:
    # GKE charges its cluster fee per cluster; the free tier credit covers one zonal cluster.
    clusterMonthly: 73
    # The Ingress's HTTP(S) load balancer, and one for the ClickHouse installation, whose
    # Service the operator makes a LoadBalancer in chart 3.x.
    loadBalancers: 2
    loadBalancerMonthly: 18.25
    # pd-balanced, the default storage class of current GKE clusters.
    storageGiBMonthly: 0.10
    nodes:
      minimal: {count: 2, type: e2-medium, cpu: 2, memoryGiB: 4, monthly: 24.46}
      small: {count: 2, type: e2-medium, cpu: 2, memoryGiB: 4, monthly: 24.46}
      large: {count: 4, type: e2-standard-4, cpu: 4, memoryGiB: 16, monthly: 97.83}
  aws:
    # EKS control plane.
    clusterMonthly: 73
    # Three, as the chart documentation counts for chart 3.x installs.
    loadBalancers: 3
    loadBalancerMonthly: 18.25
    # gp2, the default storage class of EKS clusters.
    storageGiBMonthly: 0.10
    nodes:
      minimal: {count: 2, type: t3.medium, cpu: 2, memoryGiB: 4, monthly: 30.37}
      small: {count: 2, type: t3.medium, cpu: 2, memoryGiB: 4, monthly: 30.37}
      large: {count: 4, type: m5.xlarge, cpu: 4, memoryGiB: 16, monthly: 140.16}
  do:
    # DigitalOcean does not charge for the control plane.
    clusterMonthly: 0
    # Three, as the chart documentation counts: 2 nodes $40 + 3 load balancers $30 + 40 GiB
    # $4 = $74 a month for the default (small) tier.
    loadBalancers: 3
    loadBalancerMonthly: 10
    storageGiBMonthly: 0.10
    nodes:
      minimal: {count: 2, type: s-2vcpu-4gb, cpu: 2, memoryGiB: 4, monthly: 20}
      small: {count: 2, type: s-2vcpu-4gb, cpu: 2, memoryGiB: 4, monthly: 20}
      large: {count: 4, type: s-4vcpu-8gb, cpu: 4, memoryGiB: 8, monthly: 40}
  other:
    # Prices depend on the provider: the estimate shows sizes only.
    loadBalancers: 3
    nodes:
      minimal: {count: 2, cpu: 2, memoryGiB: 4}
      small: {count: 2, cpu: 2, memoryGiB: 4}
      large: {count: 4, cpu: 4, memoryGiB: 16}

"""#,
        "chart-3/questions.yaml": #"""
# The wizard's questions for chart 3.x and the values each answer writes (same format as
# ../chart-30/questions.yaml). Chart 3.x keeps the external-service settings inside the
# bundled services' own sections and has no cert-manager email setting.
#
# Question fields:
#   id        unique name; also the key in answers.yaml and the headless flag (--<id>)
#   section   the section it belongs to (see `sections`)
#   prompt    one line, asked as is
#   help      a few lines shown on request
#   kind      how the answer is checked: hostname (PostHog's public name), host (a server
#             PostHog connects to: IP addresses and cluster-internal names allowed), email, port, choice, text, secret, size
#   default   proposed answer (absent: no proposal)
#   optional  true when an empty answer is accepted (absent: false)
#   clouds    only asked on these clouds (absent: every cloud)
#   askWhen   only asked when other answers have one of the listed values
#   choices   for kind choice: value, label, and the values that choice writes
#   sets      values the answer writes: path (dotted; `\.` is a dot inside a key), an
#             optional fixed value (absent: the answer itself; "{answer}" inside a value is
#             replaced by the answer) and optional clouds
#
# Answers are applied last, over base, cloud, tls-off and tier (see ../README.md).

sections:
  - id: core
    title: Cluster, address and size
    optional: false
  - id: email
    title: Outgoing email (SMTP)
    optional: true
    help: |
      PostHog sends invitations, password resets and alerts by email. Without SMTP those
      emails are not sent; everything else works.
  - id: external-clickhouse
    title: External ClickHouse
    optional: true
    help: |
      Use a ClickHouse you already run instead of the one the chart installs. The bundled
      ClickHouse is then not installed.
  - id: external-postgresql
    title: External PostgreSQL
    optional: true
    help: |
      Use a PostgreSQL you already run (a managed database, for example) instead of the one
      the chart installs. The bundled PostgreSQL is then not installed.
  - id: external-redis
    title: External Redis
    optional: true
    help: |
      Use a Redis you already run instead of the one the chart installs. The bundled Redis
      is then not installed.
  - id: monitoring
    title: Monitoring and alerts
    optional: true
    help: |
      Install Prometheus with Alertmanager inside the cluster, with the chart's alert rules,
      and send alerts to PagerDuty.
  - id: advanced
    title: Chart version
    optional: true

questions:
  - id: cloud
    section: core
    prompt: Where does the Kubernetes cluster run?
    help: |
      This picks how traffic and certificates reach PostHog: on Google Cloud a Google load
      balancer with a Google-managed certificate; elsewhere an nginx ingress with Let's
      Encrypt certificates.
    kind: choice
    default: do
    choices:
      - value: gcp
        label: Google Cloud (GKE)
      - value: aws
        label: Amazon Web Services (EKS)
      - value: do
        label: DigitalOcean Kubernetes
      - value: other
        label: Another Kubernetes (on premises, k3s, Azure, ...)

  - id: hostname
    section: core
    prompt: Which hostname will PostHog be reached at?
    help: |
      A name in a domain you control, for example posthog.example.com: no https://, no port,
      no path. After installing you point it at the cluster's load balancer with a DNS
      record. The TLS certificate is issued for this name.
    kind: hostname
    sets:
      - path: ingress.hostname

  - id: tls
    section: core
    prompt: Serve PostHog over HTTPS?
    help: |
      Strongly recommended. HTTP only is a troubleshooting mode: passwords and session
      cookies cross the network unencrypted. Use it to find out why a certificate is not
      issued, then switch back.
    kind: choice
    default: "on"
    # The values are in clouds/ and tls-off/; the answer only selects the layers.
    choices:
      - value: "on"
        label: HTTPS (recommended)
      - value: "off"
        label: HTTP only, for troubleshooting (insecure)

  # No question for a Let's Encrypt email: chart 3.x writes a fixed address into its
  # ClusterIssuer and has no value to change it.

  - id: tier
    section: core
    prompt: How many events a month do you expect?
    help: |
      Sets volume sizes, replica counts and autoscaling. Volumes can grow later but never
      shrink, so pick the size you expect within a year.
    kind: choice
    default: small
    # The values are in tiers/; the answer only selects the layer.
    choices:
      - value: minimal
        label: Trying it out (smallest volumes, lowest cost)
      - value: small
        label: Fewer than 1 million events a month
      - value: large
        label: More than 1 million events a month

  - id: smtp-host
    section: email
    prompt: SMTP server host name?
    help: The mail server PostHog sends through, for example smtp.mailgun.org.
    kind: host
    sets:
      - path: email.host

  - id: smtp-port
    section: email
    prompt: SMTP server port?
    help: Usually 587 with STARTTLS, 465 with SSL, 25 without encryption.
    kind: port
    default: 587
    sets:
      - path: email.port

  - id: smtp-user
    section: email
    prompt: SMTP user name?
    help: Leave empty when the server accepts mail without logging in.
    kind: text
    optional: true
    sets:
      - path: email.user

  - id: smtp-password
    section: email
    prompt: SMTP password?
    help: Stored in values.yaml (readable only by you) and passed to the chart's secret.
    kind: secret
    optional: true
    sets:
      - path: email.password

  - id: smtp-security
    section: email
    prompt: How is the connection to the SMTP server secured?
    kind: choice
    default: tls
    choices:
      - value: tls
        label: STARTTLS (usually port 587)
        sets:
          - path: email.use_tls
            value: true
          - path: email.use_ssl
            value: false
      - value: ssl
        label: SSL/TLS from the start (usually port 465)
        sets:
          - path: email.use_tls
            value: false
          - path: email.use_ssl
            value: true
      - value: none
        label: Not encrypted
        sets:
          - path: email.use_tls
            value: false
          - path: email.use_ssl
            value: false

  - id: smtp-from
    section: email
    prompt: Which address should PostHog's emails come from?
    kind: email
    sets:
      - path: email.from_email

  - id: external-clickhouse-host
    section: external-clickhouse
    prompt: ClickHouse host name?
    help: Reached on ClickHouse's native and HTTP ports; chart 3.x has no port setting.
    kind: host
    sets:
      - path: clickhouse.host
      - path: clickhouseOperator.enabled
        value: false

  - id: external-clickhouse-user
    section: external-clickhouse
    prompt: ClickHouse user?
    kind: text
    default: default
    sets:
      - path: clickhouse.user

  - id: external-clickhouse-password
    section: external-clickhouse
    prompt: ClickHouse password?
    kind: secret
    optional: true
    sets:
      - path: clickhouse.password

  - id: external-clickhouse-database
    section: external-clickhouse
    prompt: ClickHouse database?
    kind: text
    default: posthog
    sets:
      - path: clickhouse.database

  - id: external-postgresql-host
    section: external-postgresql
    prompt: PostgreSQL host name?
    kind: host
    sets:
      - path: postgresql.postgresqlHost
      - path: postgresql.enabled
        value: false

  - id: external-postgresql-port
    section: external-postgresql
    prompt: PostgreSQL port?
    kind: port
    default: 5432
    sets:
      - path: postgresql.postgresqlPort

  - id: external-postgresql-user
    section: external-postgresql
    prompt: PostgreSQL user?
    kind: text
    default: posthog
    sets:
      - path: postgresql.postgresqlUsername

  - id: external-postgresql-password
    section: external-postgresql
    prompt: PostgreSQL password?
    kind: secret
    sets:
      - path: postgresql.postgresqlPassword

  - id: external-postgresql-database
    section: external-postgresql
    prompt: PostgreSQL database?
    kind: text
    default: posthog
    sets:
      - path: postgresql.postgresqlDatabase

  - id: external-redis-host
    section: external-redis
    prompt: Redis host name?
    kind: host
    sets:
      - path: redis.host
      - path: redis.enabled
        value: false

  - id: external-redis-port
    section: external-redis
    prompt: Redis port?
    kind: port
    default: 6379
    sets:
      - path: redis.port

  - id: external-redis-password
    section: external-redis
    prompt: Redis password?
    help: Leave empty when the Redis server needs none. Chart 3.x has no Redis user setting.
    kind: secret
    optional: true
    sets:
      - path: redis.password

  - id: prometheus
    section: monitoring
    prompt: Install Prometheus and Alertmanager in the cluster?
    help: |
      Prometheus collects the chart's metrics and evaluates its alert rules; Alertmanager
      sends the alerts on. Needs about 1 GiB more memory in the cluster.
    kind: choice
    default: "on"
    choices:
      - value: "on"
        label: Yes, install Prometheus with Alertmanager
        sets:
          - path: prometheus.enabled
            value: true
          - path: prometheus.alertmanager.enabled
            value: true
      - value: "off"
        label: "No, no alerts from the cluster"

  - id: pagerduty-key
    section: monitoring
    optional: true
    askWhen:
      prometheus: ["on"]
    prompt: PagerDuty routing key (Events API v2 integration key)?
    help: |
      Alertmanager sends every alert to this PagerDuty service. Create an "Events API v2"
      integration on the service and paste its integration key.
    kind: secret
    sets:
      - path: prometheus.alertmanagerFiles.alertmanager\.yml.receivers
        value:
          - name: default-receiver
            pagerduty_configs:
              - routing_key: "{answer}"

  - id: chart-version
    section: advanced
    prompt: Which version of the PostHog chart should be installed?
    help: |
      Pinned so a later run installs the same chart until you choose to upgrade. Must be
      within this profile set's range (chart.yaml).
    kind: text
    default: 3.0.3

"""#,
        "chart-3/renamed-keys.yaml": #"""
# Value keys that older charts used and chart 3.x rejects. Chart 3.0.3 has no template that
# checks for removed keys, and its 1.x/2.x changes were to workloads (see
# ../upgrade-notes.yaml), not to value names, so there is nothing to migrate. Same format
# as ../chart-30/renamed-keys.yaml.
renamed: []

"""#,
        "chart-3/tiers/large.yaml": #"""
# More than 1M events a month, after the chart documentation's overrides for that scale:
# ten times the ClickHouse volume, bigger PostgreSQL, Kafka and Redis volumes, and
# horizontal autoscaling for pgbouncer, web, worker and the plugin server.
#
# The documentation also turns on autoscaling for beat, but chart 3.x has no beat
# autoscaler (no beat.hpa key, no template), so beat stays at one replica: it is a
# scheduler and must not run twice anyway.
#
# Autoscaling works on CPU utilisation, computed against the pods' CPU requests: set
# <service>.resources.requests.cpu for it to act (the chart sets none). More pgbouncer pods
# means more PostgreSQL connections.
clickhouseOperator:
  storage: 200Gi
postgresql:
  persistence:
    size: 60Gi
kafka:
  persistence:
    size: 30Gi
  logRetentionBytes: _22_000_000_000
redis:
  master:
    persistence:
      size: 30Gi
zookeeper:
  replicaCount: 3
web:
  hpa:
    enabled: true
    minpods: 2
worker:
  hpa:
    enabled: true
plugins:
  hpa:
    enabled: true
pgbouncer:
  hpa:
    enabled: true
beat:
  replicacount: 1

"""#,
        "chart-3/tiers/minimal.yaml": #"""
# Smallest volumes and a single pod of everything: for trying PostHog out or well under
# 1M events a month. Volumes can grow later (when the storage class allows expansion) but
# never shrink.
#
# Chart 3.x sizes ClickHouse with clickhouseOperator.storage. Kafka keeps the chart's
# retention of 4 GB on its 5 GiB volume (about three quarters). One ZooKeeper instead of the
# chart's three saves two pods' memory; ClickHouse and Kafka still work, without
# ZooKeeper failover.
clickhouseOperator:
  storage: 10Gi
postgresql:
  persistence:
    size: 5Gi
kafka:
  persistence:
    size: 5Gi
  logRetentionBytes: _4_000_000_000
redis:
  master:
    persistence:
      size: 2Gi
zookeeper:
  replicaCount: 1
web:
  replicacount: 1
  hpa:
    enabled: false
worker:
  replicacount: 1
  hpa:
    enabled: false
plugins:
  replicacount: 1
  hpa:
    enabled: false
pgbouncer:
  replicacount: 1
  hpa:
    enabled: false
beat:
  replicacount: 1

"""#,
        "chart-3/tiers/small.yaml": #"""
# Fewer than 1M events a month: the chart's own default sizes (40 GiB across ClickHouse,
# PostgreSQL, Kafka and Redis, as in the chart documentation's cost example), written
# out so the saved values.yaml shows them.
clickhouseOperator:
  storage: 20Gi
postgresql:
  persistence:
    size: 10Gi
kafka:
  persistence:
    size: 5Gi
  logRetentionBytes: _4_000_000_000
redis:
  master:
    persistence:
      size: 5Gi
zookeeper:
  replicaCount: 3
web:
  replicacount: 1
  hpa:
    enabled: false
worker:
  replicacount: 1
  hpa:
    enabled: false
plugins:
  replicacount: 1
  hpa:
    enabled: false
pgbouncer:
  replicacount: 1
  hpa:
    enabled: false
beat:
  replicacount: 1

"""#,
        "chart-3/tls-off/gcp.yaml": #"""
# HTTP-only troubleshooting on Google Cloud: the load balancer stops redirecting to HTTPS
# and the session cookie may travel over plain HTTP. Passwords and session cookies then
# cross the network unencrypted: use only to find out why HTTPS does not work, then
# switch back.
ingress:
  gcp:
    forceHttps: false
web:
  secureCookies: false

"""#,
        "chart-3/tls-off/nginx.yaml": #"""
# HTTP-only troubleshooting behind nginx (aws, do, other): no redirect to HTTPS, no Let's
# Encrypt certificate, and the session cookie may travel over plain HTTP. Passwords and
# session cookies then cross the network unencrypted: use only to find out why HTTPS does
# not work, then switch back.
ingress:
  nginx:
    redirectToTLS: false
  letsencrypt: false
web:
  secureCookies: false

"""#,
        "chart-30/base.yaml": #"""
# Applied first, for every cloud and tier. Later layers (cloud, tls-off, tier, answers)
# override these.

# The Ingress in front of the web and event pods; the cloud layer picks its kind.
ingress:
  enabled: true

# Browsers only send the session cookie over HTTPS. The HTTP-only troubleshooting layer
# (tls-off/) turns this off.
web:
  secureCookies: true

# The bundled data stores. The answers turn one off when the person points PostHog at an
# external ClickHouse, PostgreSQL or Redis instead.
clickhouse:
  enabled: true
postgresql:
  enabled: true
redis:
  enabled: true
kafka:
  enabled: true
zookeeper:
  enabled: true

"""#,
        "chart-30/chart.yaml": #"""
# The chart versions this profile set is written for, and the one installed by default.
id: chart-30
chart: posthog
repository: https://posthog.github.io/charts-clickhouse/
# The name `helm repo add` gives the repository; charts are then `posthog/posthog`.
repositoryName: posthog
# A semver constraint (Masterminds syntax, as Helm uses).
versions: ">=30.0.0 <31.0.0"
defaultVersion: 30.46.0
# PostHog release that chart version deploys; shown to the person, not used for decisions.
appVersion: 1.43.0
# From the chart's Chart.yaml: the cluster must be at least this version.
kubeVersion: ">= 1.24-0"

# Secrets generated once (CSPRNG, `length` characters of [A-Za-z0-9]) and kept in
# values.yaml on every later run: the subcharts would otherwise make new ones on each
# upgrade, or (ClickHouse) use the password published in the chart's own values.
# `enables` lists values set to true alongside, where the secret only takes effect with them.
generatedSecrets:
  - path: postgresql.postgresqlPassword
    length: 32
  - path: redis.auth.password
    length: 32
    enables: [redis.auth.enabled]
  - path: clickhouse.password
    length: 32

# The data volumes `posthog-install resize` grows, by the name given on its command line,
# and the value key holding each size (the same keys the tiers set).
volumes:
  clickhouse: clickhouse.persistence.size
  postgresql: postgresql.persistence.size
  kafka: kafka.persistence.size
  redis: redis.master.persistence.size

"""#,
        "chart-30/clouds/aws.yaml": #"""
# AWS: nginx ingress behind an ELB, Let's Encrypt certificates through cert-manager.
# The ELB works at L4 (TCP); proxy protocol on both the ELB (service annotation) and nginx
# (controller config) lets PostHog see the visitor's address instead of the ELB's.
cloud: aws
ingress:
  nginx:
    enabled: true
    redirectToTLS: true
cert-manager:
  enabled: true
ingress-nginx:
  controller:
    config:
      use-proxy-protocol: "true"
    service:
      annotations:
        service.beta.kubernetes.io/aws-load-balancer-proxy-protocol: "*"

"""#,
        "chart-30/clouds/do.yaml": #"""
# DigitalOcean: nginx ingress behind a DigitalOcean load balancer, Let's Encrypt
# certificates through cert-manager. Proxy protocol on the load balancer (service
# annotation) and nginx (controller config) keeps the visitor's address. The answers also
# set the annotation service.beta.kubernetes.io/do-loadbalancer-hostname to the hostname
# (see questions.yaml), so pods reach the ingress through the load balancer and
# cert-manager's HTTP-01 self-check succeeds.
cloud: do
ingress:
  nginx:
    enabled: true
    redirectToTLS: true
cert-manager:
  enabled: true
ingress-nginx:
  controller:
    config:
      use-proxy-protocol: "true"
    service:
      annotations:
        service.beta.kubernetes.io/do-loadbalancer-enable-proxy-protocol: "true"

"""#,
        "chart-30/clouds/gcp.yaml": #"""
# Google Cloud: no nginx and no cert-manager. The chart's Ingress becomes a Google HTTP(S)
# load balancer (ingress type `clb`) on the global static IP named `posthog`, which the
# person reserves first (`gcloud compute addresses create posthog --global`), with a
# Google-managed certificate for the hostname (created by the chart while
# ingress.gcp.secretName is empty).
cloud: gcp
ingress:
  nginx:
    enabled: false
  gcp:
    ip_name: posthog
    forceHttps: true
    secretName: ""
cert-manager:
  enabled: false

"""#,
        "chart-30/clouds/other.yaml": #"""
# Any other Kubernetes: nginx ingress and Let's Encrypt certificates through cert-manager.
# No proxy protocol: we cannot know whether the load balancer in front speaks it, and
# enabling it on nginx alone breaks every request.
cloud: other
ingress:
  nginx:
    enabled: true
    redirectToTLS: true
cert-manager:
  enabled: true

"""#,
        "chart-30/costs.yaml": #"""
# Monthly cost estimate per cloud and tier for chart 30.x: nodes x node price, load
# balancers x price, block storage GiB x price, plus the managed control plane where the
# cloud charges for it. List prices in US dollars for the cheapest fitting node type;
# estimates only, to compare choices, not a quote.
currency: USD

# Below this in total the pods do not fit and stay Pending (FailedScheduling, Insufficient
# memory/cpu).
minimumCluster:
  cpu: 4
  memoryGiB: 4

# The storage an estimate counts: the ClickHouse, PostgreSQL, Kafka and Redis volumes of
# tiers/<tier>.yaml added up (the chart documentation's estimate counts the same four).
# ZooKeeper's volumes come on top.
storageGiB:
  minimal: 27
  small: 55
  large: 350

clouds:
  gcp:
    # GKE charges its cluster fee per cluster; the free tier credit covers one zonal cluster.
    clusterMonthly: 73
    # One HTTP(S) load balancer (forwarding rule) for the Ingress.
    loadBalancers: 1
    loadBalancerMonthly: 18.25
    # pd-balanced, the default storage class of current GKE clusters.
    storageGiBMonthly: 0.10
    nodes:
      minimal: {count: 2, type: e2-medium, cpu: 2, memoryGiB: 4, monthly: 24.46}
      small: {count: 2, type: e2-medium, cpu: 2, memoryGiB: 4, monthly: 24.46}
      large: {count: 4, type: e2-standard-4, cpu: 4, memoryGiB: 16, monthly: 97.83}
  aws:
    # EKS control plane.
    clusterMonthly: 73
    # One ELB for the ingress-nginx controller's Service; ClickHouse's Service is ClusterIP.
    loadBalancers: 1
    loadBalancerMonthly: 18.25
    # gp2, the default storage class of EKS clusters.
    storageGiBMonthly: 0.10
    nodes:
      minimal: {count: 2, type: t3.medium, cpu: 2, memoryGiB: 4, monthly: 30.37}
      small: {count: 2, type: t3.medium, cpu: 2, memoryGiB: 4, monthly: 30.37}
      large: {count: 4, type: m5.xlarge, cpu: 4, memoryGiB: 16, monthly: 140.16}
  do:
    # DigitalOcean does not charge for the control plane.
    clusterMonthly: 0
    # One load balancer for the ingress-nginx controller's Service; ClickHouse's Service is
    # ClusterIP.
    loadBalancers: 1
    loadBalancerMonthly: 10
    storageGiBMonthly: 0.10
    nodes:
      minimal: {count: 2, type: s-2vcpu-4gb, cpu: 2, memoryGiB: 4, monthly: 20}
      small: {count: 2, type: s-2vcpu-4gb, cpu: 2, memoryGiB: 4, monthly: 20}
      large: {count: 4, type: s-4vcpu-8gb, cpu: 4, memoryGiB: 8, monthly: 40}
  other:
    # Prices depend on the provider: the estimate shows sizes only.
    loadBalancers: 1
    nodes:
      minimal: {count: 2, cpu: 2, memoryGiB: 4}
      small: {count: 2, cpu: 2, memoryGiB: 4}
      large: {count: 4, cpu: 4, memoryGiB: 16}

"""#,
        "chart-30/questions.yaml": #"""
# The wizard's questions for chart 30.x and the values each answer writes.
#
# Question fields:
#   id        unique name; also the key in answers.yaml and the headless flag (--<id>)
#   section   the section it belongs to (see `sections`)
#   prompt    one line, asked as is
#   help      a few lines shown on request
#   kind      how the answer is checked: hostname (PostHog's public name), host (a server
#             PostHog connects to: IP addresses and cluster-internal names allowed), email, port, choice, text, secret, size
#   default   proposed answer (absent: no proposal)
#   optional  true when an empty answer is accepted (absent: false)
#   clouds    only asked on these clouds (absent: every cloud)
#   askWhen   only asked when other answers have one of the listed values
#   choices   for kind choice: value, label, and the values that choice writes
#   sets      values the answer writes: path (dotted; `\.` is a dot inside a key), an
#             optional fixed value (absent: the answer itself; "{answer}" inside a value is
#             replaced by the answer) and optional clouds
#
# Answers are applied last, over base, cloud, tls-off and tier (see ../README.md).

sections:
  - id: core
    title: Cluster, address and size
    optional: false
  - id: email
    title: Outgoing email (SMTP)
    optional: true
    help: |
      PostHog sends invitations, password resets and alerts by email. Without SMTP those
      emails are not sent; everything else works.
  - id: external-clickhouse
    title: External ClickHouse
    optional: true
    help: |
      Use a ClickHouse you already run instead of the one the chart installs. The bundled
      ClickHouse is then not installed.
  - id: external-postgresql
    title: External PostgreSQL
    optional: true
    help: |
      Use a PostgreSQL you already run (a managed database, for example) instead of the one
      the chart installs. The bundled PostgreSQL is then not installed.
  - id: external-redis
    title: External Redis
    optional: true
    help: |
      Use a Redis you already run instead of the one the chart installs. The bundled Redis
      is then not installed.
  - id: monitoring
    title: Monitoring and alerts
    optional: true
    help: |
      Install Prometheus with Alertmanager inside the cluster, with the chart's alert rules,
      and send alerts to PagerDuty.
  - id: advanced
    title: Chart version
    optional: true

questions:
  - id: cloud
    section: core
    prompt: Where does the Kubernetes cluster run?
    help: |
      This picks how traffic and certificates reach PostHog: on Google Cloud a Google load
      balancer with a Google-managed certificate; elsewhere an nginx ingress with Let's
      Encrypt certificates.
    kind: choice
    default: do
    choices:
      - value: gcp
        label: Google Cloud (GKE)
      - value: aws
        label: Amazon Web Services (EKS)
      - value: do
        label: DigitalOcean Kubernetes
      - value: other
        label: Another Kubernetes (on premises, k3s, Azure, ...)

  - id: hostname
    section: core
    prompt: Which hostname will PostHog be reached at?
    help: |
      A name in a domain you control, for example posthog.example.com: no https://, no port,
      no path. After installing you point it at the cluster's load balancer with a DNS
      record. The TLS certificate is issued for this name.
    kind: hostname
    sets:
      - path: ingress.hostname
      # Lets pods reach the ingress through the load balancer by name, which cert-manager's
      # HTTP-01 self-check needs on DigitalOcean once proxy protocol is on.
      - path: ingress-nginx.controller.service.annotations.service\.beta\.kubernetes\.io/do-loadbalancer-hostname
        clouds: [do]

  - id: tls
    section: core
    prompt: Serve PostHog over HTTPS?
    help: |
      Strongly recommended. HTTP only is a troubleshooting mode: passwords and session
      cookies cross the network unencrypted. Use it to find out why a certificate is not
      issued, then switch back.
    kind: choice
    default: "on"
    # The values are in clouds/ and tls-off/; the answer only selects the layers.
    choices:
      - value: "on"
        label: HTTPS (recommended)
      - value: "off"
        label: HTTP only, for troubleshooting (insecure)

  - id: email
    section: core
    prompt: Which email address should Let's Encrypt send certificate notices to?
    help: |
      Let's Encrypt writes to this address when a certificate is about to expire without
      being renewed. Without it the chart uses noreply@<hostname>.
    kind: email
    optional: true
    clouds: [aws, do, other]
    askWhen:
      tls: ["on"]
    sets:
      - path: cert-manager.email

  - id: tier
    section: core
    prompt: How many events a month do you expect?
    help: |
      Sets volume sizes, replica counts and autoscaling. Volumes can grow later but never
      shrink, so pick the size you expect within a year.
    kind: choice
    default: small
    # The values are in tiers/; the answer only selects the layer.
    choices:
      - value: minimal
        label: Trying it out (smallest volumes, lowest cost)
      - value: small
        label: Fewer than 1 million events a month
      - value: large
        label: More than 1 million events a month

  - id: smtp-host
    section: email
    prompt: SMTP server host name?
    help: The mail server PostHog sends through, for example smtp.mailgun.org.
    kind: host
    sets:
      - path: email.host

  - id: smtp-port
    section: email
    prompt: SMTP server port?
    help: Usually 587 with STARTTLS, 465 with SSL, 25 without encryption.
    kind: port
    default: 587
    sets:
      - path: email.port

  - id: smtp-user
    section: email
    prompt: SMTP user name?
    help: Leave empty when the server accepts mail without logging in.
    kind: text
    optional: true
    sets:
      - path: email.user

  - id: smtp-password
    section: email
    prompt: SMTP password?
    help: Stored in values.yaml (readable only by you) and passed to the chart's secret.
    kind: secret
    optional: true
    sets:
      - path: email.password

  - id: smtp-security
    section: email
    prompt: How is the connection to the SMTP server secured?
    kind: choice
    default: tls
    choices:
      - value: tls
        label: STARTTLS (usually port 587)
        sets:
          - path: email.use_tls
            value: true
          - path: email.use_ssl
            value: false
      - value: ssl
        label: SSL/TLS from the start (usually port 465)
        sets:
          - path: email.use_tls
            value: false
          - path: email.use_ssl
            value: true
      - value: none
        label: Not encrypted
        sets:
          - path: email.use_tls
            value: false
          - path: email.use_ssl
            value: false

  - id: smtp-from
    section: email
    prompt: Which address should PostHog's emails come from?
    kind: email
    sets:
      - path: email.from_email

  - id: external-clickhouse-host
    section: external-clickhouse
    prompt: ClickHouse host name?
    help: Reached on ClickHouse's native and HTTP ports; chart 30.x has no port setting.
    kind: host
    sets:
      - path: externalClickhouse.host
      - path: clickhouse.enabled
        value: false

  - id: external-clickhouse-cluster
    section: external-clickhouse
    prompt: ClickHouse cluster name for distributed DDL?
    help: The cluster PostHog creates its tables on (ON CLUSTER). The chart requires it.
    kind: text
    default: posthog
    sets:
      - path: externalClickhouse.cluster

  - id: external-clickhouse-user
    section: external-clickhouse
    prompt: ClickHouse user?
    kind: text
    default: default
    sets:
      - path: externalClickhouse.user

  - id: external-clickhouse-password
    section: external-clickhouse
    prompt: ClickHouse password?
    kind: secret
    optional: true
    sets:
      - path: externalClickhouse.password

  - id: external-clickhouse-database
    section: external-clickhouse
    prompt: ClickHouse database?
    kind: text
    default: posthog
    sets:
      - path: externalClickhouse.database

  - id: external-postgresql-host
    section: external-postgresql
    prompt: PostgreSQL host name?
    kind: host
    sets:
      - path: externalPostgresql.postgresqlHost
      - path: postgresql.enabled
        value: false

  - id: external-postgresql-port
    section: external-postgresql
    prompt: PostgreSQL port?
    kind: port
    default: 5432
    sets:
      - path: externalPostgresql.postgresqlPort

  - id: external-postgresql-user
    section: external-postgresql
    prompt: PostgreSQL user?
    kind: text
    default: posthog
    sets:
      - path: externalPostgresql.postgresqlUsername

  - id: external-postgresql-password
    section: external-postgresql
    prompt: PostgreSQL password?
    kind: secret
    sets:
      - path: externalPostgresql.postgresqlPassword

  - id: external-postgresql-database
    section: external-postgresql
    prompt: PostgreSQL database?
    kind: text
    default: posthog
    sets:
      - path: externalPostgresql.postgresqlDatabase

  - id: external-redis-host
    section: external-redis
    prompt: Redis host name?
    kind: host
    sets:
      - path: externalRedis.host
      - path: redis.enabled
        value: false

  - id: external-redis-port
    section: external-redis
    prompt: Redis port?
    kind: port
    default: 6379
    sets:
      - path: externalRedis.port

  - id: external-redis-password
    section: external-redis
    prompt: Redis password?
    help: Leave empty when the Redis server needs none. Chart 30.x has no Redis user setting.
    kind: secret
    optional: true
    sets:
      - path: externalRedis.password

  - id: prometheus
    section: monitoring
    prompt: Install Prometheus and Alertmanager in the cluster?
    help: |
      Prometheus collects the chart's metrics and evaluates its alert rules; Alertmanager
      sends the alerts on. Needs about 1 GiB more memory in the cluster.
    kind: choice
    default: "on"
    choices:
      - value: "on"
        label: Yes, install Prometheus with Alertmanager
        sets:
          - path: prometheus.enabled
            value: true
          - path: prometheus.alertmanager.enabled
            value: true
      - value: "off"
        label: "No, no alerts from the cluster"

  - id: pagerduty-key
    section: monitoring
    optional: true
    askWhen:
      prometheus: ["on"]
    prompt: PagerDuty routing key (Events API v2 integration key)?
    help: |
      Alertmanager sends every alert to this PagerDuty service. Create an "Events API v2"
      integration on the service and paste its integration key.
    kind: secret
    sets:
      - path: prometheus.alertmanagerFiles.alertmanager\.yml.receivers
        value:
          - name: default-receiver
            pagerduty_configs:
              - routing_key: "{answer}"

  - id: chart-version
    section: advanced
    prompt: Which version of the PostHog chart should be installed?
    help: |
      Pinned so a later run installs the same chart until you choose to upgrade. Must be
      within this profile set's range (chart.yaml).
    kind: text
    default: 30.46.0

"""#,
        "chart-30/renamed-keys.yaml": #"""
# Value keys that older charts used and chart 30.x rejects: its templates/
# _snippet-error-on-invalid-values.tpl fails rendering (`==== INVALID VALUES ====`) when
# one of these is set. Each entry moves `old` to `new` (a whole subtree moves with it) or,
# when `new` is absent, removes `old` after telling the person `note`.
#
# Entries apply in order: the specific clickhouseOperator keys before the whole map.
# `since` is the first chart version without the old key; `doc` names the upgrade-notes
# section the chart's message links to (https://posthog.com/docs/self-host/deploy/upgrade-notes#<doc>),
# when it gives one. `unlessValue`: the key is accepted while it holds exactly this value.
renamed:
  - old: certManager
    new: cert-manager
    since: 4.0.0
    doc: upgrading-from-3xx
    note: The cert-manager settings are now under `cert-manager`, the subchart's own name.

  - old: beat
    since: 8.0.0
    doc: upgrading-from-7xx
    note: The beat deployment was removed; scheduled tasks run in the worker now.

  - old: clickhouseOperator.enabled
    new: clickhouse.enabled
    since: 10.0.0
    doc: upgrading-from-9xx
    note: The bundled ClickHouse is switched with `clickhouse.enabled`.
  - old: clickhouseOperator.storage
    new: clickhouse.persistence.size
    since: 10.0.0
    doc: upgrading-from-9xx
    note: ClickHouse's volume size is `clickhouse.persistence.size`.
  - old: clickhouseOperator.namespace
    new: clickhouse.namespace
    since: 10.0.0
    doc: upgrading-from-9xx
    note: The namespace for ClickHouse and its operator is `clickhouse.namespace`.
  - old: clickhouseOperator.useNodeSelector
    since: 10.0.0
    doc: upgrading-from-9xx
    note: Removed; to pin ClickHouse to nodes set `clickhouse.nodeSelector` (for example clickhouse "true").
  - old: clickhouseOperator
    since: 10.0.0
    doc: upgrading-from-9xx
    note: The remaining clickhouseOperator settings have no equivalent and are dropped.

  - old: redis.host
    new: externalRedis.host
    since: 12.0.0
    doc: upgrading-from-11xx
    note: An external Redis is configured under `externalRedis` (with `redis.enabled` false).
  - old: redis.port
    new: externalRedis.port
    since: 12.0.0
    doc: upgrading-from-11xx
    note: An external Redis is configured under `externalRedis`.
  - old: redis.password
    new: externalRedis.password
    since: 12.0.0
    doc: upgrading-from-11xx
    note: An external Redis is configured under `externalRedis`; the bundled Redis's password is `redis.auth.password`.

  - old: clickhouse.replication
    since: 13.0.0
    doc: upgrading-from-12xx
    note: Removed; replication follows `clickhouse.layout.replicasCount`.

  - old: clickhouse.host
    new: externalClickhouse.host
    since: 14.0.0
    doc: upgrading-from-13xx
    note: An external ClickHouse is configured under `externalClickhouse` (with `clickhouse.enabled` false).
  - old: postgresql.postgresqlHost
    new: externalPostgresql.postgresqlHost
    since: 14.0.0
    doc: upgrading-from-13xx
    note: An external PostgreSQL is configured under `externalPostgresql` (with `postgresql.enabled` false).
  - old: postgresql.postgresqlPort
    new: externalPostgresql.postgresqlPort
    since: 14.0.0
    doc: upgrading-from-13xx
    note: An external PostgreSQL is configured under `externalPostgresql`.
  # The chart accepts postgresql.postgresqlUsername only when it is "postgres" (the bundled
  # server's user); any other value meant an external server.
  - old: postgresql.postgresqlUsername
    new: externalPostgresql.postgresqlUsername
    since: 14.0.0
    doc: upgrading-from-13xx
    note: The user of an external PostgreSQL is `externalPostgresql.postgresqlUsername`.
    unlessValue: postgres

  - old: clickhouse.useNodeSelector
    since: 16.0.0
    note: Removed; set `clickhouse.nodeSelector` instead.

"""#,
        "chart-30/tiers/large.yaml": #"""
# More than 1M events a month: ten times the default ClickHouse volume, bigger PostgreSQL,
# Kafka and Redis volumes, and horizontal autoscaling for the stateless services.
#
# Autoscaling works on CPU utilisation, which Kubernetes computes against the pods' CPU
# requests: set <service>.resources.requests.cpu for it to act (the chart sets none).
# More pgbouncer pods means more PostgreSQL connections.
clickhouse:
  persistence:
    size: 200Gi
postgresql:
  persistence:
    size: 60Gi
kafka:
  persistence:
    size: 60Gi
  logRetentionBytes: _40_000_000_000
redis:
  master:
    persistence:
      size: 30Gi
web:
  hpa:
    enabled: true
    minpods: 2
worker:
  hpa:
    enabled: true
plugins:
  hpa:
    enabled: true
pgbouncer:
  hpa:
    enabled: true
events:
  hpa:
    enabled: true
    minpods: 2

"""#,
        "chart-30/tiers/minimal.yaml": #"""
# Smallest volumes and a single pod of everything: for trying PostHog out or well under
# 1M events a month. Volumes can grow later (when the storage class allows expansion) but
# never shrink.
#
# Kafka keeps about two thirds of its volume as log (logRetentionBytes), leaving headroom
# for segments being written. The value keeps the chart's `_<digits>` form: a plain number
# this large would be rendered in exponent notation.
clickhouse:
  persistence:
    size: 10Gi
postgresql:
  persistence:
    size: 5Gi
kafka:
  persistence:
    size: 10Gi
  logRetentionBytes: _7_000_000_000
redis:
  master:
    persistence:
      size: 2Gi
zookeeper:
  replicaCount: 1
web:
  replicacount: 1
  hpa:
    enabled: false
worker:
  replicacount: 1
  hpa:
    enabled: false
plugins:
  replicacount: 1
  hpa:
    enabled: false
pgbouncer:
  replicacount: 1
  hpa:
    enabled: false
events:
  replicacount: 1
  hpa:
    enabled: false

"""#,
        "chart-30/tiers/small.yaml": #"""
# Fewer than 1M events a month: the chart's own default sizes, written out so the saved
# values.yaml shows them and a later chart release cannot shrink them underneath.
clickhouse:
  persistence:
    size: 20Gi
postgresql:
  persistence:
    size: 10Gi
kafka:
  persistence:
    size: 20Gi
  logRetentionBytes: _15_000_000_000
redis:
  master:
    persistence:
      size: 5Gi
zookeeper:
  replicaCount: 1
web:
  replicacount: 1
  hpa:
    enabled: false
worker:
  replicacount: 1
  hpa:
    enabled: false
plugins:
  replicacount: 1
  hpa:
    enabled: false
pgbouncer:
  replicacount: 1
  hpa:
    enabled: false
events:
  replicacount: 1
  hpa:
    enabled: false

"""#,
        "chart-30/tls-off/gcp.yaml": #"""
# HTTP-only troubleshooting on Google Cloud: the load balancer stops redirecting to HTTPS
# and the session cookie may travel over plain HTTP. Passwords and session cookies then
# cross the network unencrypted: use only to find out why HTTPS does not work, then
# switch back.
ingress:
  gcp:
    forceHttps: false
web:
  secureCookies: false

"""#,
        "chart-30/tls-off/nginx.yaml": #"""
# HTTP-only troubleshooting behind nginx (aws, do, other): no redirect to HTTPS, no Let's
# Encrypt certificate, and the session cookie may travel over plain HTTP. Passwords and
# session cookies then cross the network unencrypted: use only to find out why HTTPS does
# not work, then switch back.
ingress:
  nginx:
    redirectToTLS: false
  letsencrypt: false
web:
  secureCookies: false

"""#,
        "standin-chart/posthog/Chart.yaml": #"""
apiVersion: v2
name: posthog
description: Stand-in for the PostHog chart (posthog-install's offline simulation chart; not for real clusters)
type: application
version: 30.46.0-standin
appVersion: 1.43.0
kubeVersion: ">= 1.24-0"
annotations:
  posthog-install/stand-in: "true"

"""#,
        "standin-chart/posthog/templates/NOTES.txt": #"""
This is posthog-install's stand-in chart for the simulated cluster: it mirrors the
workloads of the PostHog chart {{ .Chart.AppVersion }} but deploys nothing real.
{{- if .Values.ingress.hostname }}
PostHog would be reachable at {{ include "posthog.siteUrl" . }}
{{- end }}

"""#,
        "standin-chart/posthog/templates/_helpers.tpl": #"""
{{/* Release-scoped name, as the real chart's posthog.fullname. */}}
{{- define "posthog.fullname" -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels shared by every object. */}}
{{- define "posthog.labels" -}}
app: posthog
release: {{ .Release.Name | quote }}
posthog-install/stand-in: "true"
{{- end -}}

{{/* Which ingress the cloud uses: clb (GCP load balancer) or nginx. */}}
{{- define "ingress.type" -}}
{{- if ne (.Values.ingress.type | toString) "<nil>" -}}{{ .Values.ingress.type }}
{{- else if .Values.ingress.nginx.enabled -}}nginx
{{- else if (eq (.Values.cloud | toString) "gcp") -}}clb
{{- end -}}
{{- end -}}

{{/* Whether Let's Encrypt certificates are requested. */}}
{{- define "ingress.letsencrypt" -}}
{{- if and (kindIs "invalid" .Values.ingress.letsencrypt) (eq (include "ingress.type" .) "nginx") (index .Values "cert-manager" "enabled") -}}true
{{- else if .Values.ingress.letsencrypt -}}true
{{- else -}}false
{{- end -}}
{{- end -}}

{{/* A component's Deployment; dict with root, name, values, port. */}}
{{- define "posthog.deployment" -}}
{{- $root := .root -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "posthog.fullname" $root }}-{{ .name }}
  labels:
    {{- include "posthog.labels" $root | nindent 4 }}
    role: {{ .name }}
spec:
  replicas: {{ .values.replicacount | default 1 }}
  selector:
    matchLabels:
      app: posthog
      role: {{ .name }}
  template:
    metadata:
      labels:
        app: posthog
        role: {{ .name }}
        release: {{ $root.Release.Name | quote }}
    spec:
      initContainers:
        - name: wait-for-service-dependencies
          image: busybox:1.34
          command: ["sh", "-c", "until nc -z {{ include "posthog.fullname" $root }}-posthog-postgresql 5432; do sleep 1; done"]
        {{- if ne .name "pgbouncer" }}
        - name: wait-for-migrations
          image: groundnuty/k8s-wait-for:v1.4
          args: ["job-wr", "{{ include "posthog.fullname" $root }}-migrate"]
        {{- end }}
      containers:
        - name: posthog-{{ .name }}
          image: "{{ $root.Values.image.repository }}:{{ $root.Values.image.tag }}"
          {{- if .port }}
          ports:
            - containerPort: {{ .port }}
          {{- end }}
          env:
            - name: SITE_URL
              value: {{ include "posthog.siteUrl" $root | quote }}
            - name: SECURE_COOKIES
              value: {{ $root.Values.web.secureCookies | quote }}
          resources:
            {{- toYaml (.values.resources | default dict) | nindent 12 }}
{{- end -}}

{{/* The URL people open, derived from the hostname and TLS. */}}
{{- define "posthog.siteUrl" -}}
{{- if .Values.siteUrl -}}{{ .Values.siteUrl }}
{{- else if .Values.ingress.hostname -}}
{{- if or (eq (include "ingress.letsencrypt" .) "true") (and (eq (include "ingress.type" .) "clb") .Values.ingress.gcp.forceHttps) -}}https{{ else }}http{{ end }}://{{ .Values.ingress.hostname }}
{{- else -}}http://127.0.0.1:8000
{{- end -}}
{{- end -}}

{{/* A StatefulSet with one persistent volume; dict with root, name, values, size, port. */}}
{{- define "posthog.statefulset" -}}
{{- $root := .root -}}
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ .name }}
  labels:
    {{- include "posthog.labels" $root | nindent 4 }}
spec:
  replicas: {{ .replicas | default 1 }}
  serviceName: {{ .name }}-headless
  selector:
    matchLabels:
      app.kubernetes.io/name: {{ .name }}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: {{ .name }}
    spec:
      containers:
        - name: {{ .container }}
          image: {{ .image }}
          ports:
            - containerPort: {{ .port }}
          resources:
            {{- toYaml (.resources | default dict) | nindent 12 }}
          volumeMounts:
            - name: data
              mountPath: /data
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: {{ .size | quote }}
{{- end -}}

"""#,
        "standin-chart/posthog/templates/cert-manager-crds.yaml": #"""
{{- /* cert-manager's own kinds, rendered as ordinary objects as its subchart does with installCRDs. */ -}}
{{- if and (index .Values "cert-manager" "enabled") (index .Values "cert-manager" "installCRDs") }}
{{- range $kind := list "Certificate" "CertificateRequest" "Issuer" "ClusterIssuer" }}
{{- $plural := printf "%ss" (lower $kind) }}
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: {{ $plural }}.cert-manager.io
  labels:
    {{- include "posthog.labels" $ | nindent 4 }}
    app.kubernetes.io/name: cert-manager
spec:
  group: cert-manager.io
  names:
    kind: {{ $kind }}
    listKind: {{ $kind }}List
    plural: {{ $plural }}
    singular: {{ lower $kind }}
    categories:
      - cert-manager
  scope: {{ if hasPrefix "Cluster" $kind }}Cluster{{ else }}Namespaced{{ end }}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          x-kubernetes-preserve-unknown-fields: true
{{- end }}
{{- end }}

"""#,
        "standin-chart/posthog/templates/cert-manager.yaml": #"""
{{- if index .Values "cert-manager" "enabled" }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-cert-manager
  labels:
    {{- include "posthog.labels" . | nindent 4 }}
    app.kubernetes.io/name: cert-manager
spec:
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: cert-manager
  template:
    metadata:
      labels:
        app.kubernetes.io/name: cert-manager
    spec:
      containers:
        - name: cert-manager
          image: quay.io/jetstack/cert-manager-controller:v1.6.1
          resources: {}
{{- end }}
{{- if eq (include "ingress.letsencrypt" .) "true" }}
---
apiVersion: cert-manager.io/v1
kind: ClusterIssuer
metadata:
  name: letsencrypt-prod
  annotations:
    # Created after the release's other objects, as the real chart does: its kind comes from
    # cert-manager's CRDs, which the same release installs.
    "helm.sh/hook": post-install,post-upgrade
  labels:
    {{- include "posthog.labels" . | nindent 4 }}
spec:
  acme:
    server: https://acme-v02.api.letsencrypt.org/directory
    email: {{ coalesce (index (index .Values "cert-manager") "email") .Values.notificationEmail (printf "noreply@%s" .Values.ingress.hostname) | quote }}
    privateKeySecretRef:
      name: posthog-letsencrypt-prod
    solvers:
      - http01:
          ingress:
            class: nginx
{{- end }}

"""#,
        "standin-chart/posthog/templates/deployments.yaml": #"""
{{- if .Values.web.enabled }}
{{ include "posthog.deployment" (dict "root" . "name" "web" "values" .Values.web "port" 8000) }}
{{- end }}
{{- if .Values.worker.enabled }}
---
{{ include "posthog.deployment" (dict "root" . "name" "worker" "values" .Values.worker) }}
{{- end }}
{{- if .Values.events.enabled }}
---
{{ include "posthog.deployment" (dict "root" . "name" "events" "values" .Values.events "port" 8000) }}
{{- end }}
{{- if .Values.plugins.enabled }}
---
{{ include "posthog.deployment" (dict "root" . "name" "plugins" "values" .Values.plugins "port" 6738) }}
{{- end }}
{{- if .Values.pgbouncer.enabled }}
---
{{ include "posthog.deployment" (dict "root" . "name" "pgbouncer" "values" .Values.pgbouncer "port" 6543) }}
{{- end }}

"""#,
        "standin-chart/posthog/templates/gke-cert.yaml": #"""
{{- if and .Values.ingress.enabled (eq (include "ingress.type" .) "clb") }}
{{- if not .Values.ingress.gcp.secretName }}
apiVersion: networking.gke.io/v1
kind: ManagedCertificate
metadata:
  name: {{ .Release.Name }}-gke-cert
  labels:
    {{- include "posthog.labels" . | nindent 4 }}
spec:
  domains:
    - {{ required "GCP managed certificates need a hostname: set ingress.hostname." .Values.ingress.hostname | quote }}
{{- end }}
---
apiVersion: networking.gke.io/v1beta1
kind: FrontendConfig
metadata:
  name: {{ .Release.Name }}-frontend-config
  labels:
    {{- include "posthog.labels" . | nindent 4 }}
spec:
  redirectToHttps:
    enabled: {{ .Values.ingress.gcp.forceHttps }}
{{- end }}

"""#,
        "standin-chart/posthog/templates/hpas.yaml": #"""
{{- range $name := list "web" "worker" "events" "plugins" "pgbouncer" }}
{{- $values := index $.Values $name }}
{{- if and $values.enabled $values.hpa.enabled }}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "posthog.fullname" $ }}-{{ $name }}
  labels:
    {{- include "posthog.labels" $ | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "posthog.fullname" $ }}-{{ $name }}
  minReplicas: {{ $values.hpa.minpods }}
  maxReplicas: {{ $values.hpa.maxpods }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $values.hpa.cputhreshold }}
{{- end }}
{{- end }}

"""#,
        "standin-chart/posthog/templates/ingress-nginx.yaml": #"""
{{- if .Values.ingress.nginx.enabled }}
{{- $controller := index .Values "ingress-nginx" "controller" }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-ingress-nginx-controller
  labels:
    {{- include "posthog.labels" . | nindent 4 }}
    app.kubernetes.io/name: ingress-nginx
    app.kubernetes.io/component: controller
spec:
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: ingress-nginx
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ingress-nginx
    spec:
      containers:
        - name: controller
          image: registry.k8s.io/ingress-nginx/controller:v1.1.0
          ports:
            - containerPort: 80
            - containerPort: 443
          resources:
            {{- toYaml $controller.resources | nindent 12 }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ .Release.Name }}-ingress-nginx-controller
  labels:
    {{- include "posthog.labels" . | nindent 4 }}
    app.kubernetes.io/name: ingress-nginx
    app.kubernetes.io/component: controller
  {{- with $controller.service.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  ports:
    - name: http
      port: 80
      targetPort: 80
    - name: https
      port: 443
      targetPort: 443
  selector:
    app.kubernetes.io/name: ingress-nginx
{{- end }}

"""#,
        "standin-chart/posthog/templates/ingress.yaml": #"""
{{- if .Values.ingress.enabled -}}
{{- $type := include "ingress.type" . -}}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ include "posthog.fullname" . }}
  labels:
    {{- include "posthog.labels" . | nindent 4 }}
  annotations:
    {{- if eq $type "nginx" }}
    kubernetes.io/ingress.class: "nginx"
    {{- if .Values.ingress.nginx.redirectToTLS }}
    nginx.ingress.kubernetes.io/ssl-redirect: "true"
    nginx.ingress.kubernetes.io/force-ssl-redirect: "true"
    {{- end }}
    {{- if eq (include "ingress.letsencrypt" .) "true" }}
    cert-manager.io/cluster-issuer: "letsencrypt-prod"
    {{- end }}
    {{- else if eq $type "clb" }}
    kubernetes.io/ingress.class: "gce"
    {{- if not .Values.ingress.gcp.secretName }}
    networking.gke.io/managed-certificates: "{{ .Release.Name }}-gke-cert"
    {{- end }}
    {{- if .Values.ingress.gcp.ip_name }}
    kubernetes.io/ingress.global-static-ip-name: {{ .Values.ingress.gcp.ip_name | quote }}
    {{- end }}
    {{- end }}
    {{- range $key, $value := .Values.ingress.annotations }}
    {{ $key }}: {{ $value | quote }}
    {{- end }}
spec:
  {{- if eq (include "ingress.letsencrypt" .) "true" }}
  tls:
    - hosts:
        - {{ .Values.ingress.hostname | quote }}
      secretName: nginx-letsencrypt-{{ include "posthog.fullname" . }}
  {{- end }}
  rules:
    - http:
        paths:
          - path: {{ if eq $type "clb" }}"/*"{{ else }}"/"{{ end }}
            pathType: {{ if eq $type "clb" }}ImplementationSpecific{{ else }}Prefix{{ end }}
            backend:
              service:
                name: {{ include "posthog.fullname" . }}-web
                port:
                  number: {{ .Values.service.externalPort }}
      {{- if .Values.ingress.hostname }}
      host: {{ .Values.ingress.hostname | quote }}
      {{- end }}
{{- end }}

"""#,
        "standin-chart/posthog/templates/migrate-job.yaml": #"""
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ include "posthog.fullname" . }}-migrate
  labels:
    {{- include "posthog.labels" . | nindent 4 }}
spec:
  backoffLimit: 3
  template:
    metadata:
      labels:
        app: posthog
        role: migrate
    spec:
      restartPolicy: Never
      initContainers:
        - name: wait-for-service-dependencies
          image: busybox:1.34
          command: ["sh", "-c", "until nc -z {{ include "posthog.fullname" . }}-posthog-postgresql 5432; do sleep 1; done"]
      containers:
        - name: migrate-job
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          command: ["./bin/migrate"]

"""#,
        "standin-chart/posthog/templates/secrets.yaml": #"""
{{- $existing := lookup "v1" "Secret" .Release.Namespace (printf "%s" (include "posthog.fullname" .)) }}
apiVersion: v1
kind: Secret
metadata:
  name: {{ include "posthog.fullname" . }}
  labels:
    {{- include "posthog.labels" . | nindent 4 }}
type: Opaque
data:
  {{- if and $existing $existing.data }}
  posthog-secret: {{ index $existing.data "posthog-secret" }}
  {{- else }}
  posthog-secret: {{ randAlphaNum 40 | b64enc | quote }}
  {{- end }}

"""#,
        "standin-chart/posthog/templates/services.yaml": #"""
{{- $fullname := include "posthog.fullname" . }}
{{- range $name := list "web" "events" "plugins" "pgbouncer" }}
{{- if (index $.Values $name).enabled }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $fullname }}-{{ $name }}
  labels:
    {{- include "posthog.labels" $ | nindent 4 }}
spec:
  type: {{ if eq $name "web" }}{{ $.Values.service.type }}{{ else }}ClusterIP{{ end }}
  ports:
    - port: {{ $.Values.service.externalPort }}
      targetPort: {{ $.Values.service.internalPort }}
  selector:
    app: posthog
    role: {{ $name }}
{{- end }}
{{- end }}
{{- if .Values.clickhouse.enabled }}
---
apiVersion: v1
kind: Service
metadata:
  name: clickhouse-{{ $fullname }}
  labels:
    {{- include "posthog.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  ports:
    - name: http
      port: 8123
    - name: tcp
      port: 9000
  selector:
    app.kubernetes.io/name: chi-{{ $fullname }}-{{ .Values.clickhouse.cluster }}-0-0
{{- end }}
{{- if .Values.postgresql.enabled }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $fullname }}-{{ .Values.postgresql.nameOverride }}
  labels:
    {{- include "posthog.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  ports:
    - name: tcp-postgresql
      port: 5432
  selector:
    app.kubernetes.io/name: {{ $fullname }}-{{ .Values.postgresql.nameOverride }}
{{- end }}
{{- if .Values.redis.enabled }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $fullname }}-{{ .Values.redis.nameOverride }}-master
  labels:
    {{- include "posthog.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  ports:
    - name: tcp-redis
      port: 6379
  selector:
    app.kubernetes.io/name: {{ $fullname }}-{{ .Values.redis.nameOverride }}-master
{{- end }}

"""#,
        "standin-chart/posthog/templates/statefulsets.yaml": #"""
{{- $fullname := include "posthog.fullname" . }}
{{- if .Values.clickhouse.enabled }}
{{ include "posthog.statefulset" (dict "root" . "name" (printf "chi-%s-%s-0-0" $fullname .Values.clickhouse.cluster) "container" "clickhouse" "image" "clickhouse/clickhouse-server:23.12.6.19" "port" 9000 "size" .Values.clickhouse.persistence.size "resources" .Values.clickhouse.resources) }}
{{- end }}
{{- if .Values.postgresql.enabled }}
---
{{ include "posthog.statefulset" (dict "root" . "name" (printf "%s-%s" $fullname .Values.postgresql.nameOverride) "container" (printf "%s-%s" $fullname .Values.postgresql.nameOverride) "image" "bitnami/postgresql:11.7.0" "port" 5432 "size" .Values.postgresql.persistence.size "resources" .Values.postgresql.resources) }}
{{- end }}
{{- if .Values.redis.enabled }}
---
{{ include "posthog.statefulset" (dict "root" . "name" (printf "%s-%s-master" $fullname .Values.redis.nameOverride) "container" "redis" "image" "bitnami/redis:6.2.7" "port" 6379 "size" .Values.redis.master.persistence.size "resources" .Values.redis.master.resources) }}
{{- end }}
{{- if .Values.kafka.enabled }}
---
{{ include "posthog.statefulset" (dict "root" . "name" (printf "%s-%s" $fullname .Values.kafka.nameOverride) "container" "kafka" "image" "bitnami/kafka:2.8.1" "port" 9092 "size" .Values.kafka.persistence.size "resources" .Values.kafka.resources) }}
{{- end }}
{{- if .Values.zookeeper.enabled }}
---
{{ include "posthog.statefulset" (dict "root" . "name" (printf "%s-%s" $fullname .Values.zookeeper.nameOverride) "container" "zookeeper" "image" "bitnami/zookeeper:3.7.0" "port" 2181 "size" .Values.zookeeper.persistence.size "replicas" .Values.zookeeper.replicaCount "resources" .Values.zookeeper.resources) }}
{{- end }}

"""#,
        "standin-chart/posthog/values.yaml": #"""
# Stand-in for the PostHog chart 30.x: the same value keys for everything posthog-install
# writes, and the same workloads with the real chart's default resource requests, so that
# the simulated cluster shows a realistic install without network access.
cloud:
notificationEmail:
siteUrl:

image:
  repository: posthog/posthog
  tag: latest-release

web:
  enabled: true
  replicacount: 1
  secureCookies: true
  resources: {}
  hpa:
    enabled: false
    minpods: 1
    maxpods: 10
    cputhreshold: 60

worker:
  enabled: true
  replicacount: 1
  resources: {}
  hpa:
    enabled: false
    minpods: 1
    maxpods: 20
    cputhreshold: 60

events:
  enabled: true
  replicacount: 1
  resources: {}
  hpa:
    enabled: false
    minpods: 1
    maxpods: 10
    cputhreshold: 60

plugins:
  enabled: true
  replicacount: 1
  resources: {}
  hpa:
    enabled: false
    minpods: 1
    maxpods: 10
    cputhreshold: 60

pgbouncer:
  enabled: true
  replicacount: 1
  resources: {}
  hpa:
    enabled: false
    minpods: 1
    maxpods: 10
    cputhreshold: 60

email:
  host:
  port:
  user:
  password:
  existingSecret: ""
  existingSecretKey: ""
  use_tls: true
  use_ssl:
  from_email:

service:
  type: NodePort
  externalPort: 8000
  internalPort: 8000
  annotations: {}

cert-manager:
  enabled: false
  # cert-manager's CRDs are part of the release (as in the real chart's cert-manager subchart).
  installCRDs: true
  # Who Let's Encrypt writes to before a certificate expires (else notificationEmail,
  # else noreply@<hostname>), as in the real chart.
  email:

ingress:
  enabled: true
  type:
  hostname:
  gcp:
    ip_name: "posthog"
    forceHttps: true
    secretName: ""
  letsencrypt:
  nginx:
    enabled: false
    redirectToTLS: true
  annotations: {}
  secretName:

ingress-nginx:
  controller:
    config: {}
    service:
      annotations: {}
    resources:
      requests:
        cpu: 100m
        memory: 90Mi

postgresql:
  enabled: true
  nameOverride: posthog-postgresql
  postgresqlDatabase: posthog
  postgresqlPassword: postgres
  persistence:
    enabled: true
    size: 10Gi
  resources:
    requests:
      cpu: 250m
      memory: 256Mi

externalPostgresql:
  postgresqlHost:
  postgresqlPort: 5432
  postgresqlDatabase:
  postgresqlUsername:
  postgresqlPassword:

redis:
  enabled: true
  nameOverride: posthog-redis
  auth:
    enabled: false
    password: ""
  master:
    persistence:
      enabled: true
      size: 5Gi
    resources: {}

externalRedis:
  host: ""
  port: 6379
  password: ""

kafka:
  enabled: true
  nameOverride: posthog-kafka
  logRetentionBytes: _15_000_000_000
  logRetentionHours: 24
  persistence:
    enabled: true
    size: 20Gi
  resources: {}

zookeeper:
  enabled: true
  nameOverride: posthog-zookeeper
  replicaCount: 1
  persistence:
    enabled: true
    size: 8Gi
  resources:
    requests:
      cpu: 250m
      memory: 256Mi

clickhouse:
  enabled: true
  cluster: posthog
  database: posthog
  user: admin
  password: a1f31e03-c88e-4ca6-a2df-ad49183d15d9
  persistence:
    enabled: true
    size: 20Gi
    storageClass:
  resources: {}

externalClickhouse:
  host:
  user:
  password:
  database: posthog
  secure: false

prometheus:
  enabled: false
  alertmanager:
    enabled: true
  alertmanagerFiles:
    alertmanager.yml: {}
  server:
    resources: {}

"""#,
        "upgrade-notes.yaml": #"""
# What to do when an upgrade crosses a major version of the PostHog chart, before running
# `helm upgrade`. A note applies when the installed chart's major version is `from` or
# lower and the target's is `to` or higher; notes run in file order.
#
#   id           stable name, used in messages and to remember a confirmation
#   from, to     the major versions on either side of the boundary
#   steps        commands to run first, each an argv array (no shell). `{namespace}` and
#                `{release}` are replaced by the install's namespace and release name
#                (both `posthog` by default)
#   destructive  true when a step can lose data: the person must confirm (or pass
#                --accept-data-loss) before anything runs
#   doc          the section of https://posthog.com/docs/self-host/deploy/upgrade-notes
#                the chart points to, when there is one
#   explanation  what changed and why the steps are needed, shown before asking
#
# Value keys renamed at a boundary are migrated from chart-*/renamed-keys.yaml; the notes
# below without steps only tell the person it happens.
notes:
  - id: redis-statefulset-2
    from: 1
    to: 2
    steps:
      - [kubectl, -n, "{namespace}", delete, statefulset, "{release}-posthog-redis-master"]
    destructive: false
    explanation: |
      Chart 2.0.0 moves to a newer Redis subchart whose StatefulSet cannot be updated in
      place, so `helm upgrade` fails while the old one exists.
      Deleting the StatefulSet stops Redis briefly; its volume is kept and the upgrade
      creates the new StatefulSet on it.

  - id: kafka-zookeeper-statefulsets-3
    from: 2
    to: 3
    steps:
      - [kubectl, -n, "{namespace}", delete, statefulset, "{release}-posthog-kafka"]
      - [kubectl, -n, "{namespace}", delete, statefulset, "{release}-posthog-zookeeper"]
      - [kubectl, -n, "{namespace}", delete, pvc, "data-{release}-posthog-kafka-0"]
    destructive: true
    explanation: |
      Chart 3.0.0 replaces Kafka and ZooKeeper with new subchart versions whose
      StatefulSets cannot be updated in place, and Kafka's volume has to start empty.
      Events still queued in Kafka that ClickHouse has not ingested yet are lost with the
      volume. Stop sending events, or accept losing the last few minutes of them.

  - id: cert-manager-key-4
    from: 3
    to: 4
    steps: []
    destructive: false
    doc: upgrading-from-3xx
    explanation: |
      Chart 4.0.0 renamed the value `certManager` to `cert-manager`; the chart refuses
      values with the old name. The values file is migrated before upgrading.

  - id: beat-removed-8
    from: 7
    to: 8
    steps: []
    destructive: false
    doc: upgrading-from-7xx
    explanation: |
      Chart 8.0.0 removed the beat deployment: the worker runs the scheduler itself. Any
      `beat` settings are dropped from the values file before upgrading.

  - id: clickhouse-operator-values-10
    from: 9
    to: 10
    steps: []
    destructive: false
    doc: upgrading-from-9xx
    explanation: |
      Chart 10.0.0 replaced the `clickhouseOperator` settings with `clickhouse` ones
      (`clickhouse.enabled`, `clickhouse.persistence.size`, `clickhouse.namespace`). The
      values file is migrated before upgrading; read the linked notes before upgrading a
      ClickHouse that holds data.

  - id: external-redis-values-12
    from: 11
    to: 12
    steps: []
    destructive: false
    doc: upgrading-from-11xx
    explanation: |
      Chart 12.0.0 moved an external Redis's host, port and password from `redis` to
      `externalRedis`. The values file is migrated before upgrading.

  - id: clickhouse-replication-13
    from: 12
    to: 13
    steps: []
    destructive: false
    doc: upgrading-from-12xx
    explanation: |
      Chart 13.0.0 removed `clickhouse.replication`. The setting is dropped from the values
      file before upgrading.

  - id: external-services-values-14
    from: 13
    to: 14
    steps: []
    destructive: false
    doc: upgrading-from-13xx
    explanation: |
      Chart 14.0.0 moved an external ClickHouse's and PostgreSQL's connection settings to
      `externalClickhouse` and `externalPostgresql`. The values file is migrated before
      upgrading.

"""#,
    ]
}
