#!/usr/bin/env bash
# Points an overlay (by default deploy/overlays/prod) at the images the operator pushed:
#   IMAGE_REGISTRY=registry.example.com/media-platform IMAGE_TAG=0.1.0 deploy/set-images.sh [OVERLAY_DIR]
# Each Deployment's media-platform/<service> becomes $IMAGE_REGISTRY/<service>:$IMAGE_TAG, the names `mvn -Pimages`
# gives them (deploy/README.md "Images"). What `kustomize edit set image` does, written by hand: kubectl's built-in
# kustomize has no `edit`, and this keeps the overlay's comments. It replaces everything from the marker line on, so
# running it again with other values leaves one set; the committed overlay stops at the marker and sets no image.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OVERLAY=${1:-$ROOT/deploy/overlays/prod}
KUSTOMIZATION=$OVERLAY/kustomization.yaml
MARKER="# Images: set by deploy/set-images.sh"
DEPLOYABLES="asset-service variant-worker document-service catalog-service order-service web-console"

fail() {
  echo "deploy/set-images.sh: $*" >&2
  exit 1
}

[[ -n "${IMAGE_REGISTRY:-}" ]] || fail "IMAGE_REGISTRY is not set (e.g. registry.example.com/media-platform)"
[[ -n "${IMAGE_TAG:-}" ]] || fail "IMAGE_TAG is not set (the version pushed, e.g. 0.1.0)"
# a registry host with an optional port and path, no tag and no trailing slash: the tag is IMAGE_TAG's
[[ "$IMAGE_REGISTRY" =~ ^[a-z0-9][a-z0-9.-]*(:[0-9]+)?(/[a-z0-9._-]+)*$ ]] \
  || fail "IMAGE_REGISTRY '$IMAGE_REGISTRY' is not a registry[:port][/path] (lower case, no tag, no trailing slash)"
# Docker's tag grammar; latest is no version (and deploy/check.sh refuses it)
[[ "$IMAGE_TAG" =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$ && "$IMAGE_TAG" != latest ]] \
  || fail "IMAGE_TAG '$IMAGE_TAG' is not a version tag"
[[ -f "$KUSTOMIZATION" ]] || fail "$KUSTOMIZATION does not exist"
grep -qxF "$MARKER" "$KUSTOMIZATION" || fail "$KUSTOMIZATION has no line '$MARKER' to set the images after"

{
  sed "/^$(printf '%s' "$MARKER" | sed 's/[]\/.*^$[]/\\&/g')\$/,\$d" "$KUSTOMIZATION"
  echo "$MARKER"
  echo "images:"
  for service in $DEPLOYABLES; do
    echo "  - name: media-platform/$service"
    echo "    newName: $IMAGE_REGISTRY/$service"
    echo "    newTag: \"$IMAGE_TAG\""
  done
} >"$KUSTOMIZATION.new"
mv "$KUSTOMIZATION.new" "$KUSTOMIZATION"
echo "deploy/set-images.sh: $KUSTOMIZATION sets $IMAGE_REGISTRY/<service>:$IMAGE_TAG"
