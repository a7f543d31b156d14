{{- define "helpers.name" -}}lib-{{ .Chart.Name }}{{- end -}}
{{- define "helpers.shared" -}}from-library{{- end -}}
