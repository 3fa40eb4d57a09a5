#!/usr/bin/env python3
"""Checks the resolved docker-compose.yml and the rendered Kubernetes overlays (run by deploy/check.sh).

usage: check_config.py ROOT COMPOSE_YAML NAME=RENDERED_YAML[,IMAGE_REGISTRY,IMAGE_TAG]...
(with the registry and tag deploy/set-images.sh set in that overlay)

One module of deploy/checks per concern:
  environment  every environment variable given to a service is one it reads, every one it requires is given
               (the console's sign-in settings as its SignInGuard requires them)
  topics       the topic registry against the services' code and properties, the topic creation of compose and
               the Kubernetes Job (event and dead-letter topics, partitions, retention) and deploy/kafka-acls.sh
  compose      services, pinned images, health checks, start order, buckets, no default trust
  kubernetes   references, probes and metrics on the management port, resources, Services, PDBs, HPA, Ingress
  security     securityContexts: non-root, no escalation, no capabilities, seccomp, read-only root
  network      default-deny NetworkPolicies with only the needed traffic opened
  console      the web console: browsers reach the APIs and S3 from its origin (CORS), its sign-in is the
               APIs' issuer, and it holds none of the services' credentials
  images       each Deployment runs the registry/service:tag deploy/set-images.sh set; the images profile's base
               is the Dockerfiles'
deploy/checks/test_checks.py proves each concern still fails on a broken input.
"""
import sys

from checks import common
from checks.compose import check_compose
from checks.console import check_console_overlay
from checks.environment import service_configs
from checks.images import check_image_base, check_overlay_images
from checks.kubernetes import check_autoscaler, check_deployments, check_engines, check_ingress, check_references
from checks.network import check_network_policies
from checks.overlay import Overlay
from checks.registry import produced_topics, read_registry
from checks.security import check_security_contexts
from checks.topics import check_acls, check_services, check_topic_job, keda_grants


def check_overlay(name, path, configs, registry, keda, images=None):
    overlay = Overlay(name, path)
    check_references(overlay)
    check_deployments(overlay, configs)
    check_autoscaler(overlay, registry, keda)
    check_ingress(overlay)
    check_topic_job(overlay, registry)
    check_security_contexts(overlay.name, overlay.objects)
    check_network_policies(overlay.name, overlay.objects, overlay.documents)
    check_engines(overlay)
    check_console_overlay(overlay, configs)
    if images:
        check_overlay_images(overlay, *images)
    print(f"   {name}: {len(overlay.objects)} objects; {', '.join(sorted({k for k, _ in overlay.objects}))}")


def run(root, compose_path, overlays):
    """All checks; the problems found, in order. overlays: (name, rendered path[, (registry, tag) set there])."""
    common.errors.clear()
    configs = service_configs(root, common.DEPLOYABLES)
    registry = read_registry(root)
    for service, config in configs.items():
        print(f"   {service}: requires {config.describe_required()}; management port "
              f"{config.management_port}; consumes {' '.join(registry.consumed(service)) or 'nothing'}; produces "
              f"{' '.join(produced_topics(root, service)) or 'nothing'}")
    print(f"   topics (registry, {registry.partitions} partitions): {' '.join(registry.topics)}")
    check_services(root, registry, {name: configs[name] for name in common.SERVICES})
    check_compose(root, compose_path, configs, registry)
    check_acls(root, registry)
    print("   compose: services, images, health checks, depends_on, topics, buckets, environment, the console's CORS")
    check_image_base(root)
    for name, path, *images in overlays:
        check_overlay(name, path, configs, registry, keda_grants(root), *images)
    return list(common.errors)


def main(argv):
    overlays = []
    for argument in argv[3:]:
        name, rest = argument.split("=", 1)
        path, *images = rest.split(",")
        overlays.append((name, path, tuple(images)) if images else (name, path))
    problems = run(argv[1], argv[2], overlays)
    if problems:
        print(f"\n{len(problems)} problem(s):", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
