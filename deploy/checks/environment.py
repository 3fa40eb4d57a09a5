"""The environment given to a service against the properties it reads: the project-specific cross-check.

What a service reads comes from the source of truth, not from a list kept here: each service's
src/main/resources/application.properties plus the META-INF/microprofile-config.properties of the repository's
modules it runs with (its pom.xml's compile and runtime dependencies, transitively; the web console, for one,
runs with platform-web only). An environment variable given to a service is allowed when it is
  - a variable of README "Configuration", which describes the platform's services (not the web console), or
  - referenced as ${NAME...} in those files, or
  - the environment form of a property key there or among the tuning keys README "Configuration" names
    (MicroProfile Config: every character that is not a letter
    or digit becomes '_', upper case; e.g. QUARKUS_HTTP_PORT for quarkus.http.port), starting QUARKUS_,
    PLATFORM_ or MP_, or
  - QUARKUS_PROFILE (Quarkus's profile selector: the local profile accepts the local token issuer), or
  - the environment form of a key of a @ConfigMapping interface in the service's own code (its prefix and the
    interface's methods, nested groups included: platform.orders.checkout-url for OrdersConfig.checkoutUrl()), or
  - the environment form of a key of a Quarkus extension the service runs with (EXTENSION_KEYS: quarkus-mailer's
    quarkus.mailer.host and the others a deployment sets), or
  - one of CODE_VARIABLES: read through code (a @ConfigMapping default, a MicroProfile JWT setting) rather than
    a properties line.
A variable is required when a non-profile property's effective value references ${NAME} without a default, or
when it is in REQUIRED_VARIABLES (the services refuse to start without it outside the local and test profiles),
or when a @ConfigMapping method of the service's code has no @WithDefault, is not Optional and no properties line
gives it a value (SmallRye Config refuses to start); a value given in a profile's properties
(%local.platform.orders.checkout-url) lets a deployment running that profile leave it out.
Token verification (mp.jwt.*, smallrye.jwt.*, and the variables read for it in code) counts only where it is on:
the console turns smallrye-jwt off, so it neither reads nor requires JWT_*. The console's sign-in settings are
required the way its SignInGuard requires them (SIGN_IN).
"""
import glob
import os
import re
import xml.etree.ElementTree as ElementTree

from checks.common import SERVICES, error

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
# Properties of token verification (platform-web's), unread where quarkus.smallrye-jwt.enabled=false.
TOKEN_PROPERTIES = ("mp.jwt.", "smallrye.jwt.", "platform.security.")
# The console's sign-in (web-console's SignInGuard): OpenID Connect, the default, refuses to start without an
# issuer and a client id; local sign-in (a token for any name typed in) only in the local profile, and with the
# local platform's home, whose jwt/ holds the key it signs with. The variables are those the properties reference.
SIGN_IN = {"mode": "platform.console.auth.mode", "issuer": "platform.console.auth.issuer",
           "client_id": "platform.console.auth.client-id", "home": "platform.console.auth.local-home"}
# Settings only a local or test deployment may turn on, with why: outside those profiles they are refused.
LOCAL_ONLY = {"PLATFORM_WEBHOOKS_ALLOW_PRIVATE_TARGETS": "users' webhooks could then reach http and private, "
                                                         "loopback and internal addresses (SSRF)"}
LOCAL_PROFILES = {"local", "test"}
# Where a deployment may sign in locally (the console also allows its tests' profile).
LOCAL_SIGN_IN_PROFILES = {"local"}
POM = "{http://maven.apache.org/POM/4.0.0}"
# Keys of Quarkus extensions' own configuration a deployment may set, for a service that runs with the extension
# (its pom's dependencies); the complete lists are the extensions' (e.g. https://quarkus.io/guides/mailer).
EXTENSION_KEYS = {
    "quarkus-mailer": {f"quarkus.mailer.{key}" for key in (
        "from", "host", "port", "username", "password", "start-tls", "login", "tls", "ssl", "trust-all",
        "auth-methods", "tls-configuration-name", "max-pool-size", "keep-alive", "mock")},
}


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


def variable_of(value):
    """(NAME, default or None) of a property value that is exactly ${NAME} or ${NAME:default}; else (None, value)."""
    match = re.fullmatch(r"\$\{([A-Z][A-Z0-9_]*)(?::([^}]*))?\}", value.strip())
    return (match.group(1), match.group(2)) if match else (None, value)


