#!/usr/bin/env bash
# Installs what the local two-DC stack needs on a fresh Debian bookworm machine (run as root):
# PostgreSQL 15, etcd, HAProxy and Patroni's Python dependencies from the machine's own Debian
# sources (bookworm's patroni 3.0.2 too, for the "3.0.2" variant), and Patroni 4.x from Debian
# trixie unpacked into a private folder (Debian's patroni.service needs /etc/patroni/config.yml,
# so it never starts). The machine's apt configuration is never changed: trixie is reached
# through a private sources list and lists dir.
# Idempotent: anything already present is skipped. Prints one line per step.
set -euo pipefail

PATRONI_HOME="${CASEDRILL_PATRONI_HOME:-/var/lib/casedrill/patroni-4}"
PATRONI_SUITE="${CASEDRILL_PATRONI_SUITE:-trixie}"
DEBIAN_MIRROR="${CASEDRILL_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
STACK_USER=casedrill
# One user per site of the two-DC topology: iptables owner rules tell the sites' traffic apart,
# which makes partitions exact (see casedrill.stack.local.PartitionRules).
SITE_USERS=(casedrill-dc1 casedrill-dc2 casedrill-witness casedrill-edge)

if [ "$(id -u)" -ne 0 ]; then
  echo "install-stack-deps: must run as root (apt-get install, useradd)" >&2
  exit 1
fi

debian_packages=(
  postgresql-15 etcd-server etcd-client haproxy util-linux procps iptables iproute2 patroni
  openssh-server openssh-client
  python3 python3-psycopg2 python3-urllib3 python3-yaml python3-click python3-prettytable
  python3-dateutil python3-psutil python3-cdiff python3-etcd python3-dnspython
)
missing=()
for p in "${debian_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-stack-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "install-stack-deps: Debian packages present"
fi

if ! id "$STACK_USER" >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/casedrill --shell /usr/sbin/nologin "$STACK_USER"
  echo "install-stack-deps: created system user $STACK_USER"
fi
for u in "${SITE_USERS[@]}"; do
  if ! id "$u" >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/casedrill --shell /usr/sbin/nologin "$u"
    echo "install-stack-deps: created site user $u"
  fi
done
install -d -m 0755 /var/lib/casedrill /var/tmp/casedrill

# Patroni 4.x from Debian trixie, unpacked privately; the containers' patroni image runs the same script.
CASEDRILL_PATRONI_HOME="$PATRONI_HOME" CASEDRILL_PATRONI_SUITE="$PATRONI_SUITE" CASEDRILL_DEBIAN_MIRROR="$DEBIAN_MIRROR" \
  "$(dirname "$0")/install-patroni4.sh"
