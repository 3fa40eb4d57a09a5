"""Container hardening of every workload of a rendered overlay."""
from checks.common import error
from checks.overlay import containers_of

# Containers whose image writes into its own install directory at start; every other one has a read-only root.
WRITABLE_ROOT = {("dev", "StatefulSet", "kafka")}


def check_security_contexts(overlay, objects):
    """Every container of every workload: non-root, no privilege escalation, no capabilities, RuntimeDefault
    seccomp, and a read-only root filesystem with a writable /tmp (emptyDir) unless listed in WRITABLE_ROOT."""
    for (kind, name), obj in objects.items():
        if kind not in ("Deployment", "StatefulSet", "Job", "DaemonSet", "CronJob"):
            continue
        where = f"{overlay} {kind}/{name}"
        pod_spec, containers = containers_of(obj)
        pod = pod_spec.get("securityContext") or {}
        empty_dirs = {v["name"] for v in pod_spec.get("volumes") or [] if "emptyDir" in v}
        for container in containers:
            context = container.get("securityContext") or {}
            label = f"{where} container {container.get('name')}"
            if not (context.get("runAsNonRoot", pod.get("runAsNonRoot")) is True):
                error(label, "runAsNonRoot must be true")
            if context.get("allowPrivilegeEscalation") is not False:
                error(label, "allowPrivilegeEscalation must be false")
            if "ALL" not in ((context.get("capabilities") or {}).get("drop") or []):
                error(label, "capabilities must drop ALL")
            seccomp = context.get("seccompProfile") or pod.get("seccompProfile") or {}
            if seccomp.get("type") != "RuntimeDefault":
                error(label, "seccompProfile must be RuntimeDefault")
            if context.get("privileged"):
                error(label, "must not be privileged")
            if (overlay, kind, name) in WRITABLE_ROOT:
                if context.get("readOnlyRootFilesystem") is not False:
                    error(label, "readOnlyRootFilesystem must be stated (false: its image writes at start)")
                continue
            if context.get("readOnlyRootFilesystem") is not True:
                error(label, "readOnlyRootFilesystem must be true")
            elif not any(m.get("mountPath") == "/tmp" and m.get("name") in empty_dirs
                         for m in container.get("volumeMounts") or []):
                error(label, "a read-only root needs an emptyDir at /tmp")

