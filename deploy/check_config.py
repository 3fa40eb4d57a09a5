#!/usr/bin/env python3
"""Checks the resolved docker-compose.yml and the rendered Kubernetes overlays (run by deploy/check.sh).

usage: check_config.py ROOT COMPOSE_YAML NAME=RENDERED_YAML...

What a service reads comes from the source of truth, not from a list kept here: each service's
src/main/resources/application.properties plus the shared modules' META-INF/microprofile-config.properties.
An environment variable given to a service is allowed when it is
  - a variable of README "Configuration", or
  - referenced as ${NAME...} in those files, or
  - the environment form of a property key there or among the tuning keys README "Configuration" names
    (MicroProfile Config: every character that is not a letter
    or digit becomes '_', upper case; e.g. QUARKUS_HTTP_PORT for quarkus.http.port), starting QUARKUS_,
    PLATFORM_ or MP_, or
  - QUARKUS_PROFILE (Quarkus's profile selector: the local profile accepts the local token issuer).
A variable is required when a non-profile property's effective value references ${NAME} without a default.
"""
import glob
import os
import re
import sys

import yaml

SERVICES = ["asset-service", "variant-worker", "document-service", "catalog-service"]
PUBLIC_SERVICES = {"asset-service", "catalog-service"}
BUILTIN_VARIABLES = {"QUARKUS_PROFILE"}
PROBES = {"startupProbe": "/q/health/started", "readinessProbe": "/q/health/ready",
          "livenessProbe": "/q/health/live"}
# Objects an overlay expects to exist in the cluster rather than render: name -> keys they must hold.
EXTERNAL = {
    "dev": {("ConfigMap", "jwt-public-key"): {"public.pem"}},
    "prod": {("Secret", "platform-credentials"): {"PG_USER", "PG_PASSWORD", "S3_ACCESS_KEY", "S3_SECRET_KEY"}},
}
# In-cluster engines only the dev overlay brings; prod points at external ones.
DEV_ENGINES = {"postgres", "kafka", "minio"}

errors = []


def error(where, message):
    errors.append(f"{where}: {message}")


# ---------------------------------------------------------------------------------------------- sources

def read_properties(path):
    """(profile or None, key, value) of a .properties file; continuation lines joined."""
    entries = []
    with open(path, encoding="utf-8") as f:
        logical = ""
        for raw in f:
            line = raw.rstrip("\n")
            if not logical and (not line.strip() or line.lstrip().startswith(("#", "!"))):
                continue
            if line.endswith("\\"):
                logical += line[:-1].lstrip()
                continue
            logical += line.lstrip()
            match = re.match(r"([^=:\s]+)\s*[=:]?\s*(.*)", logical)
            logical = ""
            if not match:
                continue
            key, value = match.group(1), match.group(2)
            profile = None
            if key.startswith("%"):
                profile, _, key = key[1:].partition(".")
            entries.append((profile, key, value))
    return entries


def references(value):
    """(name, has_default) of each ${...} in a property value, nested ones included."""
    return [(m.group(1), m.group(2) == ":") for m in re.finditer(r"\$\{([^}:${]+)(:?)", value)]


def env_form(key):
    return re.sub(r"[^A-Za-z0-9]", "_", key).upper()


def is_env_name(name):
    return re.fullmatch(r"[A-Z][A-Z0-9_]*", name) is not None


