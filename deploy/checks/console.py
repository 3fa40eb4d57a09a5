"""The web console's wiring, in compose and in each overlay. Browsers load the console from its origin and from
there call the APIs, so each API's CORS_ORIGINS must allow that origin and the console must name where browsers
reach the API (CONSOLE_API_URL, CONSOLE_CATALOG_URL); they PUT uploads to S3 with presigned URLs and load images
from it, so S3 must allow the origin too, and the console's CONSOLE_STORAGE_URL (the only storage origin its
Content-Security-Policy allows) must be S3_PUBLIC_ENDPOINT, where presigned URLs point; with variants on a CDN, CONSOLE_CDN_URL must be its
origin. With OpenID Connect the
console signs people in at the issuer whose tokens the APIs accept (JWT_ISSUER). And it holds none of the
services' credentials or engine settings: it serves files and reads no database, Kafka or S3 itself."""
from checks.common import CONSOLE, CONSOLE_APIS, SERVICES, error, origin, origins
from checks.overlay import containers_of

STORAGE_URL = "CONSOLE_STORAGE_URL"
# asset-service's CDN for variants (off unless set) and the console's policy's origin for it
CDN_BASE_URL, CDN_URL = "PLATFORM_STORAGE_CDN_BASE_URL", "CONSOLE_CDN_URL"
# The services' credentials: not one of them is given to the console.
CREDENTIALS = {"PG_USER", "PG_PASSWORD", "S3_ACCESS_KEY", "S3_SECRET_KEY", "KAFKA_SASL_JAAS_CONFIG",
               "KAFKA_SSL_TRUSTSTORE_PASSWORD", "PLATFORM_PROVIDER_TOKEN", "PLATFORM_PAYMENTS_WEBHOOK_SECRET",
               "QUARKUS_MAILER_PASSWORD"}
# Kubernetes objects the console's pods must not reference: the credentials and the engines' settings.
FOREIGN = {("Secret", "platform-credentials"), ("ConfigMap", "platform-config"),
           ("Secret", "order-service-credentials")} | {
    ("Secret", f"{name}-kafka") for name in SERVICES}
# MinIO's allowed origins (it has no per-bucket CORS; unset, it allows every origin).
MINIO_CORS = "MINIO_API_CORS_ALLOW_ORIGIN"


def check_wiring(where, console_origin, console, apis, api_origins, config):
    """console: the console's variables; apis: API -> (where, its variables); api_origins: API -> the origins
    browsers reach it at. Values may be None (from a Secret: not known here)."""
    for api, variable in CONSOLE_APIS.items():
        if api not in apis:
            continue
        api_where, env = apis[api]
        url = console.get(variable)
        if variable not in console or (url is not None and not str(url).strip()):
            error(where, f"{variable} is not set: browsers would look for {api} at the console's built-in default")
        elif url is not None and origin(url) not in api_origins.get(api, set()):
            error(where, f"{variable}={url} is not where browsers reach {api} "
                         f"({', '.join(sorted(api_origins.get(api, set()))) or 'not published'})")
        if "CORS_ORIGINS" not in env or (env["CORS_ORIGINS"] is not None
                                         and console_origin not in origins(env["CORS_ORIGINS"])):
            error(api_where, f"CORS_ORIGINS ({env.get('CORS_ORIGINS') or 'unset: same origin only'}) does not allow "
                             f"the console's origin {console_origin}: browsers' calls from the console are refused")
    _, asset_env = apis.get("asset-service", (None, {}))
    storage, public = console.get(STORAGE_URL), asset_env.get("S3_PUBLIC_ENDPOINT")
    if STORAGE_URL not in console or (storage is not None and not str(storage).strip()):
        error(where, f"{STORAGE_URL} is not set: the page's Content-Security-Policy would refuse S3")
    elif storage is not None and public is not None and origin(storage) != origin(public):
        error(where, f"{STORAGE_URL}={storage} is not S3_PUBLIC_ENDPOINT ({public}), where presigned URLs point: "
                     "the page's Content-Security-Policy would refuse uploads and images")
    cdn, console_cdn = asset_env.get(CDN_BASE_URL), console.get(CDN_URL)
    if cdn and str(cdn).strip() and (not console_cdn or origin(console_cdn) != origin(cdn)):
        error(where, f"{CDN_URL}={console_cdn or '(unset)'} is not {CDN_BASE_URL} ({cdn}), where variant URLs "
                     "point: the page's Content-Security-Policy would refuse its pictures and videos")
    mode = config.sign_in_mode(console) if config.sign_in else None
    if mode is not None and str(mode).strip().lower() != "local":
        issuer, trusted = console.get(config.sign_in["issuer"]), asset_env.get("JWT_ISSUER")
        if issuer and trusted and issuer != trusted:
            error(where, f"{config.sign_in['issuer']}={issuer} is not the issuer the APIs trust "
                         f"(JWT_ISSUER={trusted}): the tokens people sign in for would be refused")
    for name in sorted(CREDENTIALS & set(console)):
        error(where, f"the console is given {name}: it holds none of the services' credentials")


def check_storage_cors(where, console_origin, allowed):
    """allowed: MINIO_API_CORS_ALLOW_ORIGIN's value (None: not set)."""
    if allowed is None or "*" in str(allowed).split(","):
        error(where, f"{MINIO_CORS} is not set to the console's origin {console_origin} (unset or *, MinIO allows "
                     "every origin)")
    elif console_origin not in origins(allowed):
        error(where, f"{MINIO_CORS} ({allowed}) does not allow the console's origin {console_origin}: browsers' "
                     "uploads and image loads from the console are refused")


def compose_environment(service):
    environment = service.get("environment") or {}
    if isinstance(environment, list):
        environment = dict(item.split("=", 1) if "=" in item else (item, None) for item in environment)
    return environment


