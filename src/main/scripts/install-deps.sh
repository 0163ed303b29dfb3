#!/usr/bin/env bash
# Installs the Debian packages casedrill needs, once: runs `apt-get update` only when something
# is missing. Safe to run again; changes nothing when all is present.
set -euo pipefail

packages=(
  openjdk-17-jdk-headless   # build and run
  maven
  postgresql-15             # server binaries under /usr/lib/postgresql/15/bin
  etcd-server etcd-client   # the three-member etcd (dc1, dc2, witness)
  haproxy                   # db-routers and the gslb
  iproute2 iptables util-linux procps   # setpriv, ss, ps, partitions
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "casedrill: missing Debian packages: ${missing[*]} (run 'make deps' as root)" >&2
    exit 4
  fi
  echo "casedrill: installing ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
