"""Each concern of the deployment check still fails on a broken input: the real files, unchanged, pass; with one
thing broken, the problem is named. deploy/check.sh runs these after rendering compose and the overlays, and
passes the rendered files in COMPOSE_YAML, DEV_YAML and PROD_YAML, and in PROD_IMAGES the stand-in registry and tag
(comma-separated) it had deploy/set-images.sh set in prod."""
import contextlib
import copy
import io
import os
import shutil
import tempfile
import unittest

from check_config import run
from checks.common import dump_yaml, dump_yaml_all, load_yaml_all

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RENDERED = {name: os.environ.get(name) for name in ("COMPOSE_YAML", "DEV_YAML", "PROD_YAML")}
PROD_IMAGES = tuple(os.environ.get("PROD_IMAGES", "").split(","))
# What the check does not read stays behind when the repository is copied.
NOT_READ = shutil.ignore_patterns("target", ".git", ".platform", "node_modules", "test", "bench", "docs", "local-stack")
LOADED = {}


def setUpModule():
    missing = [name for name, path in RENDERED.items() if not path or not os.path.exists(path)]
    if len(PROD_IMAGES) != 2:
        missing.append("PROD_IMAGES")
    if missing:
        raise RuntimeError(f"{', '.join(missing)} not given: run these tests through deploy/check.sh")
    for name, path in RENDERED.items():
        with open(path, encoding="utf-8") as f:
            LOADED[name] = load_yaml_all(f)