def published_port(service, target):
    """The host port a compose service publishes its container port target on (None when it is not published
    on a fixed one)."""
    for port in service.get("ports") or []:
        if isinstance(port, dict):
            if str(port.get("target")) == str(target) and port.get("published"):
                return str(port["published"])
            continue
        parts = str(port).split("/")[0].split(":")
        if len(parts) >= 2 and parts[-1] == str(target):
            return parts[-2]
    return None


def check_console_compose(services, configs):
    """docker-compose.yml: browsers open the console at http://localhost:<its published port>."""
    console = services.get(CONSOLE)
    if not console or CONSOLE not in configs:
        return
    where = f"compose {CONSOLE}"
    port = published_port(console, configs[CONSOLE].http_port)
    if not port:
        error(where, f"its port {configs[CONSOLE].http_port} is not published: browsers cannot open it")
        return
    console_origin = f"http://localhost:{port}"
    apis, api_origins = {}, {}
    for api in CONSOLE_APIS:
        if api in services:
            env = compose_environment(services[api])
            apis[api] = (f"compose {api}", env)
            api_port = published_port(services[api], env.get("QUARKUS_HTTP_PORT") or configs[api].http_port)
            hosts = ("localhost", "127.0.0.1") if api_port else ()
            api_origins[api] = {f"http://{host}:{api_port}" for host in hosts}
    check_wiring(where, console_origin, compose_environment(console), apis, api_origins, configs[CONSOLE])
    if "minio" in services:
        check_storage_cors("compose minio", console_origin, compose_environment(services["minio"]).get(MINIO_CORS))


def ingress_origins(o):
    """Service name -> {path -> origins browsers reach it at}, from the Ingresses' hosts (https where the host
    is in the Ingress's tls)."""
    routes = {}
    for ingress in o.of_kind("Ingress"):
        tls_hosts = {h for t in ingress["spec"].get("tls") or [] for h in t.get("hosts") or []}
        for rule in ingress["spec"].get("rules") or []:
            host = rule.get("host")
            for item in (rule.get("http") or {}).get("paths") or []:
                name = ((item.get("backend") or {}).get("service") or {}).get("name")
                found = routes.setdefault(name, {}).setdefault(item.get("path"), set())
                if host:
                    found.add(f"{'https' if host in tls_hosts else 'http'}://{host}")
    return routes


def generated_from(name, base):
    """A rendered name is base itself, or base with the content hash kustomize's generators append."""
    return name == base or (name.startswith(base + "-") and len(name) == len(base) + 11)


def container_named(obj, name):
    _, containers = containers_of(obj)
    return next((c for c in containers if c.get("name") == name), None)


def check_foreign_references(where, deployment):
    """The console's pods reference none of the services' credentials nor the engines' settings."""
    pod_spec, containers = containers_of(deployment)
    found = set()
    for container in containers:
        for source in container.get("envFrom") or []:
            found |= {("ConfigMap", source["configMapRef"]["name"])} if "configMapRef" in source else set()
            found |= {("Secret", source["secretRef"]["name"])} if "secretRef" in source else set()
        for variable in container.get("env") or []:
            value_from = variable.get("valueFrom") or {}
            if "configMapKeyRef" in value_from:
                found.add(("ConfigMap", value_from["configMapKeyRef"]["name"]))
            if "secretKeyRef" in value_from:
                found.add(("Secret", value_from["secretKeyRef"]["name"]))
    for volume in pod_spec.get("volumes") or []:
        sources = [volume] + ((volume.get("projected") or {}).get("sources") or [])
        for source in sources:
            if "configMap" in source:
                found.add(("ConfigMap", source["configMap"]["name"]))
            if "secret" in source:
                found.add(("Secret", source["secret"].get("secretName") or source["secret"].get("name")))
    for kind, name in sorted(found):
        if any(kind == foreign_kind and generated_from(name, base) for foreign_kind, base in FOREIGN):
            error(where, f"the console must not get {kind} {name}: it holds none of the services' credentials and "
                         "reads none of the engines' settings")


def check_console_overlay(o, configs):
    """An overlay: the console's public origin is the Ingress host serving it at /."""
    deployment = o.objects.get(("Deployment", CONSOLE))
    container = container_named(deployment, CONSOLE) if deployment else None
    if not container or CONSOLE not in configs:
        return  # check_deployments names what is missing
    where = f"{o.name} Deployment/{CONSOLE}"
    check_foreign_references(where, deployment)
    routes = ingress_origins(o)
    console_origins = routes.get(CONSOLE, {}).get("/", set())
    if not console_origins:
        error(o.name, f"no Ingress host serves {CONSOLE} at /: its origin, which the APIs and S3 must allow, is "
                      "unknown")
        return
    apis, api_origins = {}, {}
    for api in CONSOLE_APIS:
        api_deployment = o.objects.get(("Deployment", api))
        api_container = container_named(api_deployment, api) if api_deployment else None
        if api_container:
            apis[api] = (f"{o.name} Deployment/{api}", o.environment(api_container)[2])
            api_origins[api] = set().union(*routes.get(api, {}).values()) if routes.get(api) else set()
    _, _, console = o.environment(container)
    minio = o.objects.get(("StatefulSet", "minio"))
    minio_container = container_named(minio, "minio") if minio else None
    for console_origin in sorted(console_origins):
        check_wiring(where, console_origin, console, apis, api_origins, configs[CONSOLE])
        if minio_container:  # an in-cluster MinIO (dev); elsewhere the buckets' CORS is the operators' (README)
            allowed = {v["name"]: v.get("value") for v in minio_container.get("env") or []}.get(MINIO_CORS)
            check_storage_cors(f"{o.name} StatefulSet/minio", console_origin, allowed)
