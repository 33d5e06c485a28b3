package dev.aep.operator.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads the YAML manifests the admission tests feed to {@link OfflineAdmission}. */
final class Manifests {

  private static final YAMLMapper YAML = new YAMLMapper();

  private Manifests() {}

  /** Every document of a (possibly multi-document) YAML file, in order. */
  static List<Map<String, Object>> documents(Path file) {
    try (MappingIterator<Map<String, Object>> docs =
        YAML.readerFor(new TypeReference<Map<String, Object>>() {}).readValues(file.toFile())) {
      return docs.readAll().stream()
          .filter(d -> d != null && !d.isEmpty())
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The *.yaml / *.yml files directly in a directory, sorted by name. */
  static List<Path> yamlFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  static boolean isFlow(Map<String, Object> document) {
    return OfflineAdmission.KIND.equals(document.get("kind"));
  }

  /** An annotation of a manifest, or null. */
  static String annotation(Map<String, Object> document, String key) {
    Object metadata = document.get("metadata");
    if (!(metadata instanceof Map)) {
      return null;
    }
    Object annotations = ((Map<?, ?>) metadata).get("annotations");
    return annotations instanceof Map ? (String) ((Map<?, ?>) annotations).get(key) : null;
  }
}
