#!/usr/bin/env bash
# Installs Patroni 4.x from Debian trixie into a private folder (default /var/lib/casedrill/patroni-4)
# with wrappers bin/patroni and bin/patronictl; its Python dependencies come from bookworm (installed
# by the caller). The machine's apt configuration is never changed: trixie is reached through a
# private sources list and lists dir. Used by install-stack-deps.sh (the local stack) and by the
# containers' patroni image, so both run the same Patroni from the same source.
# Idempotent: an installed Patroni is kept. Prints one line per step.
set -euo pipefail

PATRONI_HOME="${CASEDRILL_PATRONI_HOME:-/var/lib/casedrill/patroni-4}"
PATRONI_SUITE="${CASEDRILL_PATRONI_SUITE:-trixie}"
DEBIAN_MIRROR="${CASEDRILL_DEBIAN_MIRROR:-http://deb.debian.org/debian}"

if [ -x "$PATRONI_HOME/bin/patroni" ] && "$PATRONI_HOME/bin/patroni" --version >/dev/null 2>&1; then
  echo "install-patroni4: $("$PATRONI_HOME/bin/patroni" --version) present in $PATRONI_HOME"
  exit 0
fi

work="$PATRONI_HOME/apt"
rm -rf "$work" "$PATRONI_HOME/root"
install -d "$work/lists/partial" "$work/cache/archives/partial" "$work/debs" "$PATRONI_HOME/root" "$PATRONI_HOME/bin"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $DEBIAN_MIRROR $PATRONI_SUITE main" > "$work/sources.list"
private_apt=(
  -o "Dir::Etc::sourcelist=$work/sources.list" -o "Dir::Etc::sourceparts=-"
  -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache"
  -o "APT::Get::List-Cleanup=0" -o "APT::Sandbox::User=root"
)
echo "install-patroni4: fetching patroni from Debian $PATRONI_SUITE"
apt-get "${private_apt[@]}" update -qq
(cd "$work/debs" && apt-get "${private_apt[@]}" download patroni >/dev/null)
deb="$(ls "$work/debs"/patroni_*.deb)"
dpkg -x "$deb" "$PATRONI_HOME/root"

# Python modules live under /usr/lib/python3/dist-packages of the unpacked tree.
cat > "$PATRONI_HOME/bin/patroni" <<WRAPPER
#!/bin/sh
PYTHONPATH="$PATRONI_HOME/root/usr/lib/python3/dist-packages\${PYTHONPATH:+:\$PYTHONPATH}" exec /usr/bin/python3 -c 'import sys; from patroni.__main__ import main; sys.argv[0] = "patroni"; sys.exit(main())' "\$@"
WRAPPER
cat > "$PATRONI_HOME/bin/patronictl" <<WRAPPER
#!/bin/sh
PYTHONPATH="$PATRONI_HOME/root/usr/lib/python3/dist-packages\${PYTHONPATH:+:\$PYTHONPATH}" exec /usr/bin/python3 -c 'import sys; from patroni.ctl import ctl; sys.argv[0] = "patronictl"; sys.exit(ctl())' "\$@"
WRAPPER
chmod 0755 "$PATRONI_HOME/bin/patroni" "$PATRONI_HOME/bin/patronictl"
chmod -R a+rX "$PATRONI_HOME"
echo "install-patroni4: $("$PATRONI_HOME/bin/patroni" --version) installed in $PATRONI_HOME ($(basename "$deb"))"
