#!/usr/bin/env bash
# The local development key pair for tokens (kept under .deploy/, out of git). Safe to repeat.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
JWT_DIR="$STATE/jwt"
if ! command -v openssl >/dev/null 2>&1; then
  log "installing openssl (Debian package openssl)"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >/dev/null
fi
if [ ! -f "$JWT_DIR/private.pem" ] || [ ! -f "$JWT_DIR/public.pem" ]; then
  mkdir -p "$JWT_DIR" && chmod 700 "$JWT_DIR"
  log "creating the local development key pair in $JWT_DIR"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$JWT_DIR/private.pem" 2>/dev/null
  openssl pkey -in "$JWT_DIR/private.pem" -pubout -out "$JWT_DIR/public.pem"
  chmod 600 "$JWT_DIR/private.pem"
fi
