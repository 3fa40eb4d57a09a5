"""The workloads of one rendered overlay: references to ConfigMaps and Secrets resolve, pinned images, each
service's and the console's Deployment (probes and metrics on the management port, resources, environment), its
Service and PodDisruptionBudget, the worker's autoscaler, the Ingress routes and the in-cluster engines of dev
only."""
import re

from checks.common import CONSOLE, DEPLOYABLES, PUBLIC_ROUTES, PUBLIC_SERVICES, SERVICES, error, pinned
from checks.console import generated_from
from checks.overlay import containers_of

PROBES = {"startupProbe": "/q/health/started", "readinessProbe": "/q/health/ready",
          "livenessProbe": "/q/health/live"}
# Secrets of one service alone (their generated names carry a hash in dev): no other pod references them.
OWN_SECRETS = {"order-service": "order-service-credentials"}
# In-cluster engines only the dev overlay brings; prod points at external ones.
DEV_ENGINES = {"postgres", "kafka", "minio"}


def check_references(o):
    """Every reference from a workload to a ConfigMap or Secret resolves, and every image is pinned."""
    overlay, objects, keys_of = o.name, o.objects, o.keys_of
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
            for source in (volume.get("projected") or {}).get("sources") or []:
                for ref_kind, field in (("ConfigMap", "configMap"), ("Secret", "secret")):
                    if field not in source:
                        continue
                    keys = keys_of(ref_kind, source[field]["name"])
                    if keys is None:
                        error(where, f"volume {volume['name']}: {ref_kind} {source[field]['name']} is neither "
                                     "rendered nor expected")
                    for item in source[field].get("items") or []:
                        if keys is not None and item.get("key") not in keys:
                            error(where, f"volume {volume['name']}: {ref_kind} {source[field]['name']} has no key "
                                         f"{item.get('key')}")


def check_deployments(o, configs):
    """Each service's and the console's Deployment, the Service in front of it and a PodDisruptionBudget for its
    pods."""
    overlay, objects = o.name, o.objects
    services_by_name = {name: obj for (kind, name), obj in objects.items() if kind == "Service"}
    pdbs = [obj for (kind, _), obj in objects.items() if kind == "PodDisruptionBudget"]

    for name in DEPLOYABLES:
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
        config_maps, secrets, variables = o.environment(container)
        for secret in secrets:
            owner = next((service for service, base in OWN_SECRETS.items() if generated_from(secret, base)), None)
            if owner and owner != name:
                error(where, f"it is given Secret {secret}, which holds {owner}'s credentials only")
        if name in SERVICES and (not config_maps or not secrets):
            error(where, "envFrom must name its ConfigMap and its Secret")
        if name not in SERVICES and not config_maps:
            error(where, "envFrom must name its ConfigMap")
        configs[name].check_environment(where, variables)
        management = variables.get("QUARKUS_MANAGEMENT_PORT") or configs[name].management_port
        if str(port_names.get("management")) != str(management):
            error(where, f"container port 'management' must be the management port {management}")
        check_shutdown_grace(where, pod_spec, variables)
        annotations = ((deployment["spec"].get("template") or {}).get("metadata") or {}).get("annotations") or {}
        if not configs[name].metrics:
            if str(annotations.get("prometheus.io/scrape")).lower() == "true":
                error(where, f"Prometheus must not scrape {name}: it has no /q/metrics (no Micrometer registry)")
        elif str(annotations.get("prometheus.io/port")) != str(management) \
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


# What a SIGTERM takes at most besides the drain: the consumers finishing what they polled and committing, the
# outbox relay's last round, the JVM's exit (platform-messaging's shutdown settings).
SHUTDOWN_AFTER_DRAIN_SECONDS = 10
SHUTDOWN_DEFAULTS = {"SHUTDOWN_DELAY": "0s", "SHUTDOWN_TIMEOUT": "20s"}


def seconds(duration):
    """A Quarkus duration as the deploy files write it (20s, 500ms, 1m) in seconds; None if not of that form."""
    match = re.fullmatch(r"(\d+)(ms|s|m)", str(duration).strip())
    if not match:
        return None
    return int(match.group(1)) * {"ms": 0.001, "s": 1, "m": 60}[match.group(2)]


def check_shutdown_grace(where, pod_spec, variables):
    """Kubernetes kills a pod terminationGracePeriodSeconds after SIGTERM: a shorter period than the shutdown delay
    plus the drain's timeout cuts requests in flight, and events polled but not committed are delivered again."""
    wanted = 0
    for variable, default in SHUTDOWN_DEFAULTS.items():
        value = seconds(variables.get(variable, default))
        if value is None:
            error(where, f"{variable}={variables.get(variable)} is not a duration such as 20s")
            return
        wanted += value
    wanted += SHUTDOWN_AFTER_DRAIN_SECONDS
    grace = pod_spec.get("terminationGracePeriodSeconds", 30)
    if grace < wanted:
        error(where, f"terminationGracePeriodSeconds {grace} is shorter than SHUTDOWN_DELAY + SHUTDOWN_TIMEOUT + "
                     f"{SHUTDOWN_AFTER_DRAIN_SECONDS} s ({wanted:g} s): Kubernetes would kill it mid-drain")