def documented_variables(root):
    """The backticked variables of the README "Configuration" table, and the property keys the section names
    for tuning (`platform.uploads.max-image-bytes`, `platform.messaging.outbox.*`): (variables, keys)."""
    with open(os.path.join(root, "README.md"), encoding="utf-8") as f:
        text = f.read()
    section = re.search(r"^## Configuration\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    if not section:
        error("README.md", 'no "## Configuration" section')
        return set()
    names = set()
    for line in section.group(1).splitlines():
        if line.startswith("|"):
            first_cell = line.split("|")[1]
            names.update(re.findall(r"`([A-Z][A-Z0-9_]*)`", first_cell))
    if not names:
        error("README.md", "no variables found in the Configuration table")
    keys = set(re.findall(r"`([a-z][a-z0-9-]*(?:\.[a-z0-9*-]+)+)`", section.group(1)))
    return names, keys


class ServiceConfig:
    def __init__(self, root, service, shared_files, documented, documented_keys):
        self.name = service
        own = os.path.join(root, service, "src/main/resources/application.properties")
        if not os.path.exists(own):
            error(service, f"{os.path.relpath(own, root)} is missing")
            own_entries = []
        else:
            own_entries = read_properties(own)
        entries = [e for path in shared_files for e in read_properties(path)] + own_entries
        effective = {}
        for profile, key, value in entries:  # later files (the service's own) override the shared defaults
            if profile is None:
                effective[key] = value
        keys = {key for _, key, _ in entries} | {k for k in documented_keys if not k.endswith(".*")}
        self.documented_prefixes = {env_form(k[:-1]) for k in documented_keys if k.endswith(".*")}
        referenced = {name for _, _, value in entries for name, _ in references(value) if is_env_name(name)}
        self.required = {name for value in effective.values() for name, has_default in references(value)
                         if is_env_name(name) and not has_default and name not in effective}
        self.allowed = (set(documented) | BUILTIN_VARIABLES | referenced
                        | {env_form(k) for k in keys if env_form(k).startswith(("QUARKUS_", "PLATFORM_", "MP_"))})

    def check_environment(self, where, variables):
        """variables: name -> value (None when the value is not known here, e.g. from an external Secret)."""
        for name in sorted(variables):
            if name not in self.allowed and not name.startswith(tuple(self.documented_prefixes)):
                error(where, f"environment variable {name} maps to no property {self.name} reads "
                             "(not in README Configuration, not referenced, no matching property key)")
        for name in sorted(self.required):
            if name not in variables:
                error(where, f"required variable {name} is not set ({self.name} references ${{{name}}} "
                             "without a default)")
            elif variables[name] is not None and str(variables[name]).strip() == "":
                error(where, f"required variable {name} is empty")


def topics_contract(root):
    path = os.path.join(root, "platform-events/src/main/java/com/renovation/media/events/Topics.java")
    with open(path, encoding="utf-8") as f:
        source = f.read()
    constants = dict(re.findall(r'static final String (\w+) = "([^"]+)";', source))
    listed = re.search(r"ALL = List\.of\(([^)]*)\)", source, re.S)
    partitions = re.search(r"PARTITIONS = (\d+);", source)
    if not listed or not partitions:
        error("Topics.java", "cannot find Topics.ALL or Topics.PARTITIONS")
        return [], 0
    return [constants[n.strip()] for n in listed.group(1).split(",") if n.strip()], int(partitions.group(1))


def volume_source(volume):
    """(source, is_named) of a compose volume in long or short ("src:dst[:mode]") form."""
    if isinstance(volume, dict):
        return volume.get("source"), volume.get("type") == "volume"
    source = str(volume).split(":")[0]
    return source, not source.startswith(("/", ".", "~"))


def pinned(image):
    """An image reference with an explicit tag (or digest) other than latest."""
    if "@sha256:" in image:
        return True
    last = image.rsplit("/", 1)[-1]
    return ":" in last and not last.endswith(":latest")


# ---------------------------------------------------------------------------------------------- compose

def check_dockerfile(where, path, service):
    """Debian's OpenJDK 17 (system libjpeg-turbo, STACK.md), pinned base, the fast-jar layout; avifenc for the worker."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    base = re.search(r"^FROM\s+(\S+)", text, re.M)
    if not base or not base.group(1).startswith("debian:") or not pinned(base.group(1)):
        error(where, "Dockerfile.jvm must start FROM a pinned debian: image")
    if "openjdk-17-jre-headless" not in text:
        error(where, "Dockerfile.jvm must install Debian's openjdk-17-jre-headless")
    if "target/quarkus-app/" not in text or "quarkus-run.jar" not in text:
        error(where, "Dockerfile.jvm must run the fast-jar target/quarkus-app/quarkus-run.jar")
    if service == "variant-worker" and "libavif-bin" not in text:
        error(where, "variant-worker's image needs libavif-bin (avifenc) for AVIF variants")


def check_compose(root, path, configs, topics, partitions):
    with open(path, encoding="utf-8") as f:
        compose = yaml.safe_load(f)
    services = compose.get("services") or {}
    declared_volumes = set((compose.get("volumes") or {}).keys())
    expected = SERVICES + ["postgres", "kafka", "kafka-topics", "minio", "minio-buckets"]
    for name in expected:
        if name not in services:
            error("compose", f"service {name} is missing")
    for name, service in services.items():
        where = f"compose {name}"
        image = service.get("image")
        if "build" not in service:
            if not image or not pinned(image):
                error(where, f"image {image!r} is not pinned to a version")
        for volume in service.get("volumes") or []:
            source, named = volume_source(volume)
            if named and source not in declared_volumes:
                error(where, f"volume {source} is not a declared named volume")
    image_prefixes = {"postgres": "postgres:17", "kafka": "apache/kafka:", "kafka-topics": "apache/kafka:",
                      "minio": "minio/minio:RELEASE.", "minio-buckets": "minio/mc:RELEASE."}
    for name, prefix in image_prefixes.items():
        if name in services and not str(services[name].get("image", "")).startswith(prefix):
            error(f"compose {name}", f"image should be {prefix}...")
    for name in ["postgres", "kafka", "minio"]:
        if name in services:
            if not services[name].get("healthcheck"):
                error(f"compose {name}", "no healthcheck")
            if not any(volume_source(v)[1] for v in services[name].get("volumes") or []):
                error(f"compose {name}", "its data is not on a named volume")
    if "kafka-topics" in services:
        script = " ".join(map(str, services["kafka-topics"].get("command") or []))
        for topic in topics:
            if not re.search(rf"(^|\s){re.escape(topic)}(\s|;|$)", script):
                error("compose kafka-topics", f"topic {topic} is not created")
        if f"--partitions {partitions}" not in script:
            error("compose kafka-topics", f"topics must have {partitions} partitions (Topics.PARTITIONS)")
    if "minio-buckets" in services:
        script = " ".join(map(str, services["minio-buckets"].get("command") or []))
        for needed in ["mb --ignore-existing media/user-uploads", "anonymous set none media/user-uploads",
                       "mb --ignore-existing media/styles", "anonymous set download media/styles",
                       "mb --ignore-existing media/styles-staging", "anonymous set none media/styles-staging"]:
            if needed not in script:
                error("compose minio-buckets", f"missing `mc {needed}`")
    for name in SERVICES:
        service = services.get(name)
        if not service:
            continue
        where = f"compose {name}"
        build = service.get("build") or {}
        if build.get("dockerfile") != "src/main/docker/Dockerfile.jvm":
            error(where, "must build from src/main/docker/Dockerfile.jvm")
        elif not os.path.exists(os.path.join(build.get("context", ""), build["dockerfile"])):
            error(where, f"{build['dockerfile']} does not exist in {build.get('context')}")
        else:
            check_dockerfile(where, os.path.join(build["context"], build["dockerfile"]), name)
        test = " ".join(map(str, (service.get("healthcheck") or {}).get("test") or []))
        if "/q/health/ready" not in test:
            error(where, "healthcheck must call /q/health/ready")
        depends = service.get("depends_on") or {}
        for dependency, condition in [("postgres", "service_healthy"), ("kafka", "service_healthy"),
                                      ("kafka-topics", "service_completed_successfully"),
                                      ("minio-buckets", "service_completed_successfully")]:
            if (depends.get(dependency) or {}).get("condition") != condition:
                error(where, f"depends_on {dependency} must have condition {condition}")
        environment = service.get("environment") or {}
        if isinstance(environment, list):
            environment = dict(item.split("=", 1) if "=" in item else (item, None) for item in environment)
        configs[name].check_environment(where, environment)


# ---------------------------------------------------------------------------------------------- kubernetes

def containers_of(obj):
    spec = ((obj.get("spec") or {}).get("template") or {}).get("spec") or {}
    return spec, (spec.get("containers") or []) + (spec.get("initContainers") or [])


def check_overlay(overlay, path, configs, topics, partitions):
    with open(path, encoding="utf-8") as f:
        documents = [d for d in yaml.safe_load_all(f) if d is not None]
    objects = {}
    for index, doc in enumerate(documents):
        if not isinstance(doc, dict) or not doc.get("apiVersion") or not doc.get("kind") \
                or not (doc.get("metadata") or {}).get("name"):
            error(overlay, f"document {index} lacks apiVersion, kind or metadata.name")
            continue
        objects[(doc["kind"], doc["metadata"]["name"])] = doc
    external = EXTERNAL.get(overlay, {})

    def keys_of(kind, name):
        """Keys of a rendered or expected-external ConfigMap/Secret, value None when unknown."""
        if (kind, name) in objects:
            doc = objects[(kind, name)]
            merged = dict(doc.get("data") or {})
            merged.update(doc.get("stringData") or {})
            if kind == "Secret" and doc.get("data"):
                merged = {k: (v if v else "") for k, v in merged.items()}
            return merged
        if (kind, name) in external:
            return {k: None for k in external[(kind, name)]}
        return None

    # every reference from a workload to a ConfigMap or Secret resolves
    for (kind, name), obj in objects.items():
        if kind not in ("Deployment", "StatefulSet", "Job"):
            continue
        where = f"{overlay} {kind}/{name}"
        pod_spec, containers = containers_of(obj)
        for container in containers:
            image = container.get("image", "")
            if not pinned(image):
                error(where, f"image {image!r} is not pinned to a version")
            for source in container.get("envFrom") or []:
                for ref_kind, field in (("ConfigMap", "configMapRef"), ("Secret", "secretRef")):
                    if field in source and keys_of(ref_kind, source[field]["name"]) is None:
                        error(where, f"envFrom {ref_kind} {source[field]['name']} is neither rendered nor expected")
            for variable in container.get("env") or []:
                value_from = variable.get("valueFrom") or {}
                for ref_kind, field in (("ConfigMap", "configMapKeyRef"), ("Secret", "secretKeyRef")):
                    if field in value_from:
                        ref = value_from[field]
                        keys = keys_of(ref_kind, ref["name"])
                        if keys is None or ref["key"] not in keys:
                            error(where, f"{variable['name']} refers to {ref_kind} {ref['name']} key {ref['key']}, "
                                         "which is not there")
        for volume in pod_spec.get("volumes") or []:
            if "configMap" in volume and keys_of("ConfigMap", volume["configMap"]["name"]) is None:
                error(where, f"volume ConfigMap {volume['configMap']['name']} is neither rendered nor expected")
            if "secret" in volume and keys_of("Secret", volume["secret"]["secretName"]) is None:
                error(where, f"volume Secret {volume['secret']['secretName']} is neither rendered nor expected")

    services_by_name = {name: obj for (kind, name), obj in objects.items() if kind == "Service"}
    pdbs = [obj for (kind, _), obj in objects.items() if kind == "PodDisruptionBudget"]

    for name in SERVICES:
        where = f"{overlay} Deployment/{name}"
        deployment = objects.get(("Deployment", name))
        if not deployment:
            error(overlay, f"no Deployment {name}")
            continue
        pod_spec, containers = containers_of(deployment)
        pod_labels = ((deployment["spec"].get("template") or {}).get("metadata") or {}).get("labels") or {}
        container = next((c for c in containers if c.get("name") == name), None)
        if not container:
            error(where, f"no container named {name}")
            continue
        port_names = {p.get("name"): p.get("containerPort") for p in container.get("ports") or []}
        for probe, path in PROBES.items():
            http = (container.get(probe) or {}).get("httpGet") or {}
            if http.get("path") != path:
                error(where, f"{probe} must be an httpGet on {path}")
            elif http.get("port") not in port_names and http.get("port") not in port_names.values():
                error(where, f"{probe} port {http.get('port')} is not a container port")
        resources = container.get("resources") or {}
        for section in ("requests", "limits"):
            for resource in ("cpu", "memory"):
                if not (resources.get(section) or {}).get(resource):
                    error(where, f"resources.{section}.{resource} is not set")
        env_from = container.get("envFrom") or []
        config_maps = [s["configMapRef"]["name"] for s in env_from if "configMapRef" in s]
        secrets = [s["secretRef"]["name"] for s in env_from if "secretRef" in s]
        if not config_maps or not secrets:
            error(where, "envFrom must name its ConfigMap and its Secret")
        variables = {}
        for ref_kind, names in (("ConfigMap", config_maps), ("Secret", secrets)):
            for ref_name in names:
                variables.update(keys_of(ref_kind, ref_name) or {})
        for variable in container.get("env") or []:
            variables[variable["name"]] = variable.get("value") if "value" in variable else None
        configs[name].check_environment(where, variables)

        service = services_by_name.get(name)
        if not service:
            error(overlay, f"no Service {name}")
        else:
            selector = service["spec"].get("selector") or {}
            if not selector or any(pod_labels.get(k) != v for k, v in selector.items()):
                error(f"{overlay} Service/{name}", "selector does not match the Deployment's pods")
            targets = [p.get("targetPort") for p in service["spec"].get("ports") or []]
            if not any(t in port_names or t in port_names.values() for t in targets):
                error(f"{overlay} Service/{name}", "no port targets the container's http port")
        if not any(all(pod_labels.get(k) == v for k, v in (pdb["spec"].get("selector") or {}).get("matchLabels", {}).items())
                   and (pdb["spec"].get("selector") or {}).get("matchLabels") for pdb in pdbs):
            error(overlay, f"no PodDisruptionBudget selects {name}'s pods")

    hpas = [obj for (kind, _), obj in objects.items() if kind == "HorizontalPodAutoscaler"]
    worker_hpa = [h for h in hpas if (h["spec"].get("scaleTargetRef") or {}).get("name") == "variant-worker"
                  and h["spec"]["scaleTargetRef"].get("kind") == "Deployment"]
    if not worker_hpa:
        error(overlay, "no HorizontalPodAutoscaler for Deployment variant-worker")
    else:
        spec = worker_hpa[0]["spec"]
        if not 1 <= spec.get("minReplicas", 1) <= spec.get("maxReplicas", 0):
            error(overlay, "variant-worker HPA needs 1 <= minReplicas <= maxReplicas")
        if spec.get("maxReplicas", 0) > partitions:
            error(overlay, f"variant-worker HPA maxReplicas above {partitions} partitions would leave workers idle")
        if ("Deployment", "variant-worker") in objects and "replicas" in objects[("Deployment", "variant-worker")]["spec"]:
            error(overlay, "Deployment variant-worker sets replicas: every apply would fight the HPA")

    ingresses = [obj for (kind, _), obj in objects.items() if kind == "Ingress"]
    routed = {}
    for ingress in ingresses:
        for rule in ingress["spec"].get("rules") or []:
            for item in (rule.get("http") or {}).get("paths") or []:
                backend = (item.get("backend") or {}).get("service") or {}
                target = services_by_name.get(backend.get("name"))
                port = backend.get("port") or {}
                if not target:
                    error(f"{overlay} Ingress/{ingress['metadata']['name']}",
                          f"path {item.get('path')} routes to missing Service {backend.get('name')}")
                elif not any(p.get("name") == port.get("name") or p.get("port") == port.get("number")
                             for p in target["spec"].get("ports") or []):
                    error(f"{overlay} Ingress/{ingress['metadata']['name']}",
                          f"path {item.get('path')}: Service {backend.get('name')} has no port {port}")
                routed.setdefault(backend.get("name"), []).append(item.get("path"))
    for name in PUBLIC_SERVICES:
        if name not in routed:
            error(overlay, f"no Ingress routes to {name}")
    if "/styles" not in routed.get("catalog-service", []):
        error(overlay, "the Ingress must route /styles to catalog-service")

    job = objects.get(("Job", "kafka-topics"))
    if not job:
        error(overlay, "no Job kafka-topics")
    else:
        _, containers = containers_of(job)
        script = " ".join(" ".join(map(str, (c.get("command") or []) + (c.get("args") or []))) for c in containers)
        if "kafka-topics.sh" not in script:
            error(f"{overlay} Job/kafka-topics", "does not run kafka-topics.sh")
        for topic in topics:
            if not re.search(rf"(^|\s){re.escape(topic)}(\s|;|$)", script):
                error(f"{overlay} Job/kafka-topics", f"topic {topic} is not created")
        settings = {}
        for c in containers:
            for source in c.get("envFrom") or []:
                if "configMapRef" in source:
                    settings.update(keys_of("ConfigMap", source["configMapRef"]["name"]) or {})
        if str(settings.get("TOPIC_PARTITIONS")) != str(partitions):
            error(f"{overlay} Job/kafka-topics", f"TOPIC_PARTITIONS must be {partitions} (Topics.PARTITIONS)")
        if not settings.get("KAFKA_BOOTSTRAP_SERVERS"):
            error(f"{overlay} Job/kafka-topics", "KAFKA_BOOTSTRAP_SERVERS is not given")

    engines = {name for (kind, name) in objects if kind == "StatefulSet"}
    if overlay == "dev" and not DEV_ENGINES <= engines:
        error(overlay, f"the dev overlay needs StatefulSets {sorted(DEV_ENGINES - engines)}")
    if overlay != "dev" and engines & DEV_ENGINES:
        error(overlay, f"PostgreSQL, Kafka and S3 are external here, yet it renders {sorted(engines & DEV_ENGINES)}")
    print(f"   {overlay}: {len(objects)} objects; {', '.join(sorted({k for k, _ in objects}))}")


def main(argv):
    root, compose_path, overlays = argv[1], argv[2], [a.split("=", 1) for a in argv[3:]]
    shared = sorted(glob.glob(os.path.join(root, "*/src/main/resources/META-INF/microprofile-config.properties")))
    documented, documented_keys = documented_variables(root)
    configs = {s: ServiceConfig(root, s, shared, documented, documented_keys) for s in SERVICES}
    topics, partitions = topics_contract(root)
    print(f"   README Configuration variables: {' '.join(sorted(documented))}")
    for service, config in configs.items():
        print(f"   {service}: requires {' '.join(sorted(config.required)) or 'nothing'}")
    print(f"   topics (Topics.ALL, {partitions} partitions): {' '.join(topics)}")
    check_compose(root, compose_path, configs, topics, partitions)
    print("   compose: services, images, health checks, depends_on, topics, buckets, environment")
    for overlay, path in overlays:
        check_overlay(overlay, path, configs, topics, partitions)
    if errors:
        print(f"\n{len(errors)} problem(s):", file=sys.stderr)
        for problem in errors:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
