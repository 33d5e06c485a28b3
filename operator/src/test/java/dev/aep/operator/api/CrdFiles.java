package dev.aep.operator.api;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where the CRD files are and how the committed {@code crds/} copy is derived from the generator's output: the one
 * deterministic finishing step the generator cannot express (printer column order, root description, conditions
 * as a map list).
 */
final class CrdFiles {

  static final String CRD_FILE_NAME = "stripeingestionflows.flows.aep.dev-v1.yml";

  /** Column order users see in `kubectl get sif`; the generator sorts by JSON path instead. */
  static final List<String> COLUMN_ORDER = List.of("Ready", "Synced", "Resource", "Schedule", "Flow", "Last Run", "Age");

  private static final String HEADER =
      "# Generated from dev.aep.operator.api.v1alpha1 by fabric8's crd-generator (operator build) and finished by\n"
          + "# dev.aep.operator.api.CrdFiles. Do not edit: change the model and run `make crds`.\n";

  private static final String ROOT_DESCRIPTION =
      "StripeIngestionFlow keeps one Stripe resource path flowing into one Adobe Experience Platform dataset: the"
          + " operator creates, updates and deletes the base connection, source connection, schema, dataset, target"
          + " connection, mapping set and dataflow, and reports their ids and health in status.";

  private CrdFiles() {}

  /** The repository root: the directory holding the parent pom and the operator module. */
  static Path repoRoot() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
      if (Files.isRegularFile(candidate.resolve("pom.xml"))
          && Files.isRegularFile(candidate.resolve("operator/pom.xml"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no repository root above " + dir);
  }

  /** What the crd-generator-maven-plugin wrote during process-classes. */
  static Path generatedCrd() {
    return repoRoot().resolve("operator/target/classes/META-INF/fabric8").resolve(CRD_FILE_NAME);
  }

  /** The committed CRD, as installed by deploy/ and `kubectl apply -k crds/`. */
  static Path committedCrd() {
    return repoRoot().resolve("crds").resolve(CRD_FILE_NAME);
  }

  /** The committed CRD's expected content: the generated CRD, finished. */
  static String expectedCommittedCrd() {
    KubernetesSerialization serialization = new KubernetesSerialization();
    CustomResourceDefinition crd = serialization.unmarshal(read(generatedCrd()), CustomResourceDefinition.class);
    for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
      List<CustomResourceColumnDefinition> columns = new ArrayList<>(version.getAdditionalPrinterColumns());
      columns.sort(Comparator.comparingInt(CrdFiles::columnRank));
      version.setAdditionalPrinterColumns(columns);
      JSONSchemaProps root = version.getSchema().getOpenAPIV3Schema();
      root.setDescription(ROOT_DESCRIPTION);
      JSONSchemaProps conditions = root.getProperties().get("status").getProperties().get("conditions");
      // Conditions are keyed by type (Kubernetes convention), so merges and kstatus treat them per type.
      conditions.setXKubernetesListType("map");
      conditions.setXKubernetesListMapKeys(List.of("type"));
    }
    return HEADER + serialization.asYaml(crd);
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int columnRank(CustomResourceColumnDefinition column) {
    int rank = COLUMN_ORDER.indexOf(column.getName());
    if (rank < 0) {
      throw new IllegalStateException("printer column without a place in COLUMN_ORDER: " + column.getName());
    }
    return rank;
  }
}
