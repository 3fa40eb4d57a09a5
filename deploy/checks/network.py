"""NetworkPolicies of a rendered overlay, evaluated the way Kubernetes does: who may reach which pod's port."""
from checks.common import CONSOLE, DEPLOYABLES, PUBLIC_SERVICES, SERVICES, error
from checks.overlay import containers_of

# Egress a service needs beyond the engines: order-service's mails, by SMTP submission (587 STARTTLS or 465 TLS).
EXTRA_EGRESS = {"order-service": [((587, 465), "an SMTP server's submission port (587 or 465)")]}
# Namespaces (kubernetes.io/metadata.name) of the ingress controller and of the metrics scrapers.
INGRESS_NAMESPACE = "ingress-nginx"
MONITORING_NAMESPACE = "monitoring"


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
    """Default deny for ingress and egress, then: DNS for every pod; the APIs' and the console's http port from
    the ingress controller only; every service's management port from monitoring only; the workers nothing else;
    the services' egress to PostgreSQL, Kafka and S3, and none at all for the console (it calls nothing: browsers
    do); in dev, the engines admitting the services."""
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
    for name in DEPLOYABLES:
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
            if name in SERVICES and not sends(labels, port):
                error(where, f"no egress to {what} (port {port})")
        for ports_wanted, what in EXTRA_EGRESS.get(name, []):
            if not any(sends(labels, port) for port in ports_wanted):
                error(where, f"no egress to {what}")
        if name == CONSOLE:
            opened = sorted({str(rule_port.get("port") or "any") for _, rule in rules(labels, "Egress")
                             for rule_port in rule.get("ports") or [{}]} - {"53"})
            if opened:
                error(where, f"the console calls nothing (browsers call the APIs and S3), yet may send to ports "
                             f"{opened}; it needs DNS at most")
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

