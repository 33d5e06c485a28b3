# The operator image. Build context: operator/target, after `make build` wrote operator.jar there:
#   docker build -f deploy/images/operator.Dockerfile -t ghcr.io/aep-dev/stripe-aep-operator:0.1.0 operator/target
# (`make image` does this). Distroless: no shell, runs as the nonroot user 65532.
FROM gcr.io/distroless/java17-debian12:nonroot
COPY operator.jar /app/operator.jar
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["/usr/bin/java", "-jar", "/app/operator.jar"]
