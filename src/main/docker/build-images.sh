#!/usr/bin/env bash
# Builds the containers provider's images without any registry (issue #18):
#   local/debian:bookworm    debootstrap --variant=minbase, then `docker import`, with the host's Debian
#                            apt sources (the ones the local stack installs from); built only when missing
#   casedrill/<image>:<hash12> and :latest for each folder next to this script (etcd, patroni, haproxy,
#                            casedrill), FROM the base, apt-get of the folder's `packages` list.
# Each image carries the label casedrill.inputs=<sha256 of its build context and the base image id>;
# an image with that label is reused, not rebuilt. Writes target/images/manifest.json (read by
# casedrill.stack.containers.Images). Never pulls: the base is local and builds run with --pull=false.
#
# Usage: src/main/docker/build-images.sh [JAR]   (JAR default target/casedrill.jar; root for debootstrap)
# Exit 4 when no Docker engine answers or debootstrap is missing, 1 on a failed build.
set -euo pipefail
cd "$(dirname "$0")/../../.."

jar=${1:-target/casedrill.jar}
base=local/debian:bookworm
suite=bookworm
mirror=${CASEDRILL_DEBIAN_MIRROR:-http://deb.debian.org/debian}
host_sources=${CASEDRILL_APT_SOURCES:-/etc/apt/sources.list.d/debian.sources}
out=target/images
images=(etcd patroni haproxy casedrill)
# Which image runs which node kind of the topology (casedrill.topology.NodeKind ids).
declare -A roles=([etcd]="etcd" [patroni]="postgres" [haproxy]="db-router gslb" [casedrill]="app toxiproxy")
export DOCKER_BUILDKIT=0

if ! docker info >/dev/null 2>&1; then
    echo "build-images: no Docker engine answers; install docker.io (make deps PROVIDER=containers) and start dockerd (src/main/docker/dockerd.sh start)" >&2
    exit 4
fi
if [[ ! -f $jar ]]; then
    echo "build-images: $jar not found; build it with: mvn -B -o package -DskipTests" >&2
    exit 1
fi

seconds() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(seconds)" 'BEGIN { printf "%.1f", b - a }'; }
all_start=$(seconds)
mkdir -p "$out"

build_base() {
    if ! command -v debootstrap >/dev/null; then
        echo "build-images: debootstrap not found; install it with: apt-get install debootstrap" >&2
        exit 4
    fi
    local start rootfs
    start=$(seconds)
    rootfs=$(mktemp -d /var/tmp/casedrill-rootfs.XXXXXX)
    debootstrap --variant=minbase "$suite" "$rootfs" "$mirror" >"$out/debootstrap.log" 2>&1 \
        || { echo "build-images: debootstrap failed; see $out/debootstrap.log" >&2; exit 1; }
    # The local stack's packages come from the host's Debian sources (updates and security included).
    rm -f "$rootfs/etc/apt/sources.list"
    cp "$host_sources" "$rootfs/etc/apt/sources.list.d/debian.sources"
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    tar -C "$rootfs" -c . | docker import -c 'CMD ["/bin/bash"]' - "$base" >/dev/null
    rm -rf "$rootfs"
    echo "build-images: $base $(docker image inspect -f '{{.Id}}' "$base") built in $(elapsed "$start") s"
}

if docker image inspect "$base" >/dev/null 2>&1; then
    echo "build-images: $base $(docker image inspect -f '{{.Id}}' "$base") reused"
else
    build_base
fi
base_id=$(docker image inspect -f '{{.Id}}' "$base")

# The build context: the image's folder, plus the files its Dockerfile copies from elsewhere.
context_of() {
    local image=$1 dir=$out/context/$1
    rm -rf "$dir"
    mkdir -p "$dir"
    cp -p "src/main/docker/$image"/* "$dir/"
    case $image in
        patroni) cp -p src/main/scripts/install-patroni4.sh "$dir/" ;;
        casedrill) cp -p "$jar" "$dir/casedrill.jar" ;;
    esac
    echo "$dir"
}

# sha256 over every file's name and content, and the base it builds on.
inputs_hash() {
    local dir=$1
    { (cd "$dir" && find . -type f -print0 | sort -z | xargs -0 sha256sum); echo "base $base_id"; } \
        | sha256sum | cut -d' ' -f1
}

manifest_rows=()
for image in "${images[@]}"; do
    start=$(seconds)
    context=$(context_of "$image")
    hash=$(inputs_hash "$context")
    tag=casedrill/$image:${hash:0:12}
    existing=$(docker image ls -q --filter "label=casedrill.inputs=$hash" | head -n1)
    if [[ -n $existing ]]; then
        docker tag "$existing" "$tag"
        docker tag "$existing" "casedrill/$image:latest"
        outcome=reused
    else
        docker build --pull=false -q --build-arg "BASE=$base" --label "casedrill.inputs=$hash" \
            -t "$tag" -t "casedrill/$image:latest" "$context" >"$out/$image.build.log" 2>&1 \
            || { echo "build-images: building $tag failed; see $out/$image.build.log" >&2; tail -n 20 "$out/$image.build.log" >&2; exit 1; }
        outcome=built
    fi
    id=$(docker image inspect -f '{{.Id}}' "$tag")
    size=$(docker image inspect -f '{{.Size}}' "$tag")
    echo "build-images: $tag $id $outcome in $(elapsed "$start") s ($((size / 1000000)) MB)"
    manifest_rows+=("$(printf '    {"image": "casedrill/%s", "tag": "%s", "inputs": "%s", "id": "%s", "sizeBytes": %s, "roles": [%s]}' \
        "$image" "${hash:0:12}" "$hash" "$id" "$size" "$(printf '"%s", ' ${roles[$image]} | sed 's/, $//')")")
done

{
    echo '{'
    echo "  \"base\": {\"image\": \"$base\", \"id\": \"$base_id\"},"
    echo '  "images": ['
    (IFS=$'\n'; echo "${manifest_rows[*]}") | sed '$!s/$/,/'
    echo '  ]'
    echo '}'
} >"$out/manifest.json.tmp"
mv "$out/manifest.json.tmp" "$out/manifest.json"
echo "build-images: all images ready in $(elapsed "$all_start") s; manifest $out/manifest.json"
