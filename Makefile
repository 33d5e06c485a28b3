# Stripe -> Adobe Experience Platform ingestion operator. `make help` lists the targets.
#
# Everything builds with Maven (JDK 17). kubectl is needed for deploy/undeploy/verify-deploy, a container tool
# (docker or podman) only for `make image`.

MVN             ?= mvn -B -ntp
JAVA            ?= java
KUBECTL         ?= kubectl
CONTAINER_TOOL  ?= docker
VERSION         ?= 0.1.0
OPERATOR_IMAGE  ?= ghcr.io/aep-dev/stripe-aep-operator:$(VERSION)
SIMULATOR_IMAGE ?= ghcr.io/aep-dev/aep-platform-simulator:$(VERSION)
# Which kustomization `make deploy` / `make undeploy` apply: deploy/base, deploy/overlays/namespaced or
# deploy/overlays/simulator.
OVERLAY         ?= deploy/base
SIM_PORT        ?= 8081
# Extra arguments for the demo and the benchmark, e.g. `make bench ARGS="--flows 200"`.
ARGS            ?=

OPERATOR_JAR   := operator/target/operator.jar
SIMULATOR_JAR  := simulator/target/simulator.jar
# The demo and the benchmark: systemtest's own jar and its runtime dependencies (copied at package).
SYSTEMTEST_CP  := systemtest/target/systemtest.jar:systemtest/target/lib/*
BUILT_CRD      := operator/target/crds/stripeingestionflows.flows.aep.dev-v1.yml
KUSTOMIZATIONS := crds samples deploy/base deploy/overlays/namespaced deploy/overlays/simulator

.DEFAULT_GOAL := help
.PHONY: help build test format crds verify-deploy demo bench run simulator image deploy undeploy clean

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-16s %s\n", $$1, $$2}'

build: ## compile and package operator/target/operator.jar and simulator/target/simulator.jar, plus systemtest/target/systemtest.jar (no tests)
	$(MVN) -DskipTests package

test: ## run every test: unit, client, simulator, admission, CRD and deploy checks; systemtest's scenarios, reliability and scale included (failsafe)
	$(MVN) verify

# The operator build generates the CRD in process-classes (crd-generator-maven-plugin, then dev.aep.operator.api.CrdFiles)
# into $(BUILT_CRD); CrdUpToDateTest fails `make test` when crds/ differs from it.
format: ## rewrite every Java file as google-java-format 1.28.0 does (make test fails on an unformatted file)
	$(MVN) spotless:apply

crds: ## regenerate the CRD from the Java model (api.v1alpha1) and copy it into crds/
	$(MVN) -pl operator -am process-classes
	cp $(BUILT_CRD) crds/
	@echo "crds/ refreshed; review with: git diff crds/"

verify-deploy: ## build crds/, samples/, deploy/base and both overlays with kubectl kustomize
	@set -e; for k in $(KUSTOMIZATIONS); do \
	  $(KUBECTL) kustomize $$k > /dev/null; echo "kustomize $$k: ok"; \
	done

# The demo and the benchmark are programs in the systemtest module's main sources (they embed the Kubernetes
# mock server and the simulator). The reactor build packages systemtest.jar and copies its runtime dependencies
# to systemtest/target/lib; nothing is installed into ~/.m2.
demo: ## run the operator against an embedded Kubernetes API and the Platform simulator, applying samples/
	$(MVN) -q -pl systemtest -am package -DskipTests
	$(JAVA) -cp "$(SYSTEMTEST_CP)" dev.aep.operator.demo.DemoMain $(ARGS)

bench: ## measure reconcile throughput and Platform calls per flow against the simulator
	$(MVN) -q -pl systemtest -am package -DskipTests
	$(JAVA) -cp "$(SYSTEMTEST_CP)" dev.aep.operator.bench.BenchMain $(ARGS)

# The reliability scenarios (systemtest/src/test/java/dev/aep/operator/reliability, failsafe) at full size;
# `make test` runs them small. -Dtest=NONE keeps surefire from running the unit tests meanwhile. Any size, rate or the seed can be overridden, e.g. make chaos CHAOS_ARGS="-Dsoak.flows=60 -Dchaos.seed=7".
CHAOS_ARGS ?= -Dsoak.flows=30 -Dsoak.sandboxes=1 -Dsoak.timeoutSeconds=900 -Dcrash.flows=10 -Dcrash.restarts=20 \
  -Dk8s.flows=10 -Dbadinput.windowSeconds=60 -Dbadinput.resyncSeconds=10 -Dfailover.flows=10 -Dhygiene.flows=4 \
  -Dhygiene.rootLevel=DEBUG
.PHONY: chaos
# One scenario at a time (test.forkCount=1): at full size their figures are load-sensitive, make test runs 6 classes at a time.
chaos: ## run the reliability scenarios at full size (faults, crash loop, bad input, secrets, tenancy, failover) and print their figures
	@rm -rf systemtest/target/reliability; status=0; \
	$(MVN) -pl systemtest -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
	  -Dit.test='dev.aep.operator.reliability.*Test' -Dtest.forkCount=1 $(CHAOS_ARGS) || status=$$?; \
	cat systemtest/target/reliability/*.txt; exit $$status

run: build ## run the operator locally against the current kubeconfig (configure with the AEP_* env, see README)
	$(JAVA) -jar $(OPERATOR_JAR)

simulator: build ## run the Platform simulator alone on 127.0.0.1 (port SIM_PORT, default 8081; for `make run` with AEP_ALLOW_HTTP=true)
	$(JAVA) -jar $(SIMULATOR_JAR) --port $(SIM_PORT)

image: build ## build the operator and simulator container images (CONTAINER_TOOL, default docker; push them yourself)
	$(CONTAINER_TOOL) build -f deploy/images/operator.Dockerfile -t $(OPERATOR_IMAGE) operator/target
	$(CONTAINER_TOOL) build -f deploy/images/simulator.Dockerfile -t $(SIMULATOR_IMAGE) simulator/target

deploy: ## install the CRD and the operator: kubectl apply -k OVERLAY (default deploy/base)
	$(KUBECTL) apply -k $(OVERLAY)

undeploy: ## delete every flow (each per its deletionPolicy) while the operator still runs, then the operator and the CRD
	-$(KUBECTL) delete stripeingestionflows.flows.aep.dev --all --all-namespaces --wait=true --timeout=10m
	$(KUBECTL) delete -k $(OVERLAY) --ignore-not-found

clean: ## remove build output
	$(MVN) -q clean