def project_modules(root):
    """artifactId -> directory of the repository's Maven modules (top level and one level down)."""
    modules = {}
    for path in sorted(glob.glob(os.path.join(root, "*/pom.xml")) + glob.glob(os.path.join(root, "*/*/pom.xml"))):
        try:
            artifact = ElementTree.parse(path).getroot().findtext(f"{POM}artifactId")
        except ElementTree.ParseError as e:
            error(os.path.relpath(path, root), f"cannot be read: {e}")
            continue
        if artifact:
            modules.setdefault(artifact.strip(), os.path.dirname(path))
    return modules


def runs_with(module, modules):
    """The artifactIds a module runs with: its pom's compile and runtime dependencies, and those of the
    repository's modules among them, transitively (test and provided scopes are not on the runtime classpath)."""
    seen, pending, artifacts = set(), [module], set()
    while pending:
        name = pending.pop()
        if name in seen or name not in modules:
            continue
        seen.add(name)
        pom = ElementTree.parse(os.path.join(modules[name], "pom.xml")).getroot()
        for dependency in pom.findall(f"{POM}dependencies/{POM}dependency"):
            if (dependency.findtext(f"{POM}scope") or "compile").strip() not in ("compile", "runtime"):
                continue
            artifact = (dependency.findtext(f"{POM}artifactId") or "").strip()
            artifacts.add(artifact)
            pending.append(artifact)
    return artifacts


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


def _without_comments(text):
    """Java source without comments, and without braces or semicolons inside string literals (a default such as
    "${platform.storage.public-endpoint}/styles"), so that braces and semicolons are the code's own. One pass, so
    that "//" in a string ("http://...") is no comment and a quote in a comment opens no string."""
    def clean(match):
        token = match.group(0)
        return re.sub(r"[{};]", "", token) if token.startswith('"') else " "
    return re.sub(r'"(?:[^"\\\n]|\\.)*"|/\*.*?\*/|//[^\n]*', clean, text, flags=re.S)


def _top_level(body):
    """The members of a Java type body at its own level: ("member", declaration) for each one ending in ';' and
    ("block", declaration, inner body) for each one with a body (a nested type, a default method)."""
    members, depth, start, head = [], 0, 0, ""
    for index, char in enumerate(body):
        if char == "{":
            if depth == 0:
                head, start = body[start:index], index + 1
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                members.append(("block", head.strip(), body[start:index]))
                start = index + 1
        elif char == ";" and depth == 0:
            members.append(("member", body[start:index].strip()))
            start = index + 1
    return members


