# casedrill — the common commands. `make drill` and `make test` are all a newcomer needs.
SHELL := /bin/bash
MVN   := mvn -B --no-transfer-progress
JAR   := target/casedrill.jar
CASEDRILL := java -jar $(JAR)
SCENARIO ?= scenarios/dc1-power-loss.yaml
# Where drilled stacks run; `containers` makes `make deps` add docker.io and debootstrap (issue #18).
PROVIDER ?= local

.PHONY: all build deps test test-containers test-docker drill validate plan bench bench-proxy bench-recorder bench-remote clean help \
        stack-up stack-status stack-down drill-all recover gate verify index images

all: build

help:
	@echo "make drill      run the default drill ($(SCENARIO)) on the local two-DC stack"
	@echo "make test       build and run the test suite (installs what it needs; root: starts/stops dockerd for its containers drill)"
	@echo "make test-containers  only the suite's containers drill (ContainersDrillTest) with its engine and images"
	@echo "make drill-all  run every drill of the catalogue"
	@echo "make gate       run the release suite (BASELINE=... to compare)"
	@echo "make recover    heal what a killed drill left (RUN=reports/<scenario>/<run-id>)"
	@echo "make verify     check the signatures and chain of every run in reports/"
	@echo "make validate   check every scenario, topology and runbook"
	@echo "make plan       show what the default drill would do (SCENARIO=file to change it)"
	@echo "make bench      run every benchmark (results go into BENCHMARKS.md by hand)"
	@echo "make bench-remote  the same short drills through the local and the remote provider, RTO side by side (ROUNDS=2, ~9 min)"
	@echo "make test-docker  Testcontainers' Toxiproxy module against a local image of our server (root; starts/stops dockerd)"
	@echo "make images     build the containers provider's images locally, no registry (root; starts/stops dockerd)"
	@echo "make clean      remove build output"

deps:
	@PROVIDER=$(PROVIDER) src/main/scripts/install-deps.sh

$(JAR): pom.xml $(shell find src/main loadtests scenarios/schema -type f -not -path 'src/main/docker/*' 2>/dev/null)
	$(MVN) -q package -DskipTests

# App nodes start in ~4 s instead of ~11 s from the extracted jar with a class-data archive
# (BENCHMARKS.md, "Case service node start-up"); the stack uses it when it is newer than the jar.
CDS := target/casestack/casedrill.jsa
$(CDS): $(JAR)
	rm -rf target/casestack
	java -Djarmode=tools -jar $(JAR) extract --destination target/casestack
	CASEDRILL_TOKEN_CLIENT=cds-training-client-0000 CASEDRILL_TOKEN_OFFICER=cds-training-officer-000 \
	CASEDRILL_TOKEN_PARTNER=cds-training-partner-000 \
	java -Xlog:cds=off -Xlog:cds+dynamic=off -XX:ArchiveClassesAtExit=$(CDS) -Dspring.context.exit=onRefresh \
	  -Dspring.flyway.enabled=false -jar target/casestack/casedrill.jar node app --site cds --name cds-training \
	  --bind 127.0.0.1:0 --db jdbc:postgresql://127.0.0.1:1/none > target/casestack-cds.log 2>&1 || \
	  { echo "AppCDS archive not built (see target/casestack-cds.log); nodes start without it"; rm -f $(CDS); }

build: deps $(JAR) $(CDS)

stack-up: build
	$(CASEDRILL) stack up

stack-status: build
	$(CASEDRILL) stack status

stack-down: build
	$(CASEDRILL) stack down

# A Docker engine and the containers provider's images for the suite's containers drill (ContainersDrillTest,
# issue #18): dockerd started when none answers and stopped again by PID when the recipe ends; images rebuilt only
# when their inputs' hash changed (a cold build ~2.5 min, then seconds). The jar is built first because the
# casedrill image carries it (mvn verify would build it only after the tests). When no engine can be started the
# suite still runs and ContainersDrillTest fails under requireAll (it skips only by hand).
WITH_ENGINE = trap 'src/main/docker/dockerd.sh stop' EXIT; \
	{ src/main/docker/dockerd.sh start && src/main/docker/build-images.sh $(JAR); } || \
	echo "make: no Docker engine or images for the containers drill; ContainersDrillTest will fail"

# -Dcasedrill.test.requireAll: a test whose machine precondition is missing fails here instead of skipping
# (make deps provides them all, PROVIDER=containers adding docker.io and debootstrap; see testing/Needs.java).
# On failure it prints what each failed test class logged (test-failures.sh): CI keeps only the console.
test: PROVIDER = containers
test: deps $(JAR)
	@$(WITH_ENGINE); $(MVN) verify -Dcasedrill.test.requireAll=true || { src/main/scripts/test-failures.sh; exit 1; }

