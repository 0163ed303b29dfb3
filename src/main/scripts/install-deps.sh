#!/usr/bin/env bash
# Installs what casedrill needs, once: the Debian packages (one `apt-get update`, only when
# something is missing), then the stack's user and Patroni 4.x. Safe to run again.
set -euo pipefail

packages=(
  openjdk-17-jdk-headless   # build and run
  maven
  postgresql-15             # server binaries under /usr/lib/postgresql/15/bin
  etcd-server etcd-client   # the three-member etcd (dc1, dc2, witness)
  haproxy                   # db-routers and the gslb
  chromium fonts-dejavu-core   # headless check of report.html (ReportBrowserTest), print-to-PDF; fonts for its text
  iproute2 iptables util-linux procps   # setpriv, ss, ps, partitions
  python3 python3-psycopg2 python3-urllib3 python3-yaml python3-click python3-prettytable   # Patroni's
  python3-dateutil python3-psutil python3-cdiff python3-etcd python3-dnspython              # dependencies
  openssh-server openssh-client   # the remote provider's SSH node control, tested against a real sshd on loopback
  patroni                   # bookworm's 3.0.2 (/usr/bin/patroni): the stack's "3.0.2" variant
)

# The containers provider (make deps PROVIDER=containers): a Docker engine, and debootstrap for the local
# base image (no registry is ever used; see docs/containers.md).
if [ "${PROVIDER:-local}" = containers ]; then
  packages+=(docker.io debootstrap)
fi

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

# The stack's system user, one user per site (exact partitions) and Patroni 4.x (from Debian trixie, unpacked privately).
"$(dirname "$0")/install-stack-deps.sh"
