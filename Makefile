# Stripe -> Adobe Experience Platform ingestion operator. `make help` lists the targets.
MVN ?= mvn -B -ntp

.PHONY: help build test

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-16s %s\n", $$1, $$2}'

build: ## compile and package operator/target/operator.jar and simulator/target/simulator.jar (no tests)
	$(MVN) -DskipTests package

test: ## run every test (unit, client, simulator, reconciler, admission)
	$(MVN) verify
