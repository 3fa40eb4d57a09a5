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
  - QUARKUS_PROFILE (Quarkus's profile selector: the local profile accepts the local token issuer), or
  - one of CODE_VARIABLES: read through code (a @ConfigMapping default, a MicroProfile JWT setting) rather than
    a properties line.
A variable is required when a non-profile property's effective value references ${NAME} without a default, or
when it is in REQUIRED_VARIABLES (the services refuse to start without it outside the local and test profiles).

Beyond the environment: the operators' port (probes, health checks and metrics on the management port, never on
the API's), a securityContext on every container, default-deny NetworkPolicies with only the needed traffic
opened, the event and dead-letter topics created with a retention, the Kafka ACL script matching what each
service consumes and produces, and no default trust in docker-compose.yml.
"""
import glob
import os
import re
import sys

import yaml

SERVICES = ["asset-service", "variant-worker", "document-service", "catalog-service"]
PUBLIC_SERVICES = {"asset-service", "catalog-service"}
BUILTIN_VARIABLES = {"QUARKUS_PROFILE"}
# Variables whose property is read in code rather than set in a properties file: the environment form and the
# property it sets.
CODE_VARIABLES = {
    "JWT_AUDIENCE": "mp.jwt.verify.audiences",
    "PLATFORM_SECURITY_ROLES_CLAIM": "platform.security.roles-claim",
}
# Required wherever the services run outside the local and test profiles (the token audience): compose and both
# overlays give them.
REQUIRED_VARIABLES = {"JWT_AUDIENCE"}
# docker-compose.yml must take these from the environment with no default (${NAME:?message}): whom the services
# trust, and the S3 root secret of a published port.
COMPOSE_NO_DEFAULT = ["JWT_ISSUER", "JWT_PUBLIC_KEY_LOCATION", "JWT_AUDIENCE", "S3_SECRET_KEY"]
# Containers whose image writes into its own install directory at start; every other one has a read-only root.
WRITABLE_ROOT = {("dev", "StatefulSet", "kafka")}
# Namespaces (kubernetes.io/metadata.name) of the ingress controller and of the metrics scrapers.
INGRESS_NAMESPACE = "ingress-nginx"
MONITORING_NAMESPACE = "monitoring"
# Topic retention: events carry owner data, so none is kept longer than a week.
MAX_RETENTION_MS = 7 * 24 * 3600 * 1000
PROBES = {"startupProbe": "/q/health/started", "readinessProbe": "/q/health/ready",
          "livenessProbe": "/q/health/live"}
SERVICE_PODS = set(SERVICES)
# Objects an overlay expects to exist in the cluster rather than render: name -> keys they must hold.
EXTERNAL = {
    "dev": {("ConfigMap", "jwt-public-key"): {"public.pem"}},
    # each service's and the topic Job's own Kafka principal (deploy/kafka-acls.md)
    "prod": {("Secret", "platform-credentials"): {"PG_USER", "PG_PASSWORD", "S3_ACCESS_KEY", "S3_SECRET_KEY"},
             **{("Secret", f"{name}-kafka"): {"KAFKA_SASL_JAAS_CONFIG"} for name in SERVICES + ["kafka-topics"]}},
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
                         if is_env_name(name) and not has_default and name not in effective} | REQUIRED_VARIABLES
        self.allowed = (set(documented) | BUILTIN_VARIABLES | referenced | set(CODE_VARIABLES)
                        | {env_form(k) for k in keys if env_form(k).startswith(("QUARKUS_", "PLATFORM_", "MP_"))})
        self.effective = effective
        own_effective = {key: value for profile, key, value in own_entries if profile is None}
        self.http_port = own_effective.get("quarkus.http.port")
        self.management_port = own_effective.get("quarkus.management.port")
        if not self.management_port:
            error(service, "application.properties sets no quarkus.management.port")
        if effective.get("quarkus.management.enabled") != "true":
            error(service, "quarkus.management.enabled is not true: /q/* would answer on the API's port")
        channels = {}
        for key, value in own_effective.items():
            match = re.fullmatch(r"mp\.messaging\.incoming\.([^.]+)\.(topic|dead-letter-queue\.topic)", key)
            if match:
                channels.setdefault(match.group(1), {})[match.group(2)] = value
        self.consumed = sorted({c["topic"] for c in channels.values() if "topic" in c})
        self.dead_letter_topics = sorted({c["dead-letter-queue.topic"] for c in channels.values()
                                          if "dead-letter-queue.topic" in c})
        for channel, settings in channels.items():
            if "topic" in settings and "dead-letter-queue.topic" not in settings:
                error(service, f"channel {channel} has no dead-letter-queue.topic")
        self.group = own_effective.get("quarkus.application.name", service)
        self.produced = produced_topics(root, service)

    def check_environment(self, where, variables):
        """variables: name -> value (None when the value is not known here, e.g. from an external Secret)."""
        for name in sorted(variables):
            if name not in self.allowed and not name.startswith(tuple(self.documented_prefixes)):
                error(where, f"environment variable {name} maps to no property {self.name} reads "
                             "(not in README Configuration, not referenced, no matching property key)")
        for name in sorted(self.required):
            if name not in variables:
                why = (f"{self.name} refuses to start without {CODE_VARIABLES[name]} outside the local and test "
                       "profiles") if name in REQUIRED_VARIABLES else \
                    f"{self.name} references ${{{name}}} without a default"
                error(where, f"required variable {name} is not set ({why})")
            elif variables[name] is not None and str(variables[name]).strip() == "":
                error(where, f"required variable {name} is empty")


def topics_contract(root):
    path = os.path.join(root, "platform-contracts/src/main/java/com/renovation/media/contracts/events/Topics.java")
    with open(path, encoding="utf-8") as f:
        source = f.read()
    constants = dict(re.findall(r'static final String (\w+) = "([^"]+)";', source))
    listed = re.search(r"ALL = List\.of\(([^)]*)\)", source, re.S)
    partitions = re.search(r"PARTITIONS = (\d+);", source)
    if not listed or not partitions:
        error("Topics.java", "cannot find Topics.ALL or Topics.PARTITIONS")
        return [], 0
    return [constants[n.strip()] for n in listed.group(1).split(",") if n.strip()], int(partitions.group(1))


def produced_topics(root, service):
    """Topics of the events a service adds to its outbox: outbox.add(new Payload(...)) -> Payload.topic()."""
    events = os.path.join(root, "platform-contracts/src/main/java/com/renovation/media/contracts/events")
    with open(os.path.join(events, "Topics.java"), encoding="utf-8") as f:
        constants = dict(re.findall(r'static final String (\w+) = "([^"]+)";', f.read()))
    topics = set()
    for path in glob.glob(os.path.join(root, service, "src/main/java/**/*.java"), recursive=True):
        with open(path, encoding="utf-8") as f:
            for payload in re.findall(r"outbox\.add\(new (\w+)\(", f.read()):
                source = os.path.join(events, "payload", payload + ".java")
                if not os.path.exists(source):
                    error(service, f"outbox event {payload} is not a platform-contracts payload")
                    continue
                with open(source, encoding="utf-8") as p:
                    match = re.search(r"return Topics\.(\w+);", p.read())
                if match and match.group(1) in constants:
                    topics.add(constants[match.group(1)])
    return sorted(topics)


def created_topics(script):
    """The topic names a creation script loops over or names (words with a dot, no '=' or '$')."""
    loop = re.search(r"for topic in (.*?); do", script, re.S)
    return set(re.findall(r"[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+", loop.group(1).replace("\\", " "))) if loop else set()


def check_acls(root, configs, topics):
    """deploy/kafka-acls.sh grants each service exactly its reads, writes, group and dead-letter topics."""
    path = os.path.join(root, "deploy/kafka-acls.sh")
    if not os.path.exists(path):
        error("deploy/kafka-acls.sh", "missing")
        return
    with open(path, encoding="utf-8") as f:
        text = f.read().replace("\\\n", " ")
    variables = dict(re.findall(r'^([A-Z_]+)="([^"]*)"', text, re.M))
    grants = {}
    for kind, principal, rest in re.findall(r"^allow_(read|write|group|topic_admin) (\S+) (.+)$", text, re.M):
        words = []
        for word in rest.split():
            words.extend(variables.get(word[1:], "").split() if word.startswith("$") else [word])
        grants.setdefault(principal, {}).setdefault(kind, set()).update(words)
    for name, config in configs.items():
        got = grants.get(name, {})
        expected = {"read": set(config.consumed), "write": set(config.produced) | set(config.dead_letter_topics),
                    "group": {config.group}}
        for kind, wanted in expected.items():
            have = got.get(kind, set())
            if wanted - have:
                error("deploy/kafka-acls.sh", f"{name} lacks {kind} on {sorted(wanted - have)}")
            if have - wanted:
                error("deploy/kafka-acls.sh", f"{name} is granted {kind} on {sorted(have - wanted)}, which it does not use")
        if got.get("topic_admin"):
            error("deploy/kafka-acls.sh", f"{name} may create topics: only the kafka-topics principal may")
    every = set(topics) | {t for c in configs.values() for t in c.dead_letter_topics}
    admin = grants.get("kafka-topics", {}).get("topic_admin", set())
    if admin != every:
        error("deploy/kafka-acls.sh", f"kafka-topics must administer exactly the event and dead-letter topics; "
                                      f"missing {sorted(every - admin)}, extra {sorted(admin - every)}")


def check_topic_creation(where, script, configs, topics):
    """A creation script makes every event and dead-letter topic, each with a retention."""
    created = created_topics(script)
    for topic in list(topics) + [t for c in configs.values() for t in c.dead_letter_topics]:
        if topic not in created:
            error(where, f"topic {topic} is not created")
    if "retention.ms=" not in script or "segment.ms=" not in script:
        error(where, "topics must be created with retention.ms and segment.ms (events carry owner data)")


def retention_value(where, value):
    try:
        ms = int(str(value))
    except ValueError:
        error(where, f"retention {value!r} is not a number of milliseconds")
        return
    if not 0 < ms <= MAX_RETENTION_MS:
        error(where, f"retention {ms} ms is not between 1 ms and 7 days")


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
        check_topic_creation("compose kafka-topics", script, configs, topics)
        for value in re.findall(r"retention\.ms=(\d+)", script):
            retention_value("compose kafka-topics", value)
        if f"--partitions {partitions}" not in script:
            error("compose kafka-topics", f"topics must have {partitions} partitions (Topics.PARTITIONS)")
    if "minio" in services:
        minio = services["minio"]
        published = [str(p.get("target") if isinstance(p, dict) else p).split(":")[-1] for p in minio.get("ports") or []]
        if published != ["9000"]:
            error("compose minio", f"only the S3 API (9000) may be published, not {published}")
        command = " ".join(map(str, minio.get("command") or []))
        if "--console-address" in command or str((minio.get("environment") or {}).get("MINIO_BROWSER")) != "off":
            error("compose minio", "the web console must be off (MINIO_BROWSER=off, no --console-address)")
    with open(os.path.join(root, "docker-compose.yml"), encoding="utf-8") as f:
        raw = f.read()
    for name in COMPOSE_NO_DEFAULT:
        uses = re.findall(r"\$\{" + name + r"(:?[-?]?)", raw)
        if not uses:
            error("docker-compose.yml", f"{name} is not taken from the environment")
        elif any(use != ":?" for use in uses):
            error("docker-compose.yml", f"{name} must be required from the environment (${{{name}:?...}}), no default")
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
        management = configs[name].management_port
        if f":{management}/q/health/ready" not in test:
            error(where, f"healthcheck must call /q/health/ready on the management port {management}")
        for port in service.get("ports") or []:
            target = str(port.get("target") if isinstance(port, dict) else port).split(":")[-1]
            if target == str(management):
                error(where, f"the management port {management} must not be published")
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
            elif http.get("port") not in ("management", port_names.get("management")):
                error(where, f"{probe} must use the management port (the API's port answers 404 on /q/)")
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
        management = variables.get("QUARKUS_MANAGEMENT_PORT") or configs[name].management_port
        if str(port_names.get("management")) != str(management):
            error(where, f"container port 'management' must be the management port {management}")
        annotations = ((deployment["spec"].get("template") or {}).get("metadata") or {}).get("annotations") or {}
        if str(annotations.get("prometheus.io/port")) != str(management) \
                or annotations.get("prometheus.io/path") != "/q/metrics":
            error(where, f"Prometheus must scrape /q/metrics on the management port {management}")

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
                if port.get("name") == "management" or any(
                        p.get("name") == "management" and p.get("port") == port.get("number")
                        for p in (target or {"spec": {}})["spec"].get("ports") or []):
                    error(f"{overlay} Ingress/{ingress['metadata']['name']}", "routes to a management port")
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
        check_topic_creation(f"{overlay} Job/kafka-topics", script, configs, topics)
        settings = {}
        for c in containers:
            for source in c.get("envFrom") or []:
                if "configMapRef" in source:
                    settings.update(keys_of("ConfigMap", source["configMapRef"]["name"]) or {})
        if str(settings.get("TOPIC_PARTITIONS")) != str(partitions):
            error(f"{overlay} Job/kafka-topics", f"TOPIC_PARTITIONS must be {partitions} (Topics.PARTITIONS)")
        if not settings.get("KAFKA_BOOTSTRAP_SERVERS"):
            error(f"{overlay} Job/kafka-topics", "KAFKA_BOOTSTRAP_SERVERS is not given")
        retention_value(f"{overlay} Job/kafka-topics TOPIC_RETENTION_MS", settings.get("TOPIC_RETENTION_MS"))
        if "--command-config" not in script:
            error(f"{overlay} Job/kafka-topics", "must connect with the Kafka security settings (--command-config)")

    check_security_contexts(overlay, objects)
    check_network_policies(overlay, objects, documents)

    engines = {name for (kind, name) in objects if kind == "StatefulSet"}
    if overlay == "dev" and not DEV_ENGINES <= engines:
        error(overlay, f"the dev overlay needs StatefulSets {sorted(DEV_ENGINES - engines)}")
    if overlay != "dev" and engines & DEV_ENGINES:
        error(overlay, f"PostgreSQL, Kafka and S3 are external here, yet it renders {sorted(engines & DEV_ENGINES)}")
    print(f"   {overlay}: {len(objects)} objects; {', '.join(sorted({k for k, _ in objects}))}")


def check_security_contexts(overlay, objects):
    """Every container of every workload: non-root, no privilege escalation, no capabilities, RuntimeDefault
    seccomp, and a read-only root filesystem with a writable /tmp (emptyDir) unless listed in WRITABLE_ROOT."""
    for (kind, name), obj in objects.items():
        if kind not in ("Deployment", "StatefulSet", "Job", "DaemonSet", "CronJob"):
            continue
        where = f"{overlay} {kind}/{name}"
        pod_spec, containers = containers_of(obj)
        pod = pod_spec.get("securityContext") or {}
        empty_dirs = {v["name"] for v in pod_spec.get("volumes") or [] if "emptyDir" in v}
        for container in containers:
            context = container.get("securityContext") or {}
            label = f"{where} container {container.get('name')}"
            if not (context.get("runAsNonRoot", pod.get("runAsNonRoot")) is True):
                error(label, "runAsNonRoot must be true")
            if context.get("allowPrivilegeEscalation") is not False:
                error(label, "allowPrivilegeEscalation must be false")
            if "ALL" not in ((context.get("capabilities") or {}).get("drop") or []):
                error(label, "capabilities must drop ALL")
            seccomp = context.get("seccompProfile") or pod.get("seccompProfile") or {}
            if seccomp.get("type") != "RuntimeDefault":
                error(label, "seccompProfile must be RuntimeDefault")
            if context.get("privileged"):
                error(label, "must not be privileged")
            if (overlay, kind, name) in WRITABLE_ROOT:
                if context.get("readOnlyRootFilesystem") is not False:
                    error(label, "readOnlyRootFilesystem must be stated (false: its image writes at start)")
                continue
            if context.get("readOnlyRootFilesystem") is not True:
                error(label, "readOnlyRootFilesystem must be true")
            elif not any(m.get("mountPath") == "/tmp" and m.get("name") in empty_dirs
                         for m in container.get("volumeMounts") or []):
                error(label, "a read-only root needs an emptyDir at /tmp")


def selects(selector, labels):
    """A label selector (matchLabels, matchExpressions In/NotIn/Exists/DoesNotExist) matching labels."""
    if selector is None:
        return False
    for key, value in (selector.get("matchLabels") or {}).items():
        if labels.get(key) != value:
            return False
    for expression in selector.get("matchExpressions") or []:
        key, operator, values = expression["key"], expression["operator"], expression.get("values") or []
        if operator == "In" and labels.get(key) not in values:
            return False
        if operator == "NotIn" and labels.get(key) in values:
            return False
        if operator == "Exists" and key not in labels:
            return False
        if operator == "DoesNotExist" and key in labels:
            return False
    return True


def port_matches(rule_ports, port, protocol, port_names):
    """A rule's ports admit (port, protocol); named ports resolve through the destination's container ports."""
    if not rule_ports:
        return True
    for item in rule_ports:
        if item.get("protocol", "TCP") != protocol:
            continue
        wanted = item.get("port")
        if wanted is None or wanted == port or (isinstance(wanted, str) and port_names.get(wanted) == port):
            return True
    return False


def peer_matches(peers, namespace, labels, policy_namespace):
    """from/to peers admit a pod (labels) of a namespace (its name); no peers admits everyone."""
    if not peers:
        return True
    for peer in peers:
        if "ipBlock" in peer:
            continue
        ns_selector, pod_selector = peer.get("namespaceSelector"), peer.get("podSelector")
        ns_labels = {"kubernetes.io/metadata.name": namespace}
        ns_ok = selects(ns_selector, ns_labels) if ns_selector is not None else namespace == policy_namespace
        pod_ok = selects(pod_selector, labels) if pod_selector is not None else True
        if ns_ok and pod_ok:
            return True
    return False


def check_network_policies(overlay, objects, documents):
    """Default deny for ingress and egress, then: DNS for every pod; the APIs' http port from the ingress
    controller only; every service's management port from monitoring only; the workers nothing else; the
    services' egress to PostgreSQL, Kafka and S3; in dev, the engines admitting the services."""
    policies = [obj for (kind, _), obj in objects.items() if kind == "NetworkPolicy"]
    namespace = next((d["metadata"]["name"] for d in documents if d.get("kind") == "Namespace"), None)
    for policy in policies:
        policy.setdefault("metadata", {}).setdefault("namespace", namespace)
    if not any(p["spec"].get("podSelector") == {} and set(p["spec"].get("policyTypes") or []) == {"Ingress", "Egress"}
               and not p["spec"].get("ingress") and not p["spec"].get("egress") for p in policies):
        error(overlay, "no default-deny NetworkPolicy (podSelector {}, policyTypes Ingress and Egress, no rules)")
        return

    def pods():
        for (kind, name), obj in objects.items():
            if kind in ("Deployment", "StatefulSet", "Job"):
                template = obj["spec"].get("template") or {}
                _, containers = containers_of(obj)
                port_names = {p.get("name"): p.get("containerPort") for c in containers for p in c.get("ports") or []}
                yield name, (template.get("metadata") or {}).get("labels") or {}, port_names

    def rules(labels, direction):
        for policy in policies:
            spec = policy["spec"]
            if direction in (spec.get("policyTypes") or []) and selects(spec.get("podSelector"), labels):
                for rule in spec.get(direction.lower()) or []:
                    yield policy, rule

    def admits(target_labels, target_ports, source_ns, source_labels, port):
        return any(port_matches(rule.get("ports"), port, "TCP", target_ports)
                   and peer_matches(rule.get("from"), source_ns, source_labels, policy["metadata"]["namespace"])
                   for policy, rule in rules(target_labels, "Ingress"))

    def sends(labels, port, protocol="TCP"):
        return any(port_matches(rule.get("ports"), port, protocol, {}) for _, rule in rules(labels, "Egress"))

    all_pods = list(pods())
    by_name = {name: (labels, ports) for name, labels, ports in all_pods}
    for name, labels, _ in all_pods:
        if not sends(labels, 53, "UDP"):
            error(f"{overlay} NetworkPolicy", f"{name} may not resolve names (egress UDP 53)")
    nowhere = {"app.kubernetes.io/name": "not-a-platform-pod"}
    for name in SERVICES:
        if name not in by_name:
            continue
        labels, ports = by_name[name]
        where = f"{overlay} NetworkPolicy {name}"
        http, management = ports.get("http"), ports.get("management")
        for policy, rule in rules(labels, "Ingress"):
            for port in [p for p in (http, management) if p]:
                if not port_matches(rule.get("ports"), port, "TCP", ports):
                    continue
                allowed_from = INGRESS_NAMESPACE if port == http and name in PUBLIC_SERVICES else MONITORING_NAMESPACE
                for peer in rule.get("from") or [{}]:
                    peer_ns = (peer.get("namespaceSelector") or {}).get("matchLabels", {}).get(
                        "kubernetes.io/metadata.name")
                    if peer_ns != allowed_from or "ipBlock" in peer:
                        error(where, f"{policy['metadata']['name']} admits {peer or 'everyone'} to port {port}; "
                                     f"only namespace {allowed_from} may reach it")
        if name in PUBLIC_SERVICES and not admits(labels, ports, INGRESS_NAMESPACE, nowhere, http):
            error(where, f"the ingress controller (namespace {INGRESS_NAMESPACE}) cannot reach its http port")
        if name not in PUBLIC_SERVICES and http and admits(labels, ports, INGRESS_NAMESPACE, nowhere, http):
            error(where, "a worker's API port is reachable from the ingress controller")
        if not admits(labels, ports, MONITORING_NAMESPACE, nowhere, management):
            error(where, f"monitoring (namespace {MONITORING_NAMESPACE}) cannot scrape its management port")
        if admits(labels, ports, namespace, nowhere, management):
            error(where, "its management port is reachable from inside the namespace")
        for port, what in ((5432, "PostgreSQL"), (9092, "Kafka"), (443, "S3 / JWKS over HTTPS")):
            if not sends(labels, port):
                error(where, f"no egress to {what} (port {port})")
    if overlay == "dev":
        for engine, port, clients in (("postgres", 5432, SERVICES), ("kafka", 9092, SERVICES + ["kafka-topics"]),
                                      ("minio", 9000, SERVICES + ["minio-buckets"])):
            if engine not in by_name:
                continue
            for client in clients:
                if client in by_name and not (admits(*by_name[engine], namespace, by_name[client][0], port)
                                              and sends(by_name[client][0], port)):
                    error(f"{overlay} NetworkPolicy", f"{client} cannot reach {engine}:{port}")
    if "kafka-topics" in by_name and not sends(by_name["kafka-topics"][0], 9092):
        error(f"{overlay} NetworkPolicy", "the kafka-topics Job cannot reach Kafka")


def main(argv):
    root, compose_path, overlays = argv[1], argv[2], [a.split("=", 1) for a in argv[3:]]
    shared = sorted(glob.glob(os.path.join(root, "*/src/main/resources/META-INF/microprofile-config.properties")))
    documented, documented_keys = documented_variables(root)
    configs = {s: ServiceConfig(root, s, shared, documented, documented_keys) for s in SERVICES}
    topics, partitions = topics_contract(root)
    print(f"   README Configuration variables: {' '.join(sorted(documented))}")
    for service, config in configs.items():
        print(f"   {service}: requires {' '.join(sorted(config.required)) or 'nothing'}; management port "
              f"{config.management_port}; consumes {' '.join(config.consumed) or 'nothing'}; produces "
              f"{' '.join(config.produced) or 'nothing'}")
    print(f"   topics (Topics.ALL, {partitions} partitions): {' '.join(topics)}")
    check_compose(root, compose_path, configs, topics, partitions)
    check_acls(root, configs, topics)
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
