#!/usr/bin/env bash
# What `make test-docker` runs after building the jar: a Docker engine (started here only if none
# answers, and then stopped again by PID), the casedrill/toxiproxy:local image from that jar, the
# containers provider's images (src/main/docker/build-images.sh; reused when their inputs are
# unchanged), and the tests tagged "docker". Afterwards it fails if the engine pulled an image while the
# tests ran (a pull event) or, when it was started here, logged anything about a pull (a failed attempt
# leaves no event): no registry exists here, and nothing may try one.
# Extra arguments go to Maven, e.g. -Dtest=LocalImagesContainerTest.
#
# Usage: src/test/docker/run-docker-tests.sh [MAVEN-ARGS...]   (env: MVN, JAR)
set -euo pipefail
cd "$(dirname "$0")/../../.."

mvn=${MVN:-mvn -B --no-transfer-progress}
jar=${JAR:-target/casedrill.jar}

src/main/docker/dockerd.sh start
trap 'src/main/docker/dockerd.sh stop' EXIT
src/test/docker/build-toxiproxy-image.sh "$jar"
src/main/docker/build-images.sh "$jar"
since=$(date +%s)
log=${DOCKERD_STATE_DIR:-target}/dockerd.log
log_lines=$( [[ -f $log ]] && wc -l <"$log" || echo 0)
$mvn test -Pdocker "$@"
pulls=$(docker events --since "$since" --until "$(date +%s)" --filter type=image --filter event=pull --format '{{.Actor.ID}}')
if [[ -f $log ]]; then
    pulls+=$(tail -n +"$((log_lines + 1))" "$log" | grep -i 'pull' || true)
fi
if [[ -n $pulls ]]; then
    echo "run-docker-tests: the engine pulled during the tests (no registry may be contacted): $pulls" >&2
    exit 1
fi
echo "run-docker-tests: no image was pulled"
