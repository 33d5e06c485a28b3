package dev.aep.operator.platform.http;

import dev.aep.operator.platform.JsonPatchOp;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log line per change the operator made on the Platform (create, PATCH, PUT, delete,
 * enable/disable), written by the client that made it once the Platform accepted it; reads,
 * explore, validate and preview are not changes. The flow's namespace/name comes from the MDC JOSDK
 * fills on the reconcile thread, which both log formats print. Patch values are never logged (they
 * may hold credentials); their paths are.
 */
final class ChangeLog {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeLog.class);

  private ChangeLog() {}

  /** "created flow 7f3...", "deleted schema https://... (was already gone)". */
  static void record(PlatformCaller caller, String change) {
    String sandbox = caller.scope() == null ? "-" : caller.scope().sandbox();
    // The text pattern prints the MDC as [ns/name], the JSON encoder as mdc.resource.*.
    if (MDC.get("resource.name") == null) {
      LOG.info("{} (sandbox {}, outside a reconcile)", change, sandbox);
    } else {
      LOG.info("{} (sandbox {})", change, sandbox);
    }
  }

  /** "deleted KIND ID", noting when the object was already gone. */
  static boolean deleted(PlatformCaller caller, String kind, String id, boolean wasThere) {
    record(caller, "deleted " + kind + " " + id + (wasThere ? "" : " (was already gone)"));
    return wasThere;
  }

  /** "patched KIND ID [op path, ...]": the paths only. */
  static void patched(PlatformCaller caller, String kind, String id, List<JsonPatchOp> ops) {
    record(
        caller,
        "patched "
            + kind
            + " "
            + id
            + " ["
            + ops.stream().map(JsonPatchOp::opAndPath).collect(Collectors.joining(", "))
            + "]");
  }
}
