"""What every check shares: the list of problems found, the platform's deployables, image pinning and origins."""
from urllib.parse import urlsplit

# The platform's services: each reads PostgreSQL, Kafka and S3 (the topic registry's PlatformService).
SERVICES = ["asset-service", "variant-worker", "document-service", "catalog-service", "order-service"]
# The web console: the browser app and its settings; it calls nothing itself (browsers call the APIs and S3).
CONSOLE = "web-console"
# Everything the operators deploy from this repository's images: a Deployment, Service and PDB each.
DEPLOYABLES = SERVICES + [CONSOLE]
# Reached from browsers through the Ingress.
PUBLIC_SERVICES = {"asset-service", "catalog-service", "order-service", CONSOLE}
# The APIs browsers call from the console, and the console's variable that says where each is.
CONSOLE_APIS = {"asset-service": "CONSOLE_API_URL", "catalog-service": "CONSOLE_CATALOG_URL",
                "order-service": "CONSOLE_ORDERS_URL"}
# Paths the Ingress must route, and to which service: the catalog's public styles, and order-service's API and
# the payment provider's webhook (called by the provider, with no token: the signature is its proof).
PUBLIC_ROUTES = {"/styles": "catalog-service", "/orders": "order-service", "/webhooks/payments": "order-service",
                 "/webhooks/endpoints": "order-service", "/webhooks/deliveries": "order-service",
                 "/notifications": "order-service"}

errors = []


def error(where, message):
    errors.append(f"{where}: {message}")


def pinned(image):
    """An image reference with an explicit tag (or digest) other than latest."""
    if "@sha256:" in image:
        return True
    last = image.rsplit("/", 1)[-1]
    return ":" in last and not last.endswith(":latest")


def origin(url):
    """scheme://host[:port] of a URL, without a default port; None when it is not an absolute http(s) URL."""
    if not url:
        return None
    parts = urlsplit(str(url).strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    default = {"http": 80, "https": 443}[parts.scheme]
    port = f":{parts.port}" if parts.port and parts.port != default else ""
    return f"{parts.scheme}://{parts.hostname}{port}"


def origins(value):
    """The origins of a comma-separated list (CORS_ORIGINS, MINIO_API_CORS_ALLOW_ORIGIN)."""
    return {origin(item) for item in str(value or "").split(",") if item.strip()} - {None}


# libyaml's parser when PyYAML has it (Debian's does): the pure-Python one made the checks' tests spend most of
# their time reading the rendered overlays again for each broken input.
import yaml  # noqa: E402

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def load_yaml(stream):
    return yaml.load(stream, Loader=_LOADER)


def load_yaml_all(stream):
    return list(yaml.load_all(stream, Loader=_LOADER))


def dump_yaml(data, stream):
    yaml.dump(data, stream, Dumper=_DUMPER)


def dump_yaml_all(documents, stream):
    yaml.dump_all(documents, stream, Dumper=_DUMPER)
