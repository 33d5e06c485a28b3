package dev.aep.operator.platform;

import java.util.List;
import java.util.Optional;

/**
 * Flow Service ({@code /data/foundation/flowservice}) for one org+sandbox: base, source and target
 * connections and flows as {@link RemoteCollection}s, plus explore, flow actions and runs.
 *
 * <p>Conventions of every call: {@code get} returns empty on 404; {@code delete} returns false when
 * the object was already gone (404) and true when it was deleted; {@code list} follows every
 * continuation token, {@code listPage} returns one page; {@code patch} sends {@code If-Match} with
 * the etag exactly as given (quotes included) and fails with {@link
 * PlatformException#isPreconditionFailed()} when it is stale. Every other failure is a {@link
 * PlatformException}. Creates are never repeated after a lost answer ({@link
 * PlatformException#isOutcomeUnknown()}): adopt with a {@code findByName} lookup instead.
 */
public interface FlowServiceClient extends ServiceClient {

  /**
   * {@code /connections}. A delete fails with error code {@code 1418-400} while a flow uses the
   * connection.
   */
  default RemoteCollection<BaseConnection, BaseConnectionRequest> baseConnections() {
    return collection(BaseConnection.KIND);
  }

  /** {@code /sourceConnections}. */
  default RemoteCollection<SourceConnection, SourceConnectionRequest> sourceConnections() {
    return collection(SourceConnection.KIND);
  }

  /** {@code /targetConnections}. */
  default RemoteCollection<TargetConnection, TargetConnectionRequest> targetConnections() {
    return collection(TargetConnection.KIND);
  }

  /**
   * {@code /flows}. A PATCH changes names, descriptions, {@code /scheduleParams/*} and {@code
   * /transformations/{n}} (the Mapping transformation's position).
   */
  default RemoteCollection<Flow, FlowRequest> flows() {
    return collection(Flow.KIND);
  }

  /**
   * {@code GET /connections/{id}/explore?preview=true} for a REST source with base64 {@code
   * sourceParams} {@code {"resourcePath": ...}}: every source field path (the root is {@code data},
   * platform-api.md 13) with its type, and the sample records.
   */
  SourceSchema explore(String baseConnectionId, String resourcePath);

  /** {@code POST /flows/{id}/action?op=enable}; returns the new etag. */
  EntityRef enableFlow(String id);

  /** {@code POST /flows/{id}/action?op=disable}; returns the new etag. */
  EntityRef disableFlow(String id);

  /** The newest {@code limit} runs of a flow, newest first. */
  List<FlowRun> listRuns(String flowId, int limit);

  /** One page of {@code GET /runs} (filter e.g. {@code flowId==<id>}). */
  Page<FlowRun> listRunsPage(ListQuery query, String pageToken);

  /** {@code GET /runs/{id}}. */
  Optional<FlowRun> getRun(String id);
}
