#!/usr/bin/env bash
# Validates docker-compose.yml and the Kubernetes overlays without a Docker engine or a cluster:
#   1. docker-compose config -q                      (the compose file is valid; without the environment it must
#                                                     refuse, naming JWT_*, the S3 secret, the console's
#                                                     CONSOLE_OIDC_* and order-service's provider token and
#                                                     payment webhook secret: nothing is trusted by default; with the
#                                                     explicit local opt-in deploy/compose/local.env it renders)
#   2. kubectl kustomize deploy/overlays/{dev,prod}  (both overlays render; prod with its images set by
#                                                     deploy/set-images.sh to stand-in values, in a copy)
#   3. deploy/check_config.py on the results (one module of deploy/checks per concern): probes, resources,
#      envFrom, Services, PDBs, HPA, Ingress, Jobs, pinned images, buckets, management ports, securityContexts,
#      NetworkPolicies; the event and dead-letter topics (with retention) and the Kafka ACL script against the
#      topic registry of platform-contracts; that every environment variable given to a service or the web
#      console is one it reads and every variable it requires is given; and the console's wiring (the APIs' and
#      S3's CORS allow its origin, its sign-in, none of the services' credentials); prod's Deployments run
#      exactly the stand-in registry/<service>:tag, and the images profile builds on the Dockerfiles' base.
#   4. deploy/checks/test_checks.py: each of those concerns still fails on a broken input.
#   5. the alert rules (deploy/observability): promtool checks them and runs their unit tests (and sees them fail
#      on a rule broken on purpose); the PrometheusRule holds the same groups.
# Installs nothing: docker-compose (Debian 1.29.2), kubectl (1.20+, with kustomize), promtool (Debian's prometheus)
# and python3 with PyYAML (Debian's docker-compose depends on python3-yaml) must be on PATH. Exits non-zero on any failure.
set -euo pipefail
# no __pycache__ left in deploy/checks
export PYTHONDONTWRITEBYTECODE=1
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

fail() {
  echo "deploy/check.sh: FAIL: $*" >&2
  exit 1
}

command -v docker-compose >/dev/null || fail "docker-compose is not on PATH (apt-get install -y --no-install-recommends docker-compose)"
command -v kubectl >/dev/null || fail "kubectl is not on PATH (apt-get install -y kubernetes-client)"
PYTHON=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import yaml' 2>/dev/null; then
    PYTHON=$candidate
    break
  fi
done
[[ -n "$PYTHON" ]] || fail "python3 with PyYAML is needed (apt-get install -y python3-yaml)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The compose file's own defaults, not whatever the calling shell exports (PG_PASSWORD, JWT_ISSUER...).
compose() {
  env -i PATH="$PATH" HOME="${HOME:-/tmp}" docker-compose --project-directory "$ROOT" -f "$ROOT/docker-compose.yml" "$@"
}

echo "== docker-compose $(docker-compose version --short 2>/dev/null || echo '?'): config"
if compose config -q 2>"$work/compose.err"; then
  fail "docker-compose.yml renders with an empty environment: it trusts someone by default"
fi
# each of these alone missing stops it, naming it
for required in JWT_ISSUER JWT_PUBLIC_KEY_LOCATION JWT_AUDIENCE S3_SECRET_KEY CONSOLE_OIDC_ISSUER CONSOLE_OIDC_CLIENT_ID \
    PLATFORM_PROVIDER_TOKEN PLATFORM_PAYMENTS_WEBHOOK_SECRET; do
  grep -v "^$required=" "$ROOT/deploy/compose/local.env" >"$work/without.env"
  if compose --env-file "$work/without.env" config -q 2>"$work/compose.err" || ! grep -q "$required" "$work/compose.err"; then
    cat "$work/compose.err" >&2
    fail "docker-compose.yml has a default for $required (it must be \${$required:?...})"
  fi
done
echo "   refuses to render unless JWT_ISSUER, JWT_PUBLIC_KEY_LOCATION, JWT_AUDIENCE, S3_SECRET_KEY, CONSOLE_OIDC_ISSUER, CONSOLE_OIDC_CLIENT_ID, PLATFORM_PROVIDER_TOKEN and PLATFORM_PAYMENTS_WEBHOOK_SECRET are given"
local_env=(--env-file "$ROOT/deploy/compose/local.env")
compose "${local_env[@]}" config -q 2>"$work/compose.err" || { cat "$work/compose.err" >&2; fail "docker-compose config rejected docker-compose.yml"; }
compose "${local_env[@]}" config >"$work/compose.yaml" 2>"$work/compose.err" || { cat "$work/compose.err" >&2; fail "docker-compose config failed"; }
echo "   docker-compose.yml is valid with the explicit local opt-in (deploy/compose/local.env)"