class BrokenInputs(unittest.TestCase):

    def setUp(self):
        self.work = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.work)
        self.root = os.path.join(self.work, "repo")
        shutil.copytree(ROOT, self.root, ignore=NOT_READ)
        self.compose = copy.deepcopy(LOADED["COMPOSE_YAML"][0])
        self.overlays = {"dev": copy.deepcopy(LOADED["DEV_YAML"]), "prod": copy.deepcopy(LOADED["PROD_YAML"])}

    def edit(self, path, old, new):
        """Replaces old (which must be there) in a file of the copied repository."""
        full = os.path.join(self.root, path)
        with open(full, encoding="utf-8") as f:
            text = f.read()
        self.assertIn(old, text, path)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new))

    def object(self, overlay, kind, name):
        return next(d for d in self.overlays[overlay] if d and d.get("kind") == kind and d["metadata"]["name"] == name)

    def config_map(self, overlay, name):
        """A generated ConfigMap, whose rendered name carries a content hash."""
        return next(d for d in self.overlays[overlay] if d and d.get("kind") == "ConfigMap"
                    and d["metadata"]["name"].rsplit("-", 1)[0] == name)

    def problems(self):
        compose = os.path.join(self.work, "compose.yaml")
        with open(compose, "w", encoding="utf-8") as f:
            dump_yaml(self.compose, f)
        overlays = []
        for name, documents in self.overlays.items():
            path = os.path.join(self.work, f"{name}.yaml")
            with open(path, "w", encoding="utf-8") as f:
                dump_yaml_all(documents, f)
            overlays.append((name, path, PROD_IMAGES) if name == "prod" else (name, path))
        with contextlib.redirect_stdout(io.StringIO()):
            return run(self.root, compose, overlays)

    def assertProblem(self, fragment):
        problems = self.problems()
        self.assertTrue(any(fragment in p for p in problems), f"no problem naming {fragment!r} in {problems}")

    def test_the_files_as_they_are_pass(self):
        self.assertEqual([], self.problems())

    # environment: the env-var <-> property cross-check

    def test_a_variable_no_service_reads_is_refused(self):
        self.compose["services"]["asset-service"]["environment"]["UPLOAD_LIMIT"] = "10"
        self.assertProblem("compose asset-service: environment variable UPLOAD_LIMIT maps to no property")

    def test_a_required_variable_left_out_is_named(self):
        # variant-worker verifies tokens (platform-web); document-service runs without it and needs no JWT_*
        del self.compose["services"]["variant-worker"]["environment"]["JWT_AUDIENCE"]
        self.assertProblem("compose variant-worker: required variable JWT_AUDIENCE is not set")

    def test_a_config_mapping_without_default_is_required_where_no_profile_gives_it(self):
        # order-service's own @ConfigMapping interfaces: keys (nested groups, @WithName) and which have no default
        self.edit("order-service/src/main/resources/application.properties", "quarkus.http.port=8084\n",
                  "quarkus.http.port=8084\n%local.platform.example.endpoint=http://localhost:1\n")
        source = os.path.join(self.root, "order-service/src/main/java/com/renovation/media/orders/ExampleConfig.java")
        with open(source, "w", encoding="utf-8") as f:
            f.write('package com.renovation.media.orders;\n'
                    '@ConfigMapping(prefix = "platform.example")\n'
                    'public interface ExampleConfig {\n'
                    '    /** where {it} is; */\n'
                    '    String endpoint();\n'
                    '    @WithDefault("${platform.storage.public-endpoint}/x") String publicUrl();\n'
                    '    Optional<String> label();\n'
                    '    Limits limits();\n'
                    '    interface Limits { @WithName("max") int maximum(); }\n'
                    '    default String describe() { return endpoint(); }\n'
                    '}\n')
        self.config_map("prod", "order-service-config")["data"]["PLATFORM_EXAMPLE_PUBLIC_URL"] = "https://x.example.com"
        problems = self.problems()
        self.assertTrue(any("prod Deployment/order-service: required variable PLATFORM_EXAMPLE_ENDPOINT is not set"
                            in p for p in problems), problems)
        self.assertTrue(any("prod Deployment/order-service: required variable PLATFORM_EXAMPLE_LIMITS_MAX is not set"
                            in p for p in problems), problems)
        # the local profile (dev) has a value for the endpoint; the default and the Optional are never required
        self.assertFalse(any("dev Deployment/order-service: required variable PLATFORM_EXAMPLE_ENDPOINT" in p
                             for p in problems), problems)
        self.assertFalse(any(n in p for p in problems for n in ("PLATFORM_EXAMPLE_PUBLIC_URL", "PLATFORM_EXAMPLE_LABEL")),
                         problems)

    def test_private_webhook_targets_are_refused_outside_the_local_profile(self):
        self.config_map("prod", "order-service-config")["data"]["PLATFORM_WEBHOOKS_ALLOW_PRIVATE_TARGETS"] = "true"
        self.assertProblem("prod Deployment/order-service: PLATFORM_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true in profile prod")

    # topics: the registry against code, properties, topic creation and ACLs

    def test_a_dead_letter_topic_missing_from_composes_topic_job_is_named(self):
        job = self.compose["services"]["kafka-topics"]
        job["command"] = [job["command"][0].replace(" catalog-service.variant.failed.dlq", "")]
        self.assertProblem("compose kafka-topics: topic catalog-service.variant.failed.dlq is not created")

    def test_a_topic_the_registry_does_not_know_is_named(self):
        job = self.object("prod", "Job", "kafka-topics")["spec"]["template"]["spec"]["containers"][0]
        job["args"] = [job["args"][0].replace("for topic in ", "for topic in retired.topic ")]
        self.assertProblem("prod Job/kafka-topics: topic retired.topic is created but is not in the topic registry")

    def test_an_event_a_service_makes_but_the_registry_does_not_give_it_is_named(self):
        # a factory beside the outbox call counts: document-service makes its artefact outcomes in ArtefactJob
        self.edit("platform-contracts/src/main/java/com/renovation/media/contracts/events/Topic.java",
                  "ARTEFACT_RENDERED(Topics.ARTEFACT_RENDERED, Channels.ARTEFACT_RENDERED, DOCUMENT_SERVICE,",
                  "ARTEFACT_RENDERED(Topics.ARTEFACT_RENDERED, Channels.ARTEFACT_RENDERED, CATALOG_SERVICE,")
        self.assertProblem("document-service: its outbox publishes ['artefact.render.failed', 'artefact.rendered',")

    def test_a_new_consumer_in_the_registry_needs_its_dead_letter_topic_and_grants(self):
        self.edit("platform-contracts/src/main/java/com/renovation/media/contracts/events/Topic.java",
                  "ROOM_DELETED(Topics.ROOM_DELETED, Channels.ROOM_DELETED, ASSET_SERVICE, DOCUMENT_SERVICE)",
                  "ROOM_DELETED(Topics.ROOM_DELETED, Channels.ROOM_DELETED, ASSET_SERVICE, DOCUMENT_SERVICE, "
                  "CATALOG_SERVICE)")
        self.assertProblem("compose kafka-topics: topic catalog-service.room.deleted.dlq is not created")
        self.assertProblem("deploy/kafka-acls.sh: catalog-service lacks read on ['room.deleted']")

    def test_an_acl_grant_missing_or_extra_is_named(self):
        self.edit("deploy/kafka-acls.sh", "allow_read document-service document.requested session.deleted room.deleted",
                  "allow_read document-service document.requested session.deleted variant.ready")
        self.assertProblem("deploy/kafka-acls.sh: document-service lacks read on ['room.deleted']")
        self.assertProblem("deploy/kafka-acls.sh: document-service is granted read on ['variant.ready']")

    def test_channel_settings_retyped_in_a_services_properties_are_refused(self):
        self.edit("catalog-service/src/main/resources/application.properties", "quarkus.application.name=catalog-service\n",
                  "quarkus.application.name=catalog-service\n"
                  "mp.messaging.incoming.variant-ready.dead-letter-queue.topic=catalog-service.variant.ready.dlq\n")
        self.assertProblem("catalog-service: application.properties sets "
                           "mp.messaging.incoming.variant-ready.dead-letter-queue.topic, which the topic registry")

    def test_a_retention_above_a_week_is_refused(self):
        job = self.compose["services"]["kafka-topics"]
        job["command"] = [job["command"][0].replace("retention.ms=604800000", "retention.ms=704800000")]
        self.assertProblem("compose kafka-topics: retention 704800000 ms is not between 1 ms and 7 days")

    # compose

    def test_an_unpinned_image_is_refused(self):
        self.compose["services"]["postgres"]["image"] = "postgres:latest"
        self.assertProblem("compose postgres: image 'postgres:latest' is not pinned to a version")

    def test_a_deployment_not_on_the_image_set_is_refused(self):
        container = self.object("prod", "Deployment", "document-service")["spec"]["template"]["spec"]["containers"][0]
        container["image"] = container["image"].rsplit(":", 1)[0] + ":0.0.1"
        self.assertProblem("prod Deployment/document-service: container document-service runs")

    def test_an_image_profile_base_other_than_the_dockerfiles_is_refused(self):
        self.edit("pom.xml", "<image.base>eclipse-temurin:25.0.3_9-jre-noble</image.base>",
                  "<image.base>eclipse-temurin:25-jre</image.base>")
        self.assertProblem("the images profile's image.base eclipse-temurin:25-jre is not")

    def test_the_standin_must_share_order_services_token_secret_and_webhook(self):
        standin = self.compose["services"]["provider-standin"]["environment"]
        standin["STANDIN_PAYMENT_SECRET"] = "whsec_other"
        standin["STANDIN_PAYMENT_WEBHOOK_URL"] = "http://asset-service:8080/webhooks/payments"
        self.assertProblem("compose provider-standin: STANDIN_PAYMENT_SECRET is not order-service's "
                           "PLATFORM_PAYMENTS_WEBHOOK_SECRET")
        self.assertProblem("compose provider-standin: STANDIN_PAYMENT_WEBHOOK_URL must be order-service's webhook")

    def test_composes_order_service_secrets_have_no_default(self):
        self.edit("docker-compose.yml", "PLATFORM_PAYMENTS_WEBHOOK_SECRET: ${PLATFORM_PAYMENTS_WEBHOOK_SECRET:?",
                  "PLATFORM_PAYMENTS_WEBHOOK_SECRET: ${PLATFORM_PAYMENTS_WEBHOOK_SECRET:-whsec_x}${UNUSED:?")
        self.assertProblem("docker-compose.yml: PLATFORM_PAYMENTS_WEBHOOK_SECRET must be required from the environment")

    # kubernetes workloads

    def dockerfile_of(self, service):
        """Points compose's build of the service at the copied repository, whose Dockerfile a test may edit."""
        self.compose["services"][service]["build"]["context"] = os.path.join(self.root, service)
        return f"{service}/src/main/docker/Dockerfile.jvm"

    def test_a_dockerfile_stage_from_an_unpinned_image_is_refused(self):
        path = self.dockerfile_of("variant-worker")
        self.edit(path, "FROM node:20.20.2-bookworm-slim AS libvips", "FROM node AS libvips")
        self.assertProblem("compose variant-worker: Dockerfile.jvm stage FROM node is not pinned")

    def test_a_service_image_not_on_java_25_is_refused(self):
        path = self.dockerfile_of("catalog-service")
        self.edit(path, "FROM eclipse-temurin:25.0.3_9-jre-noble", "FROM eclipse-temurin:17.0.16_8-jre-noble")
        self.assertProblem("compose catalog-service: Dockerfile.jvm must run FROM a pinned eclipse-temurin:25 image")

    def test_a_worker_image_without_its_libvips_is_refused(self):
        path = self.dockerfile_of("variant-worker")
        self.edit(path, "ENV PLATFORM_VARIANTS_LIBVIPS_PATH=", "ENV UNUSED_PATH=")
        self.assertProblem("variant-worker's image must set PLATFORM_VARIANTS_LIBVIPS_PATH")

    def test_a_probe_on_the_wrong_path_is_refused(self):
        deployment = self.object("dev", "Deployment", "asset-service")
        deployment["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGet"]["path"] = "/health"
        self.assertProblem("dev Deployment/asset-service: readinessProbe must be an httpGet on /q/health/ready")

    def test_a_grace_period_shorter_than_the_drain_is_refused(self):
        self.object("prod", "Deployment", "document-service")["spec"]["template"]["spec"][
            "terminationGracePeriodSeconds"] = 30
        self.assertProblem("prod Deployment/document-service: terminationGracePeriodSeconds 30 is shorter than "
                           "SHUTDOWN_DELAY + SHUTDOWN_TIMEOUT + 10 s (35 s)")

    def test_a_shutdown_timeout_that_is_not_a_duration_is_refused(self):
        self.config_map("dev", "platform-config")["data"]["SHUTDOWN_TIMEOUT"] = "twenty"
        self.assertProblem("SHUTDOWN_TIMEOUT=twenty is not a duration such as 20s")

    def test_more_worker_replicas_than_partitions_are_refused(self):
        self.object("dev", "HorizontalPodAutoscaler", "variant-worker")["spec"]["maxReplicas"] = 12
        self.assertProblem("dev Deployment/variant-worker: HPA variant-worker allows 12 replicas, above the 6 "
                           "partitions: the extra consumers would sit idle")
        self.object("prod", "ScaledObject", "document-service")["spec"]["maxReplicaCount"] = 8
        self.assertProblem("prod Deployment/document-service: ScaledObject document-service allows 8 replicas, above "
                           "the 6 partitions: the extra consumers would sit idle")

    def test_a_worker_scaled_twice_is_refused(self):
        hpa = copy.deepcopy(self.object("dev", "HorizontalPodAutoscaler", "variant-worker"))
        self.overlays["prod"].append(hpa)
        self.assertProblem("prod Deployment/variant-worker: scaled by ScaledObject variant-worker and HPA "
                           "variant-worker: they would fight over the replicas")

    def test_a_scaled_object_must_read_its_own_groups_lag_on_a_topic_it_consumes(self):
        trigger = self.object("prod", "ScaledObject", "variant-worker")["spec"]["triggers"][0]["metadata"]
        trigger["consumerGroup"], trigger["topic"] = "asset-service", "document.requested"
        self.assertProblem("prod ScaledObject/variant-worker: reads the lag of group asset-service, not "
                           "variant-worker's own (variant-worker)")
        self.assertProblem("prod ScaledObject/variant-worker: reads the lag on document.requested, which "
                           "variant-worker does not consume")

    def test_keda_may_only_describe_the_lag_it_scales_on(self):
        self.edit("deploy/kafka-acls.sh", "allow_lag_read keda document-service document.requested",
                  "allow_lag_read keda document-service asset.confirmed")
        self.assertProblem("deploy/kafka-acls.sh: keda may describe group document-service on asset.confirmed, "
                           "which that group does not read")
        self.assertProblem("prod ScaledObject/document-service: deploy/kafka-acls.sh does not let KEDA describe "
                           "group document-service and topic document.requested")

    def test_a_scaled_deployment_must_not_set_replicas(self):
        self.object("prod", "Deployment", "document-service")["spec"]["replicas"] = 2
        self.assertProblem("prod Deployment/document-service: sets replicas: every apply would fight ScaledObject "
                           "document-service")

    def test_the_payment_webhook_must_reach_order_service(self):
        paths = self.object("prod", "Ingress", "media-platform")["spec"]["rules"][0]["http"]["paths"]
        paths[:] = [p for p in paths if p["path"] != "/webhooks/payments"]
        self.assertProblem("prod: the Ingress must route /webhooks/payments to order-service")

    def test_only_order_service_gets_its_credentials(self):
        secret = next(d["metadata"]["name"] for d in self.overlays["dev"] if d and d.get("kind") == "Secret"
                      and d["metadata"]["name"].startswith("order-service-credentials"))
        container = self.object("dev", "Deployment", "catalog-service")["spec"]["template"]["spec"]["containers"][0]
        container["envFrom"].append({"secretRef": {"name": secret}})
        self.assertProblem(f"dev Deployment/catalog-service: it is given Secret {secret}, which holds "
                           "order-service's credentials only")

    # security contexts

    def test_privilege_escalation_is_refused(self):
        container = self.object("prod", "Deployment", "catalog-service")["spec"]["template"]["spec"]["containers"][0]
        container["securityContext"]["allowPrivilegeEscalation"] = True
        self.assertProblem("prod Deployment/catalog-service container catalog-service: allowPrivilegeEscalation must be false")

    # network policies

    def test_without_a_default_deny_policy_the_overlay_fails(self):
        self.overlays["dev"] = [d for d in self.overlays["dev"] if not (
                d and d.get("kind") == "NetworkPolicy" and d["spec"].get("podSelector") == {}
                and not d["spec"].get("ingress") and not d["spec"].get("egress"))]
        self.assertProblem("dev: no default-deny NetworkPolicy")

    def test_order_service_must_reach_an_smtp_server(self):
        self.overlays["dev"] = [d for d in self.overlays["dev"] if not (
                d and d.get("kind") == "NetworkPolicy" and d["metadata"]["name"] == "order-service-to-smtp")]
        self.assertProblem("dev NetworkPolicy order-service: no egress to an SMTP server's submission port")

    # the web console

    def test_the_console_without_its_own_management_interface_is_refused(self):
        # the services get quarkus.management.enabled from platform-messaging; the console does not run with it
        self.edit("web-console/src/main/resources/application.properties", "quarkus.management.enabled=true\n", "")
        self.assertProblem("web-console: quarkus.management.enabled is not true")

    def test_an_api_that_does_not_allow_the_consoles_origin_is_named(self):
        self.compose["services"]["catalog-service"]["environment"]["CORS_ORIGINS"] = "http://localhost:3000"
        self.assertProblem("compose catalog-service: CORS_ORIGINS (http://localhost:3000) does not allow the "
                           "console's origin http://localhost:8090")
        del self.config_map("prod", "asset-service-config")["data"]["CORS_ORIGINS"]
        self.assertProblem("prod Deployment/asset-service: CORS_ORIGINS (unset: same origin only) does not allow the "
                           "console's origin https://api.media.example.com")

    def test_minio_must_allow_the_consoles_origin_and_no_other(self):
        del self.compose["services"]["minio"]["environment"]["MINIO_API_CORS_ALLOW_ORIGIN"]
        self.assertProblem("compose minio: MINIO_API_CORS_ALLOW_ORIGIN is not set to the console's origin")
        minio = self.object("dev", "StatefulSet", "minio")["spec"]["template"]["spec"]["containers"][0]
        next(v for v in minio["env"] if v["name"] == "MINIO_API_CORS_ALLOW_ORIGIN")["value"] = "http://localhost:8090"
        self.assertProblem("dev StatefulSet/minio: MINIO_API_CORS_ALLOW_ORIGIN (http://localhost:8090) does not "
                           "allow the console's origin http://media.localtest.me")

    def test_the_consoles_storage_url_must_be_where_presigned_urls_point(self):
        self.compose["services"]["web-console"]["environment"]["CONSOLE_STORAGE_URL"] = "http://localhost:9001"
        self.assertProblem("compose web-console: CONSOLE_STORAGE_URL=http://localhost:9001 is not S3_PUBLIC_ENDPOINT")

    def test_the_consoles_cdn_url_must_be_where_variant_urls_point(self):
        self.config_map("prod", "asset-service-config")["data"]["PLATFORM_STORAGE_CDN_BASE_URL"] = \
            "https://d111111abcdef8.cloudfront.net"
        self.assertProblem("prod Deployment/web-console: CONSOLE_CDN_URL=(unset) is not PLATFORM_STORAGE_CDN_BASE_URL")
        self.config_map("prod", "web-console-config")["data"]["CONSOLE_CDN_URL"] = "https://cdn.example.com"
        self.assertProblem("prod Deployment/web-console: CONSOLE_CDN_URL=https://cdn.example.com is not "
                           "PLATFORM_STORAGE_CDN_BASE_URL")

    def test_the_console_gets_none_of_the_services_credentials(self):
        console = self.compose["services"]["web-console"]["environment"]
        console.update({k: v for k, v in self.compose["services"]["asset-service"]["environment"].items()
                        if k.startswith(("PG_", "S3_"))})
        self.assertProblem("compose web-console: environment variable PG_PASSWORD maps to no property web-console")
        self.assertProblem("compose web-console: the console is given S3_SECRET_KEY")
        container = self.object("prod", "Deployment", "web-console")["spec"]["template"]["spec"]["containers"][0]
        container["envFrom"].append({"secretRef": {"name": "platform-credentials"}})
        self.assertProblem("prod Deployment/web-console: the console must not get Secret platform-credentials")
        # in dev the engines' settings (and credentials) are generated: their names carry a content hash
        engines = self.config_map("dev", "platform-config")["metadata"]["name"]
        pod = self.object("dev", "Deployment", "web-console")["spec"]["template"]["spec"]
        pod["containers"][0]["envFrom"].append({"configMapRef": {"name": engines}})
        self.assertProblem(f"dev Deployment/web-console: the console must not get ConfigMap {engines}")

    def test_an_oidc_console_needs_its_issuer_and_client_id_and_signs_in_where_the_apis_trust(self):
        settings = self.config_map("prod", "web-console-config")["data"]
        del settings["CONSOLE_OIDC_CLIENT_ID"]
        self.assertProblem("prod Deployment/web-console: required variable CONSOLE_OIDC_CLIENT_ID is not set")
        settings["CONSOLE_OIDC_ISSUER"] = "https://login.other.example.com/"
        self.assertProblem("prod Deployment/web-console: CONSOLE_OIDC_ISSUER=https://login.other.example.com/ is not "
                           "the issuer the APIs trust")

    def test_local_sign_in_outside_the_local_profile_is_refused(self):
        self.config_map("prod", "web-console-config")["data"]["CONSOLE_AUTH_MODE"] = "local"
        self.assertProblem("prod Deployment/web-console: CONSOLE_AUTH_MODE=local (local sign-in: anyone may act as "
                           "any user) in profile prod")
        self.assertProblem("prod Deployment/web-console: required variable CONSOLE_LOCAL_HOME is not set")

    def test_the_console_must_be_served_at_the_site_root(self):
        ingress = self.object("prod", "Ingress", "media-platform")
        paths = ingress["spec"]["rules"][0]["http"]["paths"]
        paths[:] = [p for p in paths if p["path"] != "/"]
        self.assertProblem("prod: the Ingress must route the site root / to web-console")

    def test_the_console_may_send_nothing_but_dns(self):
        policy = self.object("dev", "NetworkPolicy", "services-to-engines")
        policy["spec"]["podSelector"]["matchExpressions"][0]["values"].append("web-console")
        self.assertProblem("dev NetworkPolicy web-console: the console calls nothing")

    def test_prometheus_must_not_scrape_the_console_which_has_no_metrics(self):
        template = self.object("dev", "Deployment", "web-console")["spec"]["template"]
        template["metadata"]["annotations"] = {"prometheus.io/scrape": "true", "prometheus.io/port": "9090",
                                               "prometheus.io/path": "/q/metrics"}
        self.assertProblem("dev Deployment/web-console: Prometheus must not scrape web-console")


if __name__ == "__main__":
    unittest.main()
