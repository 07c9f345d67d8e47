#!/usr/bin/env bash
# Mints a bearer token signed with the local development key, for curl and for trying roles.
# Usage: deploy/local/token.sh ROLE TERRITORY [--unit UNIT] [--sub SUBJECT] [--name NAME] [--member-id ID] [--ttl SECONDS]
#   ROLE: resident member grid_worker organizer cppcc_staff handler leader integration
#   TERRITORY: division code the user acts in, e.g. 330421 (county), 330421003 (Huimin street), 330421003201 (a village)
# Only services started by deploy/local/up.sh accept these tokens (issuer urn:shangliang:local-dev).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [ $# -lt 2 ]; then sed -n '2,7p' "$0" >&2; exit 2; fi
role=$1 territory=$2; shift 2
unit="" sub="$role@$territory" name="" member="" ttl=3600
while [ $# -gt 0 ]; do
  case "$1" in
    --unit) unit=$2; shift 2 ;;
    --sub) sub=$2; shift 2 ;;
    --name) name=$2; shift 2 ;;
    --member-id) member=$2; shift 2 ;;
    --ttl) ttl=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
case " resident member grid_worker organizer cppcc_staff handler leader integration " in
  *" $role "*) ;;
  *) echo "unknown role $role" >&2; exit 2 ;;
esac
[[ "$territory" =~ ^[0-9]{6}([0-9]{3}){0,3}$ ]] || { echo "territory must be a division code of 6, 9, 12 or 15 digits" >&2; exit 2; }
"$ROOT/deploy/local/jwt.sh"
json_string() { local s=${1//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "$s"; }
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
claims="{\"iss\":\"urn:shangliang:local-dev\",\"aud\":\"shangliang\",\"sub\":$(json_string "$sub"),\"name\":$(json_string "${name:-$sub}")"
claims+=",\"groups\":[\"$role\"],\"territory\":\"$territory\",\"iat\":$now,\"exp\":$((now + ttl)),\"jti\":\"$(cat /proc/sys/kernel/random/uuid)\""
[ -n "$unit" ] && claims+=",\"unit\":$(json_string "$unit")"
[ -n "$member" ] && claims+=",\"member_id\":$(json_string "$member")"
claims+="}"
input="$(printf '%s' '{"alg":"RS256","typ":"JWT"}' | b64url).$(printf '%s' "$claims" | b64url)"
signature=$(printf '%s' "$input" | openssl dgst -sha256 -sign "$STATE/jwt/private.pem" -binary | b64url)
printf '%s.%s\n' "$input" "$signature"
