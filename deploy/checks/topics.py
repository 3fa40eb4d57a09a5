"""Topics against the registry: the services' code publishes what the registry says, their properties do not
re-type what the registry supplies, the creation scripts (compose, the Kubernetes Job) make exactly the event and
dead-letter topics with a retention, and deploy/kafka-acls.sh grants each principal exactly what it uses."""
import os
import re

from checks.common import error
from checks.overlay import containers_of
from checks.registry import produced_topics

# Topic retention: events carry owner data, so none is kept longer than a week.
MAX_RETENTION_MS = 7 * 24 * 3600 * 1000
# Channel settings platform-messaging's ConsumerChannelsConfig derives from the registry.
REGISTRY_CHANNEL_SETTINGS = r"mp\.messaging\.incoming\.[^.]+\.(connector|topic|group\.id|dead-letter-queue\.topic)"


def check_services(root, registry, configs):
    """Each service's consumer group, its outbox events and its channel properties agree with the registry."""
    if set(registry.groups) != set(configs):
        error("Topic registry", f"PlatformService lists {sorted(registry.groups)}, the deployment {sorted(configs)}")
    for name, config in configs.items():
        if config.application_name != registry.groups.get(name, name):
            error(name, f"quarkus.application.name {config.application_name} is not its consumer group {name}")
        produced = produced_topics(root, name)
        if produced != sorted(registry.produced(name)):
            error(name, f"its outbox publishes {produced}; the registry says {sorted(registry.produced(name))}")
        for key in sorted(config.own):
            if re.fullmatch(REGISTRY_CHANNEL_SETTINGS, key):
                error(name, f"application.properties sets {key}, which the topic registry supplies")


def every_topic(registry):
    return set(registry.topics) | set(registry.dead_letters())


def created_topics(script):
    """The topic names a creation script loops over (words with a dot, no '=' or '$')."""
    loop = re.search(r"for topic in (.*?); do", script, re.S)
    return set(re.findall(r"[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+", loop.group(1).replace("\\", " "))) if loop else set()


def check_topic_creation(where, script, registry):
    """A creation script makes exactly the event and dead-letter topics, each with a retention."""
    created, wanted = created_topics(script), every_topic(registry)
    for topic in sorted(wanted - created):
        error(where, f"topic {topic} is not created")
    for topic in sorted(created - wanted):
        error(where, f"topic {topic} is created but is not in the topic registry")
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


def acl_grants(text):
    """principal -> kind (read, write, group, topic_admin) -> names, with the script's $VARIABLES expanded."""
    text = text.replace("\\\n", " ")
    variables = dict(re.findall(r'^([A-Z_]+)="([^"]*)"', text, re.M))
    grants = {}
    for kind, principal, rest in re.findall(r"^allow_(read|write|group|topic_admin|lag_read) (\S+) (.+)$", text,
                                            re.M):
        words = []
        for word in rest.split():
            words.extend(variables.get(word[1:], "").split() if word.startswith("$") else [word])
        grants.setdefault(principal, {}).setdefault(kind, set()).update(words)
    return grants


def keda_grants(root):
    """The (consumer group, topic) pairs deploy/kafka-acls.sh lets KEDA's principal describe."""
    path = os.path.join(root, "deploy/kafka-acls.sh")
    with open(path, encoding="utf-8") as f:
        pairs = re.findall(r"^allow_lag_read keda (\S+) (\S+)$", f.read(), re.M)
    return set(pairs)


def check_acls(root, registry):
    """deploy/kafka-acls.sh grants each service exactly its reads, writes, group and dead-letter topics, and KEDA
    only the lag of a group on a topic that group's service consumes."""
    path = os.path.join(root, "deploy/kafka-acls.sh")
    if not os.path.exists(path):
        error("deploy/kafka-acls.sh", "missing")
        return
    with open(path, encoding="utf-8") as f:
        grants = acl_grants(f.read())
    for group, topic in keda_grants(root):
        service = next((s for s, g in registry.groups.items() if g == group), None)
        if service is None or topic not in registry.consumed(service):
            error("deploy/kafka-acls.sh", f"keda may describe group {group} on {topic}, which that group does not read")
    if set(grants.get("keda", {})) - {"lag_read"}:
        error("deploy/kafka-acls.sh", "keda is granted more than describing consumer lag")
    for name, group in registry.groups.items():
        got = grants.get(name, {})
        expected = {"read": set(registry.consumed(name)),
                    "write": set(registry.produced(name)) | set(registry.dead_letters(name)),
                    "group": {group}}
        for kind, wanted in expected.items():
            have = got.get(kind, set())
            if wanted - have:
                error("deploy/kafka-acls.sh", f"{name} lacks {kind} on {sorted(wanted - have)}")
            if have - wanted:
                error("deploy/kafka-acls.sh", f"{name} is granted {kind} on {sorted(have - wanted)}, which it does not use")
        if got.get("topic_admin"):
            error("deploy/kafka-acls.sh", f"{name} may create topics: only the kafka-topics principal may")
    every = every_topic(registry)
    admin = grants.get("kafka-topics", {}).get("topic_admin", set())
    if admin != every:
        error("deploy/kafka-acls.sh", f"kafka-topics must administer exactly the event and dead-letter topics; "
                                      f"missing {sorted(every - admin)}, extra {sorted(admin - every)}")


def check_topic_job(o, registry):
    """The overlay's kafka-topics Job creates the topics with the registry's partitions, a retention and the
    services' Kafka security settings."""
    overlay, objects, keys_of = o.name, o.objects, o.keys_of
    job = objects.get(("Job", "kafka-topics"))
    if not job:
        error(overlay, "no Job kafka-topics")
        return
    _, containers = containers_of(job)
    script = " ".join(" ".join(map(str, (c.get("command") or []) + (c.get("args") or []))) for c in containers)
    if "kafka-topics.sh" not in script:
        error(f"{overlay} Job/kafka-topics", "does not run kafka-topics.sh")
    check_topic_creation(f"{overlay} Job/kafka-topics", script, registry)
    settings = {}
    for c in containers:
        for source in c.get("envFrom") or []:
            if "configMapRef" in source:
                settings.update(keys_of("ConfigMap", source["configMapRef"]["name"]) or {})
    if str(settings.get("TOPIC_PARTITIONS")) != str(registry.partitions):
        error(f"{overlay} Job/kafka-topics", f"TOPIC_PARTITIONS must be {registry.partitions} (Topics.PARTITIONS)")
    if not settings.get("KAFKA_BOOTSTRAP_SERVERS"):
        error(f"{overlay} Job/kafka-topics", "KAFKA_BOOTSTRAP_SERVERS is not given")
    retention_value(f"{overlay} Job/kafka-topics TOPIC_RETENTION_MS", settings.get("TOPIC_RETENTION_MS"))
    if "--command-config" not in script:
        error(f"{overlay} Job/kafka-topics", "must connect with the Kafka security settings (--command-config)")
