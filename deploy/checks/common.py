"""What every check shares: the list of problems found, the platform's services and image pinning."""

SERVICES = ["asset-service", "variant-worker", "document-service", "catalog-service"]
PUBLIC_SERVICES = {"asset-service", "catalog-service"}

errors = []


def error(where, message):
    errors.append(f"{where}: {message}")


def pinned(image):
    """An image reference with an explicit tag (or digest) other than latest."""
    if "@sha256:" in image:
        return True
    last = image.rsplit("/", 1)[-1]
    return ":" in last and not last.endswith(":latest")
