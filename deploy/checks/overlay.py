"""One rendered Kubernetes overlay: its objects by (kind, name), and the ConfigMaps and Secrets it expects the
cluster to hold rather than render."""

from checks.common import SERVICES, error, load_yaml_all

# Objects an overlay expects to exist in the cluster rather than render: name -> keys they must hold.
EXTERNAL = {
    # the local platform's key pair: the services trust the public key, the console's local sign-in signs with both
    "dev": {("ConfigMap", "jwt-public-key"): {"public.pem"}, ("Secret", "jwt-private-key"): {"private.pem"}},
    # each service's and the topic Job's own Kafka principal (deploy/kafka-acls.md)
    "prod": {("Secret", "platform-credentials"): {"PG_USER", "PG_PASSWORD"},
             # order-service's own: the processing provider's token, the payment webhook's secret, the SMTP login
             ("Secret", "order-service-credentials"): {"PLATFORM_PROVIDER_TOKEN", "PLATFORM_PAYMENTS_WEBHOOK_SECRET",
                                                       "QUARKUS_MAILER_USERNAME", "QUARKUS_MAILER_PASSWORD"},
             # asset-service's CloudFront signing key, when variants are served through a CDN (optional)
             ("Secret", "asset-service-cdn"): {"PLATFORM_STORAGE_CDN_PRIVATE_KEY"},
             **{("Secret", f"{name}-kafka"): {"KAFKA_SASL_JAAS_CONFIG"} for name in SERVICES + ["kafka-topics"]}},
}


def containers_of(obj):
    spec = ((obj.get("spec") or {}).get("template") or {}).get("spec") or {}
    return spec, (spec.get("containers") or []) + (spec.get("initContainers") or [])


class Overlay:
    def __init__(self, name, path):
        self.name = name
        with open(path, encoding="utf-8") as f:
            self.documents = [d for d in load_yaml_all(f) if d is not None]
        self.objects = {}
        for index, doc in enumerate(self.documents):
            if not isinstance(doc, dict) or not doc.get("apiVersion") or not doc.get("kind") \
                    or not (doc.get("metadata") or {}).get("name"):
                error(name, f"document {index} lacks apiVersion, kind or metadata.name")
                continue
            self.objects[(doc["kind"], doc["metadata"]["name"])] = doc
        self.external = EXTERNAL.get(name, {})

    def of_kind(self, kind):
        return [obj for (k, _), obj in self.objects.items() if k == kind]

    def environment(self, container):
        """A container's environment: (ConfigMaps and Secrets of its envFrom, name -> value of every variable)."""
        env_from = container.get("envFrom") or []
        config_maps = [s["configMapRef"]["name"] for s in env_from if "configMapRef" in s]
        secrets = [s["secretRef"]["name"] for s in env_from if "secretRef" in s]
        variables = {}
        for ref_kind, names in (("ConfigMap", config_maps), ("Secret", secrets)):
            for ref_name in names:
                variables.update(self.keys_of(ref_kind, ref_name) or {})
        for variable in container.get("env") or []:
            variables[variable["name"]] = variable.get("value") if "value" in variable else None
        return config_maps, secrets, variables

    def keys_of(self, kind, name):
        """Keys of a rendered or expected-external ConfigMap/Secret, value None when unknown."""
        if (kind, name) in self.objects:
            doc = self.objects[(kind, name)]
            merged = dict(doc.get("data") or {})
            merged.update(doc.get("stringData") or {})
            if kind == "Secret" and doc.get("data"):
                merged = {k: (v if v else "") for k, v in merged.items()}
            return merged
        if (kind, name) in self.external:
            return {k: None for k in self.external[(kind, name)]}
        return None
