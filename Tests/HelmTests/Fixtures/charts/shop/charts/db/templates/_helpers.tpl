{{- define "shop.labels" -}}
from-db: true
{{- end -}}
