"""The workloads of one rendered overlay: references to ConfigMaps and Secrets resolve, pinned images, each
service's and the console's Deployment (probes and metrics on the management port, resources, environment), its
Service and PodDisruptionBudget, the worker's autoscaler, the Ingress routes and the in-cluster engines of dev
only."""
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


def check_autoscaler(o, partitions):
    """The worker scales with an HPA, never beyond the partitions it can share."""
    overlay, objects = o.name, o.objects
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
