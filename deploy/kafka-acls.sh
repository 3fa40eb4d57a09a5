#!/usr/bin/env bash
# Grants each Kafka principal of the platform exactly what it uses, and nothing else (deploy/kafka-acls.md says
# why each line is there). The grants below follow the topic registry of platform-contracts (Topic: who publishes
# and who consumes each topic, each consumer group's dead-letter topics); platform-contracts' DeploymentTopicsTest
# and deploy/check.sh verify that they still match, and that each service's outbox publishes what it says.
#
# usage: KAFKA_BOOTSTRAP_SERVERS=kafka-1:9093 deploy/kafka-acls.sh <admin-client.properties>   apply them
#        deploy/kafka-acls.sh --print                                                       show the commands
# The admin client properties authenticate as a principal allowed to alter ACLs (security.protocol,
# sasl.mechanism, sasl.jaas.config...). Principals are User:<service> (the SASL user name of each service).
# kafka-acls.sh --add is idempotent, so running this again changes nothing.
set -euo pipefail

KAFKA_BIN=${KAFKA_BIN:-/opt/kafka/bin}
if [[ "${1:-}" == "--print" ]]; then
  run() { echo "kafka-acls.sh --bootstrap-server \"\$KAFKA_BOOTSTRAP_SERVERS\" --command-config \"\$ADMIN_CONFIG\" $*"; }