# prod names no image until the operator sets them (deploy/set-images.sh): rendered the same way, in a copy, with
# stand-ins no registry serves (.invalid is reserved), which the checks then expect on every Deployment
STANDIN_REGISTRY=registry.invalid/media-platform
STANDIN_TAG=0.0.0-check
cp -r deploy "$work/deploy"
if env -u IMAGE_REGISTRY -u IMAGE_TAG bash deploy/set-images.sh "$work/deploy/overlays/prod" >/dev/null 2>&1; then
  fail "deploy/set-images.sh ran without IMAGE_REGISTRY and IMAGE_TAG"
fi
IMAGE_REGISTRY=$STANDIN_REGISTRY IMAGE_TAG=$STANDIN_TAG bash deploy/set-images.sh "$work/deploy/overlays/prod" >/dev/null \
  || fail "deploy/set-images.sh failed"
for overlay in dev prod; do
  source_dir=deploy/overlays/$overlay
  [[ $overlay == prod ]] && source_dir=$work/deploy/overlays/prod
  echo "== kubectl kustomize deploy/overlays/$overlay$([[ $overlay == prod ]] && echo " (images: $STANDIN_REGISTRY/<service>:$STANDIN_TAG)")"
  # stderr carries kustomize's deprecation warnings (the fields kept for kubectl 1.20); shown only on failure
  kubectl kustomize "$source_dir" >"$work/$overlay.yaml" 2>"$work/$overlay.err" \
    || { cat "$work/$overlay.err" >&2; fail "deploy/overlays/$overlay does not render"; }
  echo "   rendered $(grep -c '^kind:' "$work/$overlay.yaml") objects"
done

echo "== alert rules (deploy/observability)"
command -v promtool >/dev/null || fail "promtool is not on PATH (apt-get install -y --no-install-recommends prometheus)"
promtool check rules deploy/observability/alerts.rules.yaml >"$work/promtool.out" 2>&1 \
  || { cat "$work/promtool.out" >&2; fail "deploy/observability/alerts.rules.yaml is not a valid rule file"; }
"$PYTHON" - "$ROOT/deploy/observability" <<'PY' || fail "prometheus-rule.yaml's spec.groups differ from alerts.rules.yaml's groups"
import sys, yaml
folder = sys.argv[1]
rules = yaml.safe_load(open(folder + "/alerts.rules.yaml"))["groups"]
resource = yaml.safe_load(open(folder + "/prometheus-rule.yaml"))
sys.exit(0 if resource["kind"] == "PrometheusRule" and resource["spec"]["groups"] == rules else 1)
PY
(cd deploy/observability && promtool test rules alerts.test.yaml >"$work/promtool.out" 2>&1) \
  || { cat "$work/promtool.out" >&2; fail "the alert rules' unit tests failed"; }
# the tests must catch a broken rule: with PendingUploadsPiling's threshold raised they fail
mkdir -p "$work/broken-rules"
sed 's/sum(assets_pending_uploads) > 100/sum(assets_pending_uploads) > 1000/' deploy/observability/alerts.rules.yaml \
  >"$work/broken-rules/alerts.rules.yaml"
cp deploy/observability/alerts.test.yaml "$work/broken-rules/"
if (cd "$work/broken-rules" && promtool test rules alerts.test.yaml >/dev/null 2>&1); then
  fail "the alert rules' unit tests pass on a broken rule"
fi
kubectl kustomize deploy/observability >"$work/observability.yaml" 2>"$work/observability.err" \
  || { cat "$work/observability.err" >&2; fail "deploy/observability does not render"; }
echo "   $(grep -c -- '- alert:' deploy/observability/alerts.rules.yaml) alerts valid, unit-tested (a broken one fails), the PrometheusRule equal"

echo "== checking contents"
"$PYTHON" "$ROOT/deploy/check_config.py" "$ROOT" "$work/compose.yaml" "dev=$work/dev.yaml" \
  "prod=$work/prod.yaml,$STANDIN_REGISTRY,$STANDIN_TAG" \
  || fail "see the problems listed above"

echo "== the checks' own tests (each concern fails on a broken input)"
(cd "$ROOT/deploy" && COMPOSE_YAML="$work/compose.yaml" DEV_YAML="$work/dev.yaml" PROD_YAML="$work/prod.yaml" \
  PROD_IMAGES="$STANDIN_REGISTRY,$STANDIN_TAG" "$PYTHON" -m unittest -q checks.test_checks) || fail "deploy/checks/test_checks.py failed"
echo "deploy/check.sh: OK"
