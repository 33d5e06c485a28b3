package dev.aep.operator.api;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The build step that turns the crd-generator's output into the CRD committed in {@code crds/}. The
 * operator build runs {@link #main} during {@code process-classes}, right after fabric8's
 * crd-generator-maven-plugin; it adds the one deterministic finishing step the generator cannot
 * express: printer column order, the root description, and conditions as a list keyed by {@code
 * type}. {@code make crds} copies the result into {@code crds/}.
 *
 * <p>Not used by the operator at run time.
 */
public final class CrdFiles {

  public static final String CRD_FILE_NAME = "stripeingestionflows.flows.aep.dev-v1.yml";

  /** Column order users see in `kubectl get sif`; the generator sorts by JSON path instead. */
  static final List<String> COLUMN_ORDER =
      List.of("Ready", "Synced", "Resource", "Schedule", "Flow", "Last Run", "Pending", "Age");

  private static final String HEADER =
      "# Generated from dev.aep.operator.api.v1alpha1 by fabric8's crd-generator (operator build) and finished by\n"
          + "# dev.aep.operator.api.CrdFiles. Do not edit: change the model and run `make crds`.\n";

  private static final String ROOT_DESCRIPTION =
      "StripeIngestionFlow keeps one Stripe resource path flowing into one Adobe Experience Platform dataset: the"
          + " operator creates, updates and deletes the base connection, source connection, schema, dataset, target"
          + " connection, mapping set and dataflow, and reports their ids and health in status.";

  private CrdFiles() {}

  /**
   * Reads the generated CRD and writes the finished one.
   *
   * @param args the generator's file, then the file to write (its directory is created)
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: CrdFiles <generated CRD> <finished CRD to write>");
    }
    Path generated = Path.of(args[0]);
    Path finished = Path.of(args[1]);
    if (!Files.isRegularFile(generated)) {
      throw new IllegalStateException(
          generated + " does not exist: the crd-generator-maven-plugin writes it first");
    }
    String content = finish(Files.readString(generated));
    Path directory = finished.toAbsolutePath().getParent();
    if (directory != null) {
      Files.createDirectories(directory);
    }
    Files.writeString(finished, content);
  }

  /** The committed CRD's content for the generator's output. */
  public static String finish(String generatedYaml) {
    KubernetesSerialization serialization = new KubernetesSerialization();
    CustomResourceDefinition crd =
        serialization.unmarshal(generatedYaml, CustomResourceDefinition.class);
    for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
      List<CustomResourceColumnDefinition> columns =
          new ArrayList<>(version.getAdditionalPrinterColumns());
      columns.sort(Comparator.comparingInt(CrdFiles::columnRank));
      version.setAdditionalPrinterColumns(columns);
      JSONSchemaProps root = version.getSchema().getOpenAPIV3Schema();
      root.setDescription(ROOT_DESCRIPTION);
      JSONSchemaProps conditions =
          root.getProperties().get("status").getProperties().get("conditions");
      // Conditions are keyed by type (Kubernetes convention), so merges and kstatus treat them per
      // type.
      conditions.setXKubernetesListType("map");
      conditions.setXKubernetesListMapKeys(List.of("type"));
    }
    return HEADER + serialization.asYaml(crd);
  }

  private static int columnRank(CustomResourceColumnDefinition column) {
    int rank = COLUMN_ORDER.indexOf(column.getName());
    if (rank < 0) {
      throw new IllegalStateException(
          "printer column without a place in COLUMN_ORDER: " + column.getName());
    }
    return rank;
  }
}
