"""docker-compose.yml, as `docker-compose config` resolved it: services and their images, health checks, order
of start, the topic and bucket jobs, no default trust, and each service's environment."""
import os
import re

from checks.common import DEPLOYABLES, SERVICES, error, load_yaml, pinned
from checks.console import check_console_compose
from checks.images import dockerfile_runtime_base
from checks.topics import check_topic_creation, retention_value

# docker-compose.yml must take these from the environment with no default (${NAME:?message}): whom the services
# trust, the S3 root secret of a published port, and where the console signs people in.
COMPOSE_NO_DEFAULT = ["JWT_ISSUER", "JWT_PUBLIC_KEY_LOCATION", "JWT_AUDIENCE", "S3_SECRET_KEY",
                      "CONSOLE_OIDC_ISSUER", "CONSOLE_OIDC_CLIENT_ID",
                      # order-service's: the processing provider's token, and the payment webhook's secret (whoever
                      # knows it can mark orders paid)
                      "PLATFORM_PROVIDER_TOKEN", "PLATFORM_PAYMENTS_WEBHOOK_SECRET"]
# order-service's local stand-ins: an SMTP server and the processing and payment provider.
STANDIN = "provider-standin"
STANDIN_DOCKERFILE = "local-stack/provider-standin/Dockerfile"
# What each service waits for: the engines healthy, the topics and buckets made.
ENGINE_DEPENDENCIES = [("postgres", "service_healthy"), ("kafka", "service_healthy"),
                       ("kafka-topics", "service_completed_successfully"),
                       ("minio-buckets", "service_completed_successfully")]


def volume_source(volume):
    """(source, is_named) of a compose volume in long or short ("src:dst[:mode]") form."""
    if isinstance(volume, dict):
        return volume.get("source"), volume.get("type") == "volume"
    source = str(volume).split(":")[0]
    return source, not source.startswith(("/", ".", "~"))




