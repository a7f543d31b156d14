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
