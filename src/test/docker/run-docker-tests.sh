#!/usr/bin/env bash
# What `make test-docker` runs after building the jar: a Docker engine (started here only if none
# answers, and then stopped again by PID), the casedrill/toxiproxy:local image from that jar, and
# the tests tagged "docker". Extra arguments go to Maven, e.g. -Dtest=TestcontainersToxiproxyModuleTest.
#
# Usage: src/test/docker/run-docker-tests.sh [MAVEN-ARGS...]   (env: MVN, JAR)
set -euo pipefail
cd "$(dirname "$0")/../../.."

mvn=${MVN:-mvn -B --no-transfer-progress}
jar=${JAR:-target/casedrill.jar}

src/test/docker/dockerd.sh start
trap 'src/test/docker/dockerd.sh stop' EXIT
src/test/docker/build-toxiproxy-image.sh "$jar"
$mvn test -Pdocker "$@"
