#!/usr/bin/env bash
# Builds casedrill/toxiproxy:local, an image of casedrill's embedded Toxiproxy server shaped like
# ghcr.io/shopify/toxiproxy (ENTRYPOINT the server, CMD -host=0.0.0.0, API on 8474), without a
# registry: a jlink'd Java runtime, the host's shared libraries it links against and the jar go
# into a tar that `docker import` turns into a one-layer image.
#
# Usage: src/test/docker/build-toxiproxy-image.sh [JAR] [IMAGE]
#   JAR    default target/casedrill.jar (build it first: mvn -B -o package -DskipTests)
#   IMAGE  default casedrill/toxiproxy:local
# Skips the build when IMAGE already holds this jar (compared by the sha256 label).
set -euo pipefail

jar=${1:-target/casedrill.jar}
image=${2:-casedrill/toxiproxy:local}
# The server's own modules plus what Boot's launcher and the CLI load when starting it.
modules=java.base,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,java.desktop,java.instrument,java.security.jgss,jdk.unsupported,jdk.crypto.ec,jdk.management,jdk.zipfs,jdk.localedata

if [[ ! -f $jar ]]; then
    echo "build-toxiproxy-image: $jar not found; build it with: mvn -B -o package -DskipTests" >&2
    exit 1
fi
if ! docker info >/dev/null 2>&1; then
    echo "build-toxiproxy-image: no Docker engine answers (start one with src/main/docker/dockerd.sh start)" >&2
    exit 1
fi

jar_sha=$(sha256sum "$jar" | cut -d' ' -f1)
script_sha=$(sha256sum "$0" | cut -d' ' -f1)
built=$(docker image inspect -f '{{index .Config.Labels "casedrill.jar.sha256"}} {{index .Config.Labels "casedrill.build.sha256"}}' "$image" 2>/dev/null || true)
if [[ $built == "$jar_sha $script_sha" ]]; then
    echo "build-toxiproxy-image: $image is up to date with $jar"
    exit 0
fi

java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

"$java_home/bin/jlink" --add-modules "$modules" --include-locales=en --strip-debug \
    --no-man-pages --no-header-files --output "$root/opt/java"
cp "$jar" "$root/casedrill.jar"

# Every shared library the runtime links against, at the path the dynamic loader looks for it
# (dereferenced: the host's /lib and /lib64 are symlinks into /usr).
find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} + 2>/dev/null \
    | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' \
    | grep -v "^$root" | sort -u \
    | while read -r lib; do
        mkdir -p "$root$(dirname "$lib")"
        cp -L "$lib" "$root$lib"
    done
mkdir -p "$root/tmp" "$root/etc"
chmod 1777 "$root/tmp"

# Serial GC and C1 only: a test fixture that should start fast and stay small.
tar -C "$root" -c . | docker import \
    -c 'ENTRYPOINT ["/opt/java/bin/java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", "/casedrill.jar", "toxiproxy"]' \
    -c 'CMD ["-host=0.0.0.0"]' \
    -c 'EXPOSE 8474' \
    -c "LABEL casedrill.jar.sha256=$jar_sha casedrill.build.sha256=$script_sha" \
    - "$image" >/dev/null
echo "build-toxiproxy-image: built $image ($(du -sh "$root" | cut -f1) from $jar)"
