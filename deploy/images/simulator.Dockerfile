# The Platform simulator image, for deploy/overlays/simulator. Build context: simulator/target, after
# `make build` wrote simulator.jar there:
#   docker build -f deploy/images/simulator.Dockerfile -t ghcr.io/aep-dev/aep-platform-simulator:0.1.0 simulator/target
FROM gcr.io/distroless/java17-debian12:nonroot
COPY simulator.jar /app/simulator.jar
USER 65532:65532
EXPOSE 8081
ENTRYPOINT ["/usr/bin/java", "-jar", "/app/simulator.jar"]
CMD ["--port", "8081", "--host", "0.0.0.0"]
