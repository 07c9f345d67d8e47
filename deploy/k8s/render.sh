#!/usr/bin/env bash
# Renders the kustomize base and every overlay into OUT_DIR (default deploy/target/k8s), one file
# each, with the built-in kustomize of kubectl from Debian's packages (kubernetes-client, kustomize
# v2): the oldest kustomize these files must work with. The package is unpacked under .deploy/tools,
# never installed, so the machine's own kubectl (if any) is left alone; KUBECTL=... picks another.
# Usage: deploy/k8s/render.sh [OUT_DIR]
source "$(dirname "${BASH_SOURCE[0]}")/../local/lib.sh"
OUT="${1:-$ROOT/deploy/target/k8s}"
K8S="$ROOT/deploy/k8s"

KUBECTL="${KUBECTL:-$(debian_tool kubernetes-client usr/bin/kubectl)}"
mkdir -p "$OUT"
"$KUBECTL" kustomize "$K8S/base" > "$OUT/base.yaml"
for overlay in "$K8S"/overlays/*/; do
  name="$(basename "$overlay")"
  "$KUBECTL" kustomize "$overlay" > "$OUT/$name.yaml"
done
"$KUBECTL" version --client 2>/dev/null | head -1 > "$OUT/kubectl-version.txt"
ls "$OUT"/*.yaml