else
  [[ $# -eq 1 && -f "$1" ]] || { sed -n '7,8p' "$0" | sed 's/^# //' >&2; exit 2; }
  : "${KAFKA_BOOTSTRAP_SERVERS:?set KAFKA_BOOTSTRAP_SERVERS}"
  admin_config=$1
  run() { "$KAFKA_BIN/kafka-acls.sh" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --command-config "$admin_config" "$@"; }
fi

# allow_read PRINCIPAL TOPIC...: consume the topics
allow_read() {
  local principal=$1 topic; shift
  for topic in "$@"; do
    run --add --allow-principal "User:$principal" --operation Read --operation Describe --topic "$topic"
  done
}

# allow_write PRINCIPAL TOPIC...: produce to the topics (the idempotent outbox relay and dead-letter producers)
allow_write() {
  local principal=$1 topic; shift
  for topic in "$@"; do
    run --add --allow-principal "User:$principal" --operation Write --operation Describe --topic "$topic"
  done
}

# allow_lag_read PRINCIPAL GROUP TOPIC: see a consumer group's committed offsets on a topic and the topic's end
# offsets (Describe on both): what KEDA needs to compute lag, without reading a record or joining the group
allow_lag_read() {
  run --add --allow-principal "User:$1" --operation Describe --group "$2"
  run --add --allow-principal "User:$1" --operation Describe --topic "$3"
}

# allow_group PRINCIPAL GROUP: join the consumer group and commit its offsets
allow_group() {
  run --add --allow-principal "User:$1" --operation Read --operation Describe --group "$2"
}

# allow_topic_admin PRINCIPAL TOPIC...: create the topics and set their retention (the kafka-topics Job)
allow_topic_admin() {
  local principal=$1 topic; shift
  for topic in "$@"; do
    run --add --allow-principal "User:$principal" --operation Create --operation Describe \
      --operation AlterConfigs --operation DescribeConfigs --topic "$topic"
  done
}

EVENT_TOPICS="asset.confirmed asset.deleted session.deleted room.deleted variant.ready variant.failed video.probed video.progress document.requested document.ready document.failed catalog.image.added catalog.image.published catalog.image.withdrawn catalog.style.changed session.expiring artefact.version.created artefact.export.requested artefact.rendered artefact.render.failed share.link.created order.paid order.output.ready order.completed"

# asset-service: the public API; its outbox publishes uploads, deletes and document requests
allow_write asset-service asset.confirmed asset.deleted session.deleted room.deleted document.requested session.expiring artefact.version.created artefact.export.requested share.link.created
allow_group asset-service asset-service
allow_read asset-service variant.ready variant.failed video.probed video.progress document.ready document.failed catalog.image.published catalog.image.withdrawn catalog.style.changed artefact.rendered artefact.render.failed order.paid order.output.ready
allow_write asset-service asset-service.variant.ready.dlq asset-service.variant.failed.dlq asset-service.video.probed.dlq asset-service.video.progress.dlq asset-service.document.ready.dlq asset-service.document.failed.dlq asset-service.catalog.image.published.dlq asset-service.catalog.image.withdrawn.dlq asset-service.catalog.style.changed.dlq asset-service.artefact.rendered.dlq asset-service.artefact.render.failed.dlq asset-service.order.paid.dlq asset-service.order.output.ready.dlq

# variant-worker: makes variants of confirmed uploads and catalog images, erases them on deletes
allow_write variant-worker variant.ready variant.failed video.probed video.progress
allow_group variant-worker variant-worker
allow_read variant-worker asset.confirmed catalog.image.added asset.deleted session.deleted
allow_write variant-worker variant-worker.asset.confirmed.dlq variant-worker.catalog.image.added.dlq variant-worker.asset.deleted.dlq variant-worker.session.deleted.dlq

# document-service: renders requested documents and artefacts' thumbnails and exports, erases a deleted session's
allow_write document-service document.ready document.failed artefact.rendered artefact.render.failed
allow_group document-service document-service
allow_read document-service document.requested session.deleted room.deleted artefact.version.created artefact.export.requested
allow_write document-service document-service.document.requested.dlq document-service.session.deleted.dlq document-service.room.deleted.dlq document-service.artefact.version.created.dlq document-service.artefact.export.requested.dlq

# catalog-service: announces catalog images (to be rendered, public, withdrawn), follows their variants
allow_write catalog-service catalog.image.added catalog.image.published catalog.image.withdrawn catalog.style.changed
allow_group catalog-service catalog-service
allow_read catalog-service variant.ready variant.failed
allow_write catalog-service catalog-service.variant.ready.dlq catalog-service.variant.failed.dlq

# order-service: paid processing; publishes orders' payment, outputs and completion, reads them back for its
# notifications and users' webhooks, follows confirmed and deleted assets, expiring sessions and new share links
allow_write order-service order.paid order.output.ready order.completed
allow_group order-service order-service
allow_read order-service asset.confirmed asset.deleted session.deleted session.expiring share.link.created order.paid order.output.ready order.completed
allow_write order-service order-service.asset.confirmed.dlq order-service.asset.deleted.dlq order-service.session.deleted.dlq order-service.session.expiring.dlq order-service.share.link.created.dlq order-service.order.paid.dlq order-service.order.output.ready.dlq order-service.order.completed.dlq

# keda (prod's autoscaler, deploy/overlays/prod/keda.yaml): reads the workers' lag, and nothing else
allow_lag_read keda variant-worker asset.confirmed
allow_lag_read keda document-service document.requested

# kafka-topics (the Job): creates every event and dead-letter topic and sets its retention
# shellcheck disable=SC2086
allow_topic_admin kafka-topics $EVENT_TOPICS \
  asset-service.variant.ready.dlq asset-service.variant.failed.dlq asset-service.video.probed.dlq asset-service.video.progress.dlq asset-service.document.ready.dlq asset-service.document.failed.dlq asset-service.catalog.image.published.dlq asset-service.catalog.image.withdrawn.dlq asset-service.catalog.style.changed.dlq asset-service.artefact.rendered.dlq asset-service.artefact.render.failed.dlq asset-service.order.paid.dlq asset-service.order.output.ready.dlq \
  variant-worker.asset.confirmed.dlq variant-worker.catalog.image.added.dlq variant-worker.asset.deleted.dlq variant-worker.session.deleted.dlq \
  document-service.document.requested.dlq document-service.session.deleted.dlq document-service.room.deleted.dlq document-service.artefact.version.created.dlq document-service.artefact.export.requested.dlq \
  catalog-service.variant.ready.dlq catalog-service.variant.failed.dlq \
  order-service.asset.confirmed.dlq order-service.asset.deleted.dlq order-service.session.deleted.dlq order-service.session.expiring.dlq order-service.share.link.created.dlq order-service.order.paid.dlq order-service.order.output.ready.dlq order-service.order.completed.dlq