def kebab(name):
    """SmallRye Config's property name of a mapping method: maxAttempts -> max-attempts."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", name).lower()


def mapping_keys(prefix, body, groups):
    """(key, required) of each method of a @ConfigMapping interface body; groups: nested interfaces of the file
    by name, whose methods continue the key."""
    keys = []
    for member in _top_level(body):
        if member[0] != "member":
            continue
        declaration = member[1]
        annotations = " ".join(re.findall(r"@\w+(?:\([^)]*\))?", declaration))
        signature = re.sub(r"@\w+(?:\([^)]*\))?", " ", declaration).strip()
        match = re.fullmatch(r"(?:public\s+)?([\w.<>?,\s\[\]]+?)\s+(\w+)\(\s*\)", signature, re.S)
        if not match or re.search(r"\b(static|default)\b", signature):
            continue
        kind, method = re.sub(r"\s+", "", match.group(1)), match.group(2)
        named = re.search(r'@WithName\("([^"]+)"\)', annotations)
        key = prefix if "@WithParentName" in annotations else f"{prefix}.{named.group(1) if named else kebab(method)}"
        if kind in groups:
            keys.extend(mapping_keys(key, groups[kind], groups))
            continue
        # an absent Optional is empty, an absent collection or map is empty: only the others must have a value
        optional = kind.startswith(("Optional", "Map", "List", "Set"))
        keys.append((key + (".*" if kind.startswith("Map") else ""),
                     not optional and "@WithDefault" not in annotations))
    return keys


def config_mappings(module_dir):
    """(key, required) of every @ConfigMapping interface in a module's main code. A key ending in .* is a map's."""
    keys = []
    for path in sorted(glob.glob(os.path.join(module_dir, "src/main/java/**/*.java"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            text = _without_comments(f.read())
        mapping = re.search(r'@ConfigMapping\(\s*prefix\s*=\s*"([^"]+)"[^)]*\)[^{]*?\binterface\s+(\w+)[^{]*\{', text)
        if not mapping:
            continue
        # the interface's own body: from after its opening brace up to the matching closing one
        body = text[mapping.end():]
        depth, end = 1, len(body)
        for index, char in enumerate(body):
            depth += {"{": 1, "}": -1}.get(char, 0)
            if depth == 0:
                end = index
                break
        body = body[:end]
        groups = {m[1].split("interface", 1)[1].split()[0]: m[2] for m in _top_level(body)
                  if m[0] == "block" and re.search(r"\binterface\s+\w+", m[1])}
        keys.extend(mapping_keys(mapping.group(1), body, groups))
    return keys


class ServiceConfig:
    """What one service reads (its own and its modules' properties files) and so which variables it accepts."""

    def __init__(self, root, service, shared_files, documented, documented_keys, artifacts=()):
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
        # Token verification is read only where it is on (the console turns it off: the APIs verify tokens).
        self.reads_tokens = (any(key.startswith(TOKEN_PROPERTIES) for _, key, _ in entries)
                             and effective.get("quarkus.smallrye-jwt.enabled", "true") != "false")
        if not self.reads_tokens:
            entries = [e for e in entries if not e[1].startswith(TOKEN_PROPERTIES)]
            effective = {k: v for k, v in effective.items() if not k.startswith(TOKEN_PROPERTIES)}
        code_variables = {name: key for name, key in CODE_VARIABLES.items()
                          if self.reads_tokens or not key.startswith(TOKEN_PROPERTIES)}
        required_variables = {name for name in REQUIRED_VARIABLES if name in code_variables}
        keys = {key for _, key, _ in entries} | {k for k in documented_keys if not k.endswith(".*")}
        self.documented_prefixes = {env_form(k[:-1]) for k in documented_keys if k.endswith(".*")}
        referenced = {name for _, _, value in entries for name, _ in references(value) if is_env_name(name)}
        self.required = {name for value in effective.values() for name, has_default in references(value)
                         if is_env_name(name) and not has_default and name not in effective} | required_variables
        self.required_in_code = required_variables
        self.code_variables = code_variables
        # What the service's own @ConfigMapping interfaces read, and the Quarkus extensions it runs with.
        mappings = config_mappings(os.path.join(root, service))
        keys |= {key for key, _ in mappings if not key.endswith(".*")}
        keys |= {key for artifact in artifacts for key in EXTENSION_KEYS.get(artifact, ())}
        self.documented_prefixes |= {env_form(key[:-1]) for key, _ in mappings if key.endswith(".*")}
        # A mapping's key without a default: required, unless a properties line gives it a value; a profile's
        # line (%local.key) spares deployments running that profile.
        self.required_unless_profile = {}
        for key, required in mappings:
            if required and key not in effective:
                self.required_unless_profile[env_form(key)] = {profile for profile, k, _ in entries
                                                               if profile is not None and k == key}
        self.allowed = (set(documented) | BUILTIN_VARIABLES | referenced | set(code_variables)
                        | {env_form(k) for k in keys if env_form(k).startswith(("QUARKUS_", "PLATFORM_", "MP_"))})
        self.effective = effective
        self.profiled = {(profile, key): value for profile, key, value in entries if profile is not None}
        self.own = {key: value for profile, key, value in own_entries if profile is None}
        self.http_port = self.own.get("quarkus.http.port")
        self.management_port = self.own.get("quarkus.management.port")
        # /q/metrics exists only with Micrometer's Prometheus registry on the classpath
        self.metrics = any(a.startswith("quarkus-micrometer-registry-prometheus") for a in artifacts)
        if not self.management_port:
            error(service, "application.properties sets no quarkus.management.port")
        if effective.get("quarkus.management.enabled") != "true":
            error(service, "quarkus.management.enabled is not true: /q/* would answer on the API's port")
        self.application_name = self.own.get("quarkus.application.name", service)
        self.sign_in = None
        if SIGN_IN["mode"] in effective:
            self.sign_in = {part: variable_of(effective.get(key, ""))[0] for part, key in SIGN_IN.items()}
            missing = sorted(part for part, name in self.sign_in.items() if not name)
            if missing:
                error(service, f"the sign-in properties {', '.join(SIGN_IN[p] for p in missing)} name no variable")
                self.sign_in = None

    def describe_required(self):
        required = " ".join(sorted(self.required | set(self.required_unless_profile))) or "nothing"
        if self.sign_in:
            required += (f"; OpenID Connect sign-in needs {self.sign_in['issuer']} {self.sign_in['client_id']}, "
                         f"local sign-in ({self.sign_in['mode']}=local, local profile only) {self.sign_in['home']}")
        return required

    def sign_in_mode(self, variables):
        """The sign-in mode the given environment selects (None when it cannot be known here)."""
        profile = variables.get("QUARKUS_PROFILE", "prod")
        name = self.sign_in["mode"]
        if name in variables:
            return variables[name]
        # no variable: the property's default in the active profile
        value = self.profiled.get((profile, SIGN_IN["mode"]), self.effective[SIGN_IN["mode"]])
        return variable_of(value)[1]

    def check_sign_in(self, where, variables):
        mode = self.sign_in_mode(variables)
        profile = variables.get("QUARKUS_PROFILE", "prod")
        if mode is None:
            return
        if str(mode).strip().lower() == "local":
            if profile is not None and profile not in LOCAL_SIGN_IN_PROFILES:
                error(where, f"{self.sign_in['mode']}=local (local sign-in: anyone may act as any user) in profile "
                             f"{profile}: {self.name} refuses to start outside the local profile")
            wanted = [(self.sign_in["home"], "local sign-in signs with the key in its jwt/")]
        else:
            wanted = [(self.sign_in[part], "OpenID Connect sign-in") for part in ("issuer", "client_id")]
        for name, why in wanted:
            if name not in variables:
                error(where, f"required variable {name} is not set ({self.name} refuses to start without it: {why})")
            elif variables[name] is not None and str(variables[name]).strip() == "":
                error(where, f"required variable {name} is empty ({why})")

    def check_environment(self, where, variables):
        """variables: name -> value (None when the value is not known here, e.g. from an external Secret)."""
        for name in sorted(variables):
            if name not in self.allowed and not name.startswith(tuple(self.documented_prefixes)):
                error(where, f"environment variable {name} maps to no property {self.name} reads "
                             "(not in README Configuration, not referenced, no matching property key)")
        for name in sorted(self.required):
            if name not in variables:
                why = (f"{self.name} refuses to start without {self.code_variables[name]} outside the local and "
                       "test profiles") if name in self.required_in_code else \
                    f"{self.name} references ${{{name}}} without a default"
                error(where, f"required variable {name} is not set ({why})")
            elif variables[name] is not None and str(variables[name]).strip() == "":
                error(where, f"required variable {name} is empty")
        profile = variables.get("QUARKUS_PROFILE") or "prod"
        for name, why in LOCAL_ONLY.items():
            if profile not in LOCAL_PROFILES and str(variables.get(name)).strip().lower() == "true":
                error(where, f"{name}=true in profile {profile}: {why}")
        for name, profiles in sorted(self.required_unless_profile.items()):
            if profile in profiles:
                continue
            if name not in variables:
                error(where, f"required variable {name} is not set ({self.name}'s configuration has no default for "
                             f"it{' outside the profiles ' + ', '.join(sorted(profiles)) if profiles else ''}: it "
                             "refuses to start without it)")
            elif variables[name] is not None and str(variables[name]).strip() == "":
                error(where, f"required variable {name} is empty")
        if self.sign_in:
            self.check_sign_in(where, variables)


def service_configs(root, services):
    """service -> ServiceConfig, from the properties of the modules it runs with and its own. README
    "Configuration" (its variables and tuning keys) describes the platform's services only."""
    modules = project_modules(root)
    documented, documented_keys = documented_variables(root)
    print(f"   README Configuration variables: {' '.join(sorted(documented))}")
    configs = {}
    for service in services:
        artifacts = runs_with(service, modules)
        candidates = [os.path.join(modules[a], "src/main/resources/META-INF/microprofile-config.properties")
                      for a in artifacts if a in modules]
        shared = sorted(path for path in candidates if os.path.exists(path))
        platform = service in SERVICES
        configs[service] = ServiceConfig(root, service, shared, documented if platform else set(),
                                         documented_keys if platform else set(), artifacts)
    return configs
