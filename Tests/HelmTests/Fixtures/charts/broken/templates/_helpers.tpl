{{- define "broken.inner" -}}
{{ .Values.nested.missing.deeper }}
{{- end -}}
{{- define "broken.outer" -}}
{{ include "broken.inner" . }}
{{- end -}}
{{- define "broken.required" -}}
{{ required "inner value is required" .Values.absent }}
{{- end -}}
{{- define "broken.loop" -}}
{{ include "broken.loop" . }}
{{- end -}}
