{{/* Chart name, truncated to the 63-character DNS label limit. */}}
{{- define "intakemesh.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-qualified name. */}}
{{- define "intakemesh.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "intakemesh.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "intakemesh.selectorLabels" -}}
app.kubernetes.io/name: {{ include "intakemesh.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: silo
{{- end }}

{{- define "intakemesh.labels" -}}
helm.sh/chart: {{ include "intakemesh.chart" . }}
{{ include "intakemesh.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: intakemesh
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "intakemesh.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "intakemesh.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "intakemesh.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/* Container environment: host configuration, secrets by reference only. */}}
{{- define "intakemesh.env" -}}
- name: ASPNETCORE_URLS
  value: "http://+:8080"
- name: Cluster__ServiceId
  value: {{ .Values.cluster.serviceId | quote }}
- name: Cluster__ClusterId
  value: {{ .Values.cluster.clusterId | default (include "intakemesh.fullname" .) | quote }}
- name: Cluster__SiloPort
  value: {{ .Values.cluster.siloPort | quote }}
- name: Cluster__GatewayPort
  value: {{ .Values.cluster.gatewayPort | quote }}
- name: Cluster__AdvertisedIp
  valueFrom:
    fieldRef:
      fieldPath: status.podIP
- name: Kafka__BootstrapServers
  value: {{ required "kafka.bootstrapServers is required" .Values.kafka.bootstrapServers | quote }}
- name: Kafka__GroupId
  value: {{ .Values.kafka.groupId | quote }}
{{- range $key, $value := .Values.kafka.properties }}
- name: Kafka__Properties__{{ $key }}
  value: {{ $value | toString | quote }}
{{- end }}
- name: Storage__Provider
  value: Postgres
{{- with .Values.postgresql }}
{{- if .connectionStringKey }}
- name: ConnectionStrings__Postgres
  valueFrom:
    secretKeyRef:
      name: {{ .existingSecret }}
      key: {{ .connectionStringKey }}
{{- else }}
- name: INTAKEMESH_POSTGRES_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .existingSecret }}
      key: {{ .passwordKey }}
{{- /* $(VAR) is expanded by the kubelet from the variable defined above. */}}
{{- $cs := printf "Host=%s;Port=%v;Database=%s;Username=%s;Password=$(INTAKEMESH_POSTGRES_PASSWORD)" .host .port .database .username }}
- name: ConnectionStrings__Postgres
  value: {{ ternary (printf "%s;%s" $cs (.extraParameters | trimPrefix ";")) $cs (ne .extraParameters "") | quote }}
{{- end }}
{{- end }}
{{- with .Values.rabbitmq }}
{{- if .enabled }}
- name: Bus__Transport
  value: RabbitMq
- name: Bus__RabbitMq__Host
  value: {{ .host | quote }}
- name: Bus__RabbitMq__Username
{{- if .usernameKey }}
  valueFrom:
    secretKeyRef:
      name: {{ .existingSecret }}
      key: {{ .usernameKey }}
{{- else }}
  value: {{ .username | quote }}
{{- end }}
- name: Bus__RabbitMq__Password
  valueFrom:
    secretKeyRef:
      name: {{ .existingSecret }}
      key: {{ .passwordKey }}
{{- else }}
- name: Bus__Transport
  value: InMemory
{{- end }}
{{- end }}
- name: Identity__HmacKey
  valueFrom:
    secretKeyRef:
      name: {{ .Values.identity.existingSecret }}
      key: {{ .Values.identity.hmacKeyKey }}
- name: Security__EncryptionKeys__0__Id
  value: {{ .Values.security.encryptionKeyId | quote }}
- name: Security__EncryptionKeys__0__Key
  valueFrom:
    secretKeyRef:
      name: {{ .Values.security.existingSecret }}
      key: {{ .Values.security.encryptionKeyKey }}
- name: Security__ApiKeys__0__Name
  value: admin
- name: Security__ApiKeys__0__Role
  value: admin
- name: Security__ApiKeys__0__Sha256
  valueFrom:
    secretKeyRef:
      name: {{ .Values.security.existingSecret }}
      key: {{ .Values.security.adminKeySha256Key }}
- name: Security__AnonymousMetrics
  value: {{ .Values.security.anonymousMetrics | quote }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}
