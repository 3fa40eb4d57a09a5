"""The images: every deployable's Deployment runs $IMAGE_REGISTRY/<service>:$IMAGE_TAG as deploy/set-images.sh set
them (the names `mvn -Pimages` gives the images it builds), and the images profile builds on the base the
Dockerfiles run on."""
import os
import re
import xml.etree.ElementTree as ET

from checks.common import DEPLOYABLES, error
from checks.overlay import containers_of

POM = "{http://maven.apache.org/POM/4.0.0}"


def check_overlay_images(o, registry, tag):
    """Each deployable's containers run <registry>/<service>:<tag>."""
    for name in DEPLOYABLES:
        deployment = o.objects.get(("Deployment", name))
        if not deployment:
            continue  # named by check_deployments
        _, containers = containers_of(deployment)
        expected = f"{registry}/{name}:{tag}"
        for container in containers:
            if container.get("image") != expected:
                error(f"{o.name} Deployment/{name}", f"container {container.get('name')} runs "
                                                     f"{container.get('image')!r}, not {expected!r} as deploy/set-images.sh set it")


def dockerfile_runtime_base(path):
    """The image the last stage of a Dockerfile runs on, through `FROM <stage>` to the stage's own base."""
    with open(path, encoding="utf-8") as f:
        stages = re.findall(r"^FROM\s+(\S+)(?:\s+AS\s+(\S+))?", f.read(), re.M | re.I)
    bases = {}
    for base, stage in stages:
        base = bases.get(base, base)
        if stage:
            bases[stage] = base
    return bases.get(stages[-1][0], stages[-1][0]) if stages else None


def check_image_base(root):
    """The images profile's base (image.base in the parent pom) is the image the Dockerfiles run on."""
    profile = next((p for p in ET.parse(os.path.join(root, "pom.xml")).getroot().iter(f"{POM}profile")
                    if p.findtext(f"{POM}id") == "images"), None)
    base = profile.findtext(f"{POM}properties/{POM}image.base") if profile is not None else None
    if not base:
        error("pom.xml", "no images profile with an image.base property")
        return
    for name in DEPLOYABLES:
        dockerfile = os.path.join(root, name, "src/main/docker/Dockerfile.jvm")
        if not os.path.exists(dockerfile):
            continue  # named by check_compose
        runs_on = dockerfile_runtime_base(dockerfile)
        if runs_on != base:
            error("pom.xml", f"the images profile's image.base {base} is not {runs_on}, which {name}'s Dockerfile.jvm "
                             "runs on")
