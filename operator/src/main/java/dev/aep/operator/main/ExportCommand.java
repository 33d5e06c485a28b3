package dev.aep.operator.main;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.platform.Platform;
import dev.aep.operator.platform.PlatformAccount;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.http.HttpPlatform;
import dev.aep.operator.platform.http.HttpPlatformOptions;
import dev.aep.operator.platform.http.PlatformEndpoints;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar operator.jar export --sandbox NAME (--flow-id ID ... | --all-stripe)
 * [--credentials-secret NAME]}: prints StripeIngestionFlow manifests that adopt existing Stripe
 * dataflows, to commit to Git and apply. Platform credentials come from the environment, with the
 * names of the credentials Secret's keys: AEP_CLIENT_ID, AEP_CLIENT_SECRET, AEP_ORG_ID; the
 * endpoints from AEP_PLATFORM_URL, AEP_IMS_URL and AEP_ALLOW_HTTP as for the operator. The
 * manifests reference the Secret by name (default aep-credentials), never its values.
 */
public final class ExportCommand {
  static final String USAGE =
      "usage: java -jar operator.jar export --sandbox NAME (--flow-id ID [--flow-id ID ...]"
          + " | --all-stripe) [--credentials-secret NAME]\n"
          + "  credentials from AEP_CLIENT_ID, AEP_CLIENT_SECRET and AEP_ORG_ID; endpoints from AEP_PLATFORM_URL,"
          + " AEP_IMS_URL, AEP_ALLOW_HTTP";

  /** What the command line asked for. */
  public record Arguments(
      String sandbox, List<String> flowIds, boolean allStripe, String credentialsSecret) {}

  private ExportCommand() {}

  /**
   * Runs the command; returns the process exit status (0 done, 2 bad usage or configuration, 1
   * failed).
   */
  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    Optional<Arguments> parsed = parse(args, err);
    if (parsed.isEmpty()) {
      return OperatorMain.EXIT_BAD_CONFIGURATION;
    }
    List<String> missing = new ArrayList<>();
    for (String name : List.of("AEP_CLIENT_ID", "AEP_CLIENT_SECRET", "AEP_ORG_ID")) {
      if (env.getOrDefault(name, "").isBlank()) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      err.println(
          "error: set "
              + String.join(", ", missing)
              + " (the Platform credentials to read the sandbox with)");
      return OperatorMain.EXIT_BAD_CONFIGURATION;
    }
    PlatformEndpoints endpoints;
    try {
      OperatorConfig config = OperatorConfig.fromEnvironment(env);
      endpoints = new PlatformEndpoints(config.platformUrl(), config.imsUrl(), config.allowHttp());
    } catch (ConfigException e) {
      err.println("error: " + e.getMessage());
      return OperatorMain.EXIT_BAD_CONFIGURATION;
    }
    PlatformAccount account =
        PlatformAccount.of(
            env.get("AEP_CLIENT_ID"), env.get("AEP_CLIENT_SECRET"), env.get("AEP_ORG_ID"));
    try (HttpPlatform platform =
        new HttpPlatform(endpoints, HttpPlatformOptions.defaults(), new SimpleMeterRegistry())) {
      return export(platform, account, parsed.get(), out, err);
    }
  }

  /** Exports with an open Platform; the manifests go to {@code out} as one YAML stream. */
  public static int export(
      Platform platform,
      PlatformAccount account,
      Arguments args,
      PrintStream out,
      PrintStream err) {
    FlowExporter exporter =
        new FlowExporter(platform.session(account, args.sandbox()), args.credentialsSecret());
    List<StripeIngestionFlow> manifests = new ArrayList<>();
    try {
      if (args.allStripe()) {
        manifests.addAll(exporter.exportAllStripe());
      }
      for (String id : args.flowIds()) {
        manifests.add(exporter.export(id));
      }
    } catch (IllegalArgumentException | PlatformException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    out.print(yaml(manifests));
    err.println(
        "exported "
            + manifests.size()
            + " StripeIngestionFlow manifest(s) from sandbox "
            + args.sandbox());
    return 0;
  }

  /** Manifests as one YAML stream, documents separated by {@code ---}. */
  static String yaml(List<StripeIngestionFlow> manifests) {
    KubernetesSerialization serialization = new KubernetesSerialization();
    StringBuilder text = new StringBuilder();
    for (StripeIngestionFlow manifest : manifests) {
      String doc = serialization.asYaml(manifest);
      text.append(doc.startsWith("---") ? doc : "---\n" + doc);
      if (!doc.endsWith("\n")) {
        text.append('\n');
      }
    }
    return text.toString();
  }

  static Optional<Arguments> parse(List<String> args, PrintStream err) {
    String sandbox = null;
    String secret = "aep-credentials";
    boolean all = false;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      boolean hasValue = i + 1 < args.size();
      switch (arg) {
        case "--sandbox" -> sandbox = hasValue ? args.get(++i) : null;
        case "--flow-id" -> {
          if (hasValue) {
            ids.add(args.get(++i));
          }
        }
        case "--credentials-secret" -> secret = hasValue ? args.get(++i) : null;
        case "--all-stripe" -> all = true;
        default -> {
          err.println("error: unknown argument " + arg + "\n" + USAGE);
          return Optional.empty();
        }
      }
    }
    if (sandbox == null || sandbox.isBlank() || secret == null || (ids.isEmpty() && !all)) {
      err.println(USAGE);
      return Optional.empty();
    }
    return Optional.of(new Arguments(sandbox, List.copyOf(ids), all, secret));
  }
}
