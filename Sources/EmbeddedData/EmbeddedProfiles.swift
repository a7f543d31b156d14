// Generated from profiles/ by `UPDATE_EMBEDDED=1 swift test --filter EmbeddedDataTests`.
// Do not edit: change the files under profiles/ and regenerate.

enum EmbeddedProfiles {
    static let files: [String: String] = [
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
  labels:
    {{- include "posthog.labels" . | nindent 4 }}
spec:
  acme:
    server: https://acme-v02.api.letsencrypt.org/directory
    email: {{ required "A notification email is needed for Let's Encrypt: set notificationEmail." .Values.notificationEmail | quote }}
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
    ]
}
