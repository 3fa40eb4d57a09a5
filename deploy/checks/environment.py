"""The environment given to a service against the properties it reads: the project-specific cross-check.

What a service reads comes from the source of truth, not from a list kept here: each service's
src/main/resources/application.properties plus the shared modules' META-INF/microprofile-config.properties.
An environment variable given to a service is allowed when it is
  - a variable of README "Configuration", or
  - referenced as ${NAME...} in those files, or
  - the environment form of a property key there or among the tuning keys README "Configuration" names
    (MicroProfile Config: every character that is not a letter
    or digit becomes '_', upper case; e.g. QUARKUS_HTTP_PORT for quarkus.http.port), starting QUARKUS_,
    PLATFORM_ or MP_, or
  - QUARKUS_PROFILE (Quarkus's profile selector: the local profile accepts the local token issuer), or
  - one of CODE_VARIABLES: read through code (a @ConfigMapping default, a MicroProfile JWT setting) rather than
    a properties line.
A variable is required when a non-profile property's effective value references ${NAME} without a default, or
when it is in REQUIRED_VARIABLES (the services refuse to start without it outside the local and test profiles).
"""
import glob
import os
import re

from checks.common import error

BUILTIN_VARIABLES = {"QUARKUS_PROFILE"}
# Variables whose property is read in code rather than set in a properties file: the environment form and the
# property it sets.
CODE_VARIABLES = {
    "JWT_AUDIENCE": "mp.jwt.verify.audiences",
    "PLATFORM_SECURITY_ROLES_CLAIM": "platform.security.roles-claim",
}
# Required wherever the services run outside the local and test profiles (the token audience): compose and both
# overlays give them.
REQUIRED_VARIABLES = {"JWT_AUDIENCE"}


def read_properties(path):
    """(profile or None, key, value) of a .properties file; continuation lines joined."""
    entries = []
    with open(path, encoding="utf-8") as f:
        logical = ""
        for raw in f:
            line = raw.rstrip("\n")
            if not logical and (not line.strip() or line.lstrip().startswith(("#", "!"))):
                continue
            if line.endswith("\\"):
                logical += line[:-1].lstrip()
                continue
            logical += line.lstrip()
            match = re.match(r"([^=:\s]+)\s*[=:]?\s*(.*)", logical)
            logical = ""
            if not match:
                continue
            key, value = match.group(1), match.group(2)
            profile = None
            if key.startswith("%"):
                profile, _, key = key[1:].partition(".")
            entries.append((profile, key, value))
    return entries


def references(value):
    """(name, has_default) of each ${...} in a property value, nested ones included."""
    return [(m.group(1), m.group(2) == ":") for m in re.finditer(r"\$\{([^}:${]+)(:?)", value)]


def env_form(key):
    return re.sub(r"[^A-Za-z0-9]", "_", key).upper()


def is_env_name(name):
    return re.fullmatch(r"[A-Z][A-Z0-9_]*", name) is not None


def documented_variables(root):
    """The backticked variables of the README "Configuration" table, and the property keys the section names
    for tuning (`platform.uploads.max-image-bytes`, `platform.messaging.outbox.*`): (variables, keys)."""
    with open(os.path.join(root, "README.md"), encoding="utf-8") as f:
        text = f.read()
    section = re.search(r"^## Configuration\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    if not section:
        error("README.md", 'no "## Configuration" section')
        return set(), set()
    names = set()
    for line in section.group(1).splitlines():
        if line.startswith("|"):
            first_cell = line.split("|")[1]
            names.update(re.findall(r"`([A-Z][A-Z0-9_]*)`", first_cell))
    if not names:
        error("README.md", "no variables found in the Configuration table")
    keys = set(re.findall(r"`([a-z][a-z0-9-]*(?:\.[a-z0-9*-]+)+)`", section.group(1)))
    return names, keys


class ServiceConfig:
    """What one service reads (its own and the shared properties files) and so which variables it accepts."""

    def __init__(self, root, service, shared_files, documented, documented_keys):
        self.name = service
        own = os.path.join(root, service, "src/main/resources/application.properties")
        if not os.path.exists(own):
            error(service, f"{os.path.relpath(own, root)} is missing")
            own_entries = []
        else:
            own_entries = read_properties(own)
        entries = [e for path in shared_files for e in read_properties(path)] + own_entries
        effective = {}
        for profile, key, value in entries:  # later files (the service's own) override the shared defaults
            if profile is None:
                effective[key] = value
        keys = {key for _, key, _ in entries} | {k for k in documented_keys if not k.endswith(".*")}
        self.documented_prefixes = {env_form(k[:-1]) for k in documented_keys if k.endswith(".*")}
        referenced = {name for _, _, value in entries for name, _ in references(value) if is_env_name(name)}
        self.required = {name for value in effective.values() for name, has_default in references(value)
                         if is_env_name(name) and not has_default and name not in effective} | REQUIRED_VARIABLES
        self.allowed = (set(documented) | BUILTIN_VARIABLES | referenced | set(CODE_VARIABLES)
                        | {env_form(k) for k in keys if env_form(k).startswith(("QUARKUS_", "PLATFORM_", "MP_"))})
        self.effective = effective
        self.own = {key: value for profile, key, value in own_entries if profile is None}
        self.http_port = self.own.get("quarkus.http.port")
        self.management_port = self.own.get("quarkus.management.port")
        if not self.management_port:
            error(service, "application.properties sets no quarkus.management.port")
        if effective.get("quarkus.management.enabled") != "true":
            error(service, "quarkus.management.enabled is not true: /q/* would answer on the API's port")
        self.application_name = self.own.get("quarkus.application.name", service)

    def check_environment(self, where, variables):
        """variables: name -> value (None when the value is not known here, e.g. from an external Secret)."""
        for name in sorted(variables):
            if name not in self.allowed and not name.startswith(tuple(self.documented_prefixes)):
                error(where, f"environment variable {name} maps to no property {self.name} reads "
                             "(not in README Configuration, not referenced, no matching property key)")
        for name in sorted(self.required):
            if name not in variables:
                why = (f"{self.name} refuses to start without {CODE_VARIABLES[name]} outside the local and test "
                       "profiles") if name in REQUIRED_VARIABLES else \
                    f"{self.name} references ${{{name}}} without a default"
                error(where, f"required variable {name} is not set ({why})")
            elif variables[name] is not None and str(variables[name]).strip() == "":
                error(where, f"required variable {name} is empty")


def service_configs(root, services):
    """service -> ServiceConfig, from the shared modules' defaults and each service's own properties."""
    shared = sorted(glob.glob(os.path.join(root, "*/src/main/resources/META-INF/microprofile-config.properties")))
    documented, documented_keys = documented_variables(root)
    print(f"   README Configuration variables: {' '.join(sorted(documented))}")
    return {s: ServiceConfig(root, s, shared, documented, documented_keys) for s in services}
