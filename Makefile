# casedrill — the common commands. `make drill` and `make test` are all a newcomer needs.
SHELL := /bin/bash
MVN   := mvn -B --no-transfer-progress
JAR   := target/casedrill.jar
CASEDRILL := java -jar $(JAR)
SCENARIO ?= scenarios/dc1-power-loss.yaml

.PHONY: all build deps test test-docker drill validate plan bench bench-proxy bench-recorder clean help

all: build

help:
	@echo "make drill      run the default drill ($(SCENARIO)) on the local two-DC stack"
	@echo "make test       build and run the test suite (installs what it needs)"
	@echo "make validate   check every scenario, topology and runbook"
	@echo "make plan       show what the default drill would do (SCENARIO=file to change it)"
	@echo "make bench      run every benchmark (results go into BENCHMARKS.md by hand)"
	@echo "make clean      remove build output"

deps:
	@src/main/scripts/install-deps.sh

$(JAR): pom.xml $(shell find src/main loadtests scenarios/schema -type f 2>/dev/null)
	$(MVN) -q package -DskipTests

build: deps $(JAR)

test: deps
	$(MVN) verify

test-docker: deps
	$(MVN) verify -Pdocker

validate: build
	$(CASEDRILL) validate scenarios/*.yaml scenarios/topology/*.yaml $(wildcard failover/*.yaml)

plan: build
	$(CASEDRILL) plan $(SCENARIO)

# Until the drill runner lands, a drill is validated and planned; see README "Status".
drill: build
	$(CASEDRILL) validate $(SCENARIO)
	$(CASEDRILL) plan $(SCENARIO)

bench: bench-proxy bench-recorder

bench-proxy: deps
	$(MVN) test -Pbench -Dtest='ToxiproxyBenchmark' -Dsurefire.failIfNoSpecifiedTests=false

bench-recorder: deps
	$(MVN) test -Pbench -Dtest='RecorderOverheadBench' -Dsurefire.failIfNoSpecifiedTests=false

clean:
	$(MVN) -q clean