def check_dockerfile(where, path, service):
    """Every stage FROM a pinned image, running on Temurin's Java 25 JRE, the fast-jar layout; libvips for the worker."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    stages = re.findall(r"^FROM\s+(\S+)(?:\s+AS\s+(\S+))?", text, re.M | re.I)
    names = {stage for _, stage in stages if stage}
    for base, _ in stages:
        if base not in names and not pinned(base):
            error(where, f"Dockerfile.jvm stage FROM {base} is not pinned to a version")
    # a stage FROM an earlier one (the worker's runtime stage) runs on that one's image
    runtime = dockerfile_runtime_base(path)
    if not runtime or not runtime.startswith("eclipse-temurin:25"):
        error(where, "Dockerfile.jvm must run FROM a pinned eclipse-temurin:25 image (the Java the platform is built on)")
    if "target/quarkus-app/" not in text or "quarkus-run.jar" not in text:
        error(where, "Dockerfile.jvm must run the fast-jar target/quarkus-app/quarkus-run.jar")
    if service == "variant-worker":
        if "PLATFORM_VARIANTS_LIBVIPS_PATH=" not in text:
            error(where, "variant-worker's image must set PLATFORM_VARIANTS_LIBVIPS_PATH to the libvips it carries")
        if "--enable-native-access=ALL-UNNAMED" not in text:
            error(where, "variant-worker's JAVA_OPTS must allow --enable-native-access=ALL-UNNAMED (libvips)")


def check_compose(root, path, configs, registry):
    with open(path, encoding="utf-8") as f:
        compose = load_yaml(f)
    services = compose.get("services") or {}
    declared_volumes = set((compose.get("volumes") or {}).keys())
    expected = DEPLOYABLES + ["postgres", "kafka", "kafka-topics", "minio", "minio-buckets", "mail", STANDIN]
    for name in expected:
        if name not in services:
            error("compose", f"service {name} is missing")
    for name, service in services.items():
        where = f"compose {name}"
        image = service.get("image")
        if "build" not in service:
            if not image or not pinned(image):
                error(where, f"image {image!r} is not pinned to a version")
        for volume in service.get("volumes") or []:
            source, named = volume_source(volume)
            if named and source not in declared_volumes:
                error(where, f"volume {source} is not a declared named volume")
    image_prefixes = {"postgres": "postgres:17", "kafka": "apache/kafka:", "kafka-topics": "apache/kafka:",
                      "minio": "minio/minio:RELEASE.", "minio-buckets": "minio/mc:RELEASE.",
                      "mail": "greenmail/standalone:"}
    for name, prefix in image_prefixes.items():
        if name in services and not str(services[name].get("image", "")).startswith(prefix):
            error(f"compose {name}", f"image should be {prefix}...")
    for name in ["postgres", "kafka", "minio"]:
        if name in services:
            if not services[name].get("healthcheck"):
                error(f"compose {name}", "no healthcheck")
            if not any(volume_source(v)[1] for v in services[name].get("volumes") or []):
                error(f"compose {name}", "its data is not on a named volume")
    if "kafka-topics" in services:
        script = " ".join(map(str, services["kafka-topics"].get("command") or []))
        check_topic_creation("compose kafka-topics", script, registry)
        for value in re.findall(r"retention\.ms=(\d+)", script):
            retention_value("compose kafka-topics", value)
        if f"--partitions {registry.partitions}" not in script:
            error("compose kafka-topics", f"topics must have {registry.partitions} partitions (Topics.PARTITIONS)")
    if "minio" in services:
        minio = services["minio"]
        published = [str(p.get("target") if isinstance(p, dict) else p).split(":")[-1] for p in minio.get("ports") or []]
        if published != ["9000"]:
            error("compose minio", f"only the S3 API (9000) may be published, not {published}")
        command = " ".join(map(str, minio.get("command") or []))
        if "--console-address" in command or str((minio.get("environment") or {}).get("MINIO_BROWSER")) != "off":
            error("compose minio", "the web console must be off (MINIO_BROWSER=off, no --console-address)")
    with open(os.path.join(root, "docker-compose.yml"), encoding="utf-8") as f:
        raw = f.read()
    for name in COMPOSE_NO_DEFAULT:
        uses = re.findall(r"\$\{" + name + r"(:?[-?]?)", raw)
        if not uses:
            error("docker-compose.yml", f"{name} is not taken from the environment")
        elif any(use != ":?" for use in uses):
            error("docker-compose.yml", f"{name} must be required from the environment (${{{name}:?...}}), no default")
    if "minio-buckets" in services:
        script = " ".join(map(str, services["minio-buckets"].get("command") or []))
        for needed in ["mb --ignore-existing media/user-uploads", "anonymous set none media/user-uploads",
                       "mb --ignore-existing media/styles", "anonymous set download media/styles",
                       "mb --ignore-existing media/styles-staging", "anonymous set none media/styles-staging"]:
            if needed not in script:
                error("compose minio-buckets", f"missing `mc {needed}`")
    for name in DEPLOYABLES:
        service = services.get(name)
        if not service:
            continue
        where = f"compose {name}"
        build = service.get("build") or {}
        if build.get("dockerfile") != "src/main/docker/Dockerfile.jvm":
            error(where, "must build from src/main/docker/Dockerfile.jvm")
        elif not os.path.exists(os.path.join(build.get("context", ""), build["dockerfile"])):
            error(where, f"{build['dockerfile']} does not exist in {build.get('context')}")
        else:
            check_dockerfile(where, os.path.join(build["context"], build["dockerfile"]), name)
        test = " ".join(map(str, (service.get("healthcheck") or {}).get("test") or []))
        management = configs[name].management_port
        if f":{management}/q/health/ready" not in test:
            error(where, f"healthcheck must call /q/health/ready on the management port {management}")
        for port in service.get("ports") or []:
            target = str(port.get("target") if isinstance(port, dict) else port).split(":")[-1]
            if target == str(management):
                error(where, f"the management port {management} must not be published")
        depends = service.get("depends_on") or {}
        # the console uses none of the engines: it starts on its own
        for dependency, condition in ENGINE_DEPENDENCIES if name in SERVICES else []:
            if (depends.get(dependency) or {}).get("condition") != condition:
                error(where, f"depends_on {dependency} must have condition {condition}")
        environment = service.get("environment") or {}
        if isinstance(environment, list):
            environment = dict(item.split("=", 1) if "=" in item else (item, None) for item in environment)
        configs[name].check_environment(where, environment)
    check_console_compose(services, configs)
    check_standins(root, services, configs)


def check_standins(root, services, configs):
    """The stand-in provider and order-service agree: the token it checks and the secret it signs payment events
    with are order-service's, it sends them to order-service's webhook, order-service calls it on its port, and
    its image is built like the services' (a pinned Java 25 JRE)."""
    from checks.console import compose_environment
    standin, orders = services.get(STANDIN), services.get("order-service")
    if not standin or not orders:
        return
    where = f"compose {STANDIN}"
    build = standin.get("build") or {}
    dockerfile = os.path.join(build.get("context", ""), build.get("dockerfile", "Dockerfile"))
    if os.path.relpath(dockerfile, root) != STANDIN_DOCKERFILE and not dockerfile.endswith(STANDIN_DOCKERFILE):
        error(where, f"must build from {STANDIN_DOCKERFILE}")
    elif not os.path.exists(dockerfile):
        error(where, f"{STANDIN_DOCKERFILE} does not exist")
    else:
        with open(dockerfile, encoding="utf-8") as f:
            bases = re.findall(r"^FROM\s+(\S+)", f.read(), re.M)
        if not bases or not all(pinned(b) for b in bases) or not bases[-1].startswith("eclipse-temurin:25"):
            error(where, f"{STANDIN_DOCKERFILE} must run FROM a pinned eclipse-temurin:25 image")
    env, order_env = compose_environment(standin), compose_environment(orders)
    for own, theirs in (("STANDIN_TOKEN", "PLATFORM_PROVIDER_TOKEN"),
                        ("STANDIN_PAYMENT_SECRET", "PLATFORM_PAYMENTS_WEBHOOK_SECRET")):
        if env.get(own) != order_env.get(theirs):
            error(where, f"{own} is not order-service's {theirs}: the two would not recognise each other")
    http_port = order_env.get("QUARKUS_HTTP_PORT") or configs["order-service"].http_port
    if env.get("STANDIN_PAYMENT_WEBHOOK_URL") != f"http://order-service:{http_port}/webhooks/payments":
        error(where, f"STANDIN_PAYMENT_WEBHOOK_URL must be order-service's webhook, "
                     f"http://order-service:{http_port}/webhooks/payments")
    base = str(order_env.get("PLATFORM_PROVIDER_BASE_URL") or "")
    if base.startswith(f"http://{STANDIN}:") and base.rstrip("/").rsplit(":", 1)[-1] != str(env.get("STANDIN_PORT")):
        error("compose order-service", f"PLATFORM_PROVIDER_BASE_URL {base} is not the stand-in's port "
                                       f"{env.get('STANDIN_PORT')}")