# Only the containers part of make test: engine, images, ContainersDrillTest (~3-4 min with cached images).
test-containers: PROVIDER = containers
test-containers: deps $(JAR)
	@$(WITH_ENGINE); $(MVN) test -Dcasedrill.test.requireAll=true -Dtest=ContainersDrillTest -Dsurefire.failIfNoSpecifiedTests=false

# Opt-in: Testcontainers' own Toxiproxy module against a local image of our server, and every role's
# image of the containers provider (root; starts dockerd when none answers and stops it again by PID).
test-docker: PROVIDER = containers
test-docker: build
	MVN="$(MVN)" src/test/docker/run-docker-tests.sh

# The containers provider's images (src/main/docker/): a debootstrapped base, one image per role, each
# rebuilt only when its inputs' hash changes; writes target/images/manifest.json. Starts dockerd when none
# answers and stops it again by PID (the images stay in the engine's store).
images: PROVIDER = containers
images: deps $(JAR)
	@trap 'src/main/docker/dockerd.sh stop' EXIT; src/main/docker/dockerd.sh start && src/main/docker/build-images.sh $(JAR)

validate: build
	$(CASEDRILL) validate scenarios/*.yaml scenarios/topology/*.yaml $(wildcard failover/*.yaml)

plan: build
	$(CASEDRILL) plan $(SCENARIO)

# A real drill on a fresh local stack: prints the verdict and the results path; exit 0/1/3/4.
# PROVIDER=containers runs it as containers (images built or reused by hash; dockerd started when none
# answers and stopped again by PID; the Testcontainers settings that keep it from any registry).
drill: build $(if $(filter containers,$(PROVIDER)),images)
ifeq ($(PROVIDER),containers)
	@trap 'src/main/docker/dockerd.sh stop' EXIT; src/main/docker/dockerd.sh start && \
	  TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_CHECKS_DISABLE=true TESTCONTAINERS_HOST_OVERRIDE=localhost \
	  $(CASEDRILL) run --provider containers $(SCENARIO)
else
	$(CASEDRILL) run $(SCENARIO)
endif

# The whole catalogue, one drill after another on one kept stack per kind of drill (run --reuse: reset to a
# verified baseline before each drill; taken down at the end), drills of a kind together (catalogue --run-order),
# then the table of the newest run of each scenario (reports/catalogue.md). Exit 0 when every verdict is the expected one (PASS, or FAIL for
# scenarios tagged expected-fail), 1 when one is contrary, 3 when one is missing or inconclusive.
# DRILLS=... runs a subset, and the table then covers that subset (the newest run of each).
DRILLS ?= $(wildcard scenarios/*.yaml)
drill-all: build
	@order=$$($(CASEDRILL) catalogue --run-order $(DRILLS)) || exit $$?; \
	  for s in $$order; do echo "== $$s"; $(CASEDRILL) run $$s --reuse; echo "== $$s: exit $$?"; done
	@$(CASEDRILL) stack down --reusable
	@{ echo "Catalogue on $$(hostname), $$(nproc) cores, $$(date -u +'%Y-%m-%d %H:%M UTC'); newest run of each scenario:"; echo; \
	  $(CASEDRILL) catalogue $(sort $(DRILLS)); rc=$$?; echo; echo "catalogue exit $$rc"; exit $$rc; } > reports/catalogue.md; \
	  rc=$$?; cat reports/catalogue.md; exit $$rc

# Heal what a killed drill left active (RUN=reports/<scenario>/<run-id>, default: the newest lease).
recover: build
	$(CASEDRILL) recover $(RUN)

# Release gate: the fast suite, optionally against a baseline (BASELINE=run folder or tag).
gate: build
	$(CASEDRILL) gate scenarios/suites/release.yaml $(if $(BASELINE),--baseline $(BASELINE))

verify: build
	$(CASEDRILL) verify reports/

index: build
	$(CASEDRILL) report --index reports

bench: bench-proxy bench-recorder

bench-proxy: deps
	$(MVN) test -Pbench -Dtest='ToxiproxyBenchmark' -Dsurefire.failIfNoSpecifiedTests=false

# Issue #19's side by side: the short power-loss and WAN-cut drills through the local and the remote provider on one
# stack (address shift 160, sshd on loopback), alternating, baseline reset before each (~4 min per round; ROUNDS=2).
bench-remote: deps
	$(MVN) test -Pbench -Dtest='RemoteBesideLocalBench' -Dcasedrill.bench.rounds=$(or $(ROUNDS),2) -Dsurefire.failIfNoSpecifiedTests=false

bench-recorder: deps
	$(MVN) test -Pbench -Dtest='RecorderOverheadBench,HookMicroBench' -Dsurefire.failIfNoSpecifiedTests=false

clean:
	$(MVN) -q clean
