"""Each concern of the deployment check still fails on a broken input: the real files, unchanged, pass; with one
thing broken, the problem is named. deploy/check.sh runs these after rendering compose and the overlays, and
passes the rendered files in COMPOSE_YAML, DEV_YAML and PROD_YAML."""
import contextlib
import copy
import io
import os
import shutil
import tempfile
import unittest

import yaml

from check_config import run

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RENDERED = {name: os.environ.get(name) for name in ("COMPOSE_YAML", "DEV_YAML", "PROD_YAML")}
# What the check does not read stays behind when the repository is copied.
NOT_READ = shutil.ignore_patterns("target", ".git", ".platform", "node_modules", "test", "bench", "docs", "local-stack")
LOADED = {}


def setUpModule():
    missing = [name for name, path in RENDERED.items() if not path or not os.path.exists(path)]
    if missing:
        raise RuntimeError(f"{', '.join(missing)} not given: run these tests through deploy/check.sh")
    for name, path in RENDERED.items():
        with open(path, encoding="utf-8") as f:
            LOADED[name] = list(yaml.safe_load_all(f))


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

    def problems(self):
        compose = os.path.join(self.work, "compose.yaml")
        with open(compose, "w", encoding="utf-8") as f:
            yaml.safe_dump(self.compose, f)
        overlays = []
        for name, documents in self.overlays.items():
            path = os.path.join(self.work, f"{name}.yaml")
            with open(path, "w", encoding="utf-8") as f:
                yaml.safe_dump_all(documents, f)
            overlays.append((name, path))
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
        del self.compose["services"]["document-service"]["environment"]["JWT_AUDIENCE"]
        self.assertProblem("compose document-service: required variable JWT_AUDIENCE is not set")

    # topics: the registry against code, properties, topic creation and ACLs

    def test_a_dead_letter_topic_missing_from_composes_topic_job_is_named(self):
        job = self.compose["services"]["kafka-topics"]
        job["command"] = [job["command"][0].replace(" catalog-service.variant.failed.dlq", "")]
        self.assertProblem("compose kafka-topics: topic catalog-service.variant.failed.dlq is not created")

    def test_a_topic_the_registry_does_not_know_is_named(self):
        job = self.object("prod", "Job", "kafka-topics")["spec"]["template"]["spec"]["containers"][0]
        job["args"] = [job["args"][0].replace("for topic in ", "for topic in retired.topic ")]
        self.assertProblem("prod Job/kafka-topics: topic retired.topic is created but is not in the topic registry")

    def test_a_new_consumer_in_the_registry_needs_its_dead_letter_topic_and_grants(self):
        self.edit("platform-contracts/src/main/java/com/renovation/media/contracts/events/Topic.java",
                  "ASSET_DELETED(Topics.ASSET_DELETED, Channels.ASSET_DELETED, ASSET_SERVICE, VARIANT_WORKER)",
                  "ASSET_DELETED(Topics.ASSET_DELETED, Channels.ASSET_DELETED, ASSET_SERVICE, VARIANT_WORKER, "
                  "CATALOG_SERVICE)")
        self.assertProblem("compose kafka-topics: topic catalog-service.asset.deleted.dlq is not created")
        self.assertProblem("deploy/kafka-acls.sh: catalog-service lacks read on ['asset.deleted']")

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

    def test_more_worker_replicas_than_partitions_are_refused(self):
        self.object("prod", "HorizontalPodAutoscaler", "variant-worker")["spec"]["maxReplicas"] = 12
        self.assertProblem("prod: variant-worker HPA maxReplicas above 6 partitions would leave workers idle")

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


if __name__ == "__main__":
    unittest.main()