def check_autoscaler(o, registry, keda_grants):
    """Each worker scales with one autoscaler: the base's CPU HorizontalPodAutoscaler or a KEDA ScaledObject on its
    consumer group's lag (with CPU beside it), never beyond the partitions it shares, and nothing else sets its
    replicas. A ScaledObject's Kafka triggers name a topic the target consumes, as its own consumer group, through
    a TriggerAuthentication of the overlay, at the platform's brokers; KEDA's principal may describe them."""
    overlay, objects = o.name, o.objects
    scalers = {}
    for (kind, name), obj in objects.items():
        target = (obj.get("spec") or {}).get("scaleTargetRef") or {}
        if kind == "HorizontalPodAutoscaler" and target.get("kind") == "Deployment":
            spec = obj["spec"]
            scalers.setdefault(target.get("name"), []).append((f"HPA {name}", spec.get("minReplicas", 1),
                                                                spec.get("maxReplicas", 0)))
        elif kind == "ScaledObject" and target.get("kind", "Deployment") == "Deployment":
            spec = obj["spec"]
            scalers.setdefault(target.get("name"), []).append((f"ScaledObject {name}", spec.get("minReplicaCount", 0),
                                                                spec.get("maxReplicaCount", 100)))
            check_scaled_object(o, obj, target.get("name"), registry, keda_grants)
    if "variant-worker" not in scalers:
        error(overlay, "nothing scales Deployment variant-worker (a HorizontalPodAutoscaler or a ScaledObject)")
    for deployment, found in scalers.items():
        where = f"{overlay} Deployment/{deployment}"
        if ("Deployment", deployment) not in objects:
            error(where, f"{found[0][0]} scales a Deployment the overlay does not have")
            continue
        if len(found) > 1:
            error(where, f"scaled by {' and '.join(f[0] for f in found)}: they would fight over the replicas")
        for what, low, high in found:
            if not 1 <= low <= high:
                error(where, f"{what} needs 1 <= min replicas <= max replicas")
            if high > registry.partitions:
                error(where, f"{what} allows {high} replicas, above the {registry.partitions} partitions: "
                             "the extra consumers would sit idle")
        if "replicas" in objects[("Deployment", deployment)]["spec"]:
            error(where, f"sets replicas: every apply would fight {found[0][0]}")


def check_scaled_object(o, obj, deployment, registry, keda_grants):
    where = f"{o.name} ScaledObject/{obj['metadata']['name']}"
    triggers = obj["spec"].get("triggers") or []
    kafka = [t for t in triggers if t.get("type") == "kafka"]
    if not kafka:
        error(where, "has no kafka trigger: a worker scales on its backlog")
    if not any(t.get("type") == "cpu" for t in triggers):
        error(where, "has no cpu trigger beside the lag")
    # generated ConfigMaps carry a content hash in their rendered name
    brokers = next((cm.get("data", {}).get("KAFKA_BOOTSTRAP_SERVERS") for cm in o.of_kind("ConfigMap")
                    if cm["metadata"]["name"].rsplit("-", 1)[0] == "platform-config"), None)
    for trigger in kafka:
        meta = trigger.get("metadata") or {}
        group, topic = meta.get("consumerGroup"), meta.get("topic")
        if registry.groups.get(deployment) != group:
            error(where, f"reads the lag of group {group}, not {deployment}'s own ({registry.groups.get(deployment)})")
        if topic not in registry.consumed(deployment):
            error(where, f"reads the lag on {topic}, which {deployment} does not consume")
        if meta.get("bootstrapServers") != brokers:
            error(where, f"bootstrapServers {meta.get('bootstrapServers')} are not platform-config's {brokers}")
        if not str(meta.get("lagThreshold", "")).isdigit() or int(meta["lagThreshold"]) < 1:
            error(where, "lagThreshold must be a positive whole number")
        auth = (trigger.get("authenticationRef") or {}).get("name")
        if ("TriggerAuthentication", auth) not in o.objects:
            error(where, f"authenticationRef {auth} is no TriggerAuthentication of the overlay")
        if (group, topic) not in keda_grants:
            error(where, f"deploy/kafka-acls.sh does not let KEDA describe group {group} and topic {topic}")


def check_ingress(o):
    """The Ingress routes the public APIs (PUBLIC_ROUTES: /styles to the catalog, order-service's paths and the
    payment provider's webhook) and the console at the site root, never a management port."""
    overlay, objects = o.name, o.objects
    services_by_name = {name: obj for (kind, name), obj in objects.items() if kind == "Service"}
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
    for path, name in PUBLIC_ROUTES.items():
        if path not in routed.get(name, []):
            error(overlay, f"the Ingress must route {path} to {name}")
    if "/" not in routed.get(CONSOLE, []):
        error(overlay, f"the Ingress must route the site root / to {CONSOLE} (its page; the API paths stay with "
                       "their services)")


def check_engines(o):
    """PostgreSQL, Kafka and S3 run in the cluster in dev only."""
    overlay, objects = o.name, o.objects
    engines = {name for (kind, name) in objects if kind == "StatefulSet"}
    if overlay == "dev" and not DEV_ENGINES <= engines:
        error(overlay, f"the dev overlay needs StatefulSets {sorted(DEV_ENGINES - engines)}")
    if overlay != "dev" and engines & DEV_ENGINES:
        error(overlay, f"PostgreSQL, Kafka and S3 are external here, yet it renders {sorted(engines & DEV_ENGINES)}")
