"""The topic registry of platform-contracts (Topic, PlatformService, Topics), read from its Java source so the
check needs no build: which service publishes each topic, which consume it, and their dead-letter topics.
platform-contracts' DeploymentTopicsTest checks the same deployment files against the compiled registry."""
import glob
import os
import re

from checks.common import error

EVENTS = "platform-contracts/src/main/java/com/renovation/media/contracts/events"


class Registry:
    def __init__(self, topics, partitions, producers, consumers, groups):
        self.topics = topics              # topic names in registry order
        self.partitions = partitions
        self.producers = producers        # topic -> service
        self.consumers = consumers        # topic -> [service]
        self.groups = groups              # service -> consumer group

    @staticmethod
    def dead_letter(group, topic):
        """Topics.deadLetter: the dead-letter topic of one consumer group reading one topic."""
        return f"{group}.{topic}.dlq"

    def consumed(self, service):
        return [t for t in self.topics if service in self.consumers[t]]

    def produced(self, service):
        return [t for t in self.topics if self.producers[t] == service]

    def dead_letters(self, service=None):
        services = [service] if service else list(self.groups)
        return [self.dead_letter(self.groups[s], t) for t in self.topics for s in services
                if s in self.consumers[t]]


def _read(root, name):
    with open(os.path.join(root, EVENTS, name), encoding="utf-8") as f:
        return f.read()


def read_registry(root):
    constants = dict(re.findall(r'static final String (\w+) = "([^"]+)";', _read(root, "Topics.java")))
    partitions = re.search(r"PARTITIONS = (\d+);", _read(root, "Topics.java"))
    services = dict(re.findall(r'^\s+(\w+)\("([^"]+)"\)[,;]', _read(root, "PlatformService.java"), re.M))
    entries = re.findall(r"^\s+(\w+)\(Topics\.(\w+),\s*Channels\.\w+,\s*([\w,\s]+?)\)[,;]", _read(root, "Topic.java"),
                         re.M)
    if not partitions or not services or not entries:
        error("platform-contracts", "cannot read the topic registry (Topic, PlatformService, Topics.PARTITIONS)")
        return Registry([], 0, {}, {}, {})
    topics, producers, consumers = [], {}, {}
    for _, constant, parties in entries:
        topic = constants.get(constant)
        names = [services.get(p.strip()) for p in parties.split(",")]
        if topic is None or None in names:
            error("Topic.java", f"{constant} names an unknown topic constant or service")
            continue
        topics.append(topic)
        producers[topic], consumers[topic] = names[0], names[1:]
    # a service consumes as the group named after it (PlatformService.consumerGroup)
    return Registry(topics, int(partitions.group(1)), producers, consumers, {s: s for s in services.values()})


def produced_topics(root, service):
    """Topics of the events a service publishes: every platform-contracts payload its main code constructs (a
    consumer reads the payloads it consumes, it never makes one; a service makes one only to add it to its outbox,
    there or through a factory) -> Payload.topic(). A payload handed to outbox.add must be a contracts payload."""
    constants = dict(re.findall(r'static final String (\w+) = "([^"]+)";', _read(root, "Topics.java")))
    topics = set()
    for path in glob.glob(os.path.join(root, service, "src/main/java/**/*.java"), recursive=True):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for payload in re.findall(r"outbox\.add\(new (\w+)\(", text):
            if not os.path.exists(os.path.join(root, EVENTS, "payload", payload + ".java")):
                error(service, f"outbox event {payload} is not a platform-contracts payload")
        for payload in set(re.findall(r"\bnew (\w+)\(", text)):
            source = os.path.join(root, EVENTS, "payload", payload + ".java")
            if not os.path.exists(source):
                continue
            with open(source, encoding="utf-8") as p:
                match = re.search(r"return Topics\.(\w+);", p.read())
            if match and match.group(1) in constants:
                topics.add(constants[match.group(1)])
    return sorted(topics)
