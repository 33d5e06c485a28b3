package dev.aep.operator.platform;

import java.util.List;
import java.util.Optional;

/**
 * Flow Service ({@code /data/foundation/flowservice}) for one org+sandbox: base, source and
 * target connections, flows and runs.
 *
 * <p>Conventions of every method: {@code get*} returns empty on 404; {@code delete*} returns
 * false when the object was already gone (404) and true when it was deleted; {@code list*} follows
 * every continuation token and returns all matches, {@code list*Page} returns one page; {@code
 * patch*} sends {@code If-Match} with the etag exactly as given (quotes included) and fails with
 * {@link PlatformException#isPreconditionFailed()} when it is stale. Every other failure is a
 * {@link PlatformException}. Creates are never repeated after a lost answer ({@link
 * PlatformException#isOutcomeUnknown()}): adopt with a {@code find*ByName} lookup instead.
 */
public interface FlowServiceClient {

  // --- base connections (/connections) ---

  /** {@code POST /connections}; returns the new id and etag. */
  EntityRef createBaseConnection(BaseConnectionRequest request);

  /** {@code GET /connections/{id}}. */
  Optional<BaseConnection> getBaseConnection(String id);

  /** {@code GET /connections?property=...}, all pages. */
  List<BaseConnection> listBaseConnections(ListQuery query);

  /** One page of {@code GET /connections}; {@code pageToken} null for the first page. */
  Page<BaseConnection> listBaseConnectionsPage(ListQuery query, String pageToken);

  /** Base connections whose name is exactly {@code name} (names are not unique). */
  List<BaseConnection> findBaseConnectionsByName(String name);

  /** {@code PATCH /connections/{id}} with {@code If-Match}; returns the new etag. */
  EntityRef patchBaseConnection(String id, String etag, List<JsonPatchOp> ops);

  /**
   * {@code DELETE /connections/{id}}. Fails with error code {@code 1418-400} while a flow uses
   * the connection.
   */
  boolean deleteBaseConnection(String id);

  /**
   * {@code GET /connections/{id}/explore?preview=true} for a REST source with base64
   * {@code sourceParams} {@code {"resourcePath": ...}}: every source field path (the root is
   * {@code data}, platform-api.md 13) with its type, and the sample records.
   */
  SourceSchema explore(String baseConnectionId, String resourcePath);

  // --- source connections (/sourceConnections) ---

  /** {@code POST /sourceConnections}. */
  EntityRef createSourceConnection(SourceConnectionRequest request);

  /** {@code GET /sourceConnections/{id}}. */
  Optional<SourceConnection> getSourceConnection(String id);

  /** {@code GET /sourceConnections?property=...}, all pages. */
  List<SourceConnection> listSourceConnections(ListQuery query);

  /** One page of {@code GET /sourceConnections}. */
  Page<SourceConnection> listSourceConnectionsPage(ListQuery query, String pageToken);

  /** Source connections named exactly {@code name}. */
  List<SourceConnection> findSourceConnectionsByName(String name);

  /** {@code PATCH /sourceConnections/{id}} with {@code If-Match}. */
  EntityRef patchSourceConnection(String id, String etag, List<JsonPatchOp> ops);

  /** {@code DELETE /sourceConnections/{id}}. */
  boolean deleteSourceConnection(String id);

  // --- target connections (/targetConnections) ---

  /** {@code POST /targetConnections}. */
  EntityRef createTargetConnection(TargetConnectionRequest request);

  /** {@code GET /targetConnections/{id}}. */
  Optional<TargetConnection> getTargetConnection(String id);

  /** {@code GET /targetConnections?property=...}, all pages. */
  List<TargetConnection> listTargetConnections(ListQuery query);

  /** One page of {@code GET /targetConnections}. */
  Page<TargetConnection> listTargetConnectionsPage(ListQuery query, String pageToken);

  /** Target connections named exactly {@code name}. */
  List<TargetConnection> findTargetConnectionsByName(String name);

  /** {@code PATCH /targetConnections/{id}} with {@code If-Match}. */
  EntityRef patchTargetConnection(String id, String etag, List<JsonPatchOp> ops);

  /** {@code DELETE /targetConnections/{id}}. */
  boolean deleteTargetConnection(String id);

  // --- flows (/flows) ---

  /** {@code POST /flows}; the new flow is enabled. */
  EntityRef createFlow(FlowRequest request);

  /** {@code GET /flows/{id}}. */
  Optional<Flow> getFlow(String id);

  /** {@code GET /flows?property=...}, all pages. */
  List<Flow> listFlows(ListQuery query);

  /** One page of {@code GET /flows}. */
  Page<Flow> listFlowsPage(ListQuery query, String pageToken);

  /** Flows named exactly {@code name}. */
  List<Flow> findFlowsByName(String name);

  /**
   * {@code PATCH /flows/{id}} with {@code If-Match}: names, descriptions, {@code
   * /scheduleParams/*}, {@code /transformations/{n}} (the Mapping transformation's position).
   */
  EntityRef patchFlow(String id, String etag, List<JsonPatchOp> ops);

  /** {@code POST /flows/{id}/action?op=enable}; returns the new etag. */
  EntityRef enableFlow(String id);

  /** {@code POST /flows/{id}/action?op=disable}; returns the new etag. */
  EntityRef disableFlow(String id);

  /** {@code DELETE /flows/{id}}. */
  boolean deleteFlow(String id);

  // --- runs (/runs) ---

  /** The newest {@code limit} runs of a flow, newest first. */
  List<FlowRun> listRuns(String flowId, int limit);

  /** One page of {@code GET /runs} (filter e.g. {@code flowId==<id>}). */
  Page<FlowRun> listRunsPage(ListQuery query, String pageToken);

  /** {@code GET /runs/{id}}. */
  Optional<FlowRun> getRun(String id);
}
