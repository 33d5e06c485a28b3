package dev.aep.operator.reconciler.observe;

import dev.aep.operator.platform.DataPrepClient;
import dev.aep.operator.platform.MappingCheck;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.MappingSetRequest;
import dev.aep.operator.platform.MappingSetVersion;
import dev.aep.operator.platform.PreviewRow;
import dev.aep.operator.platform.RemoteCollection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Data Prep writes that keep the scope's mapping sets current: a create or PUT makes a version
 * whose content is exactly what was sent, so it never needs reading back.
 */
final class WriteThroughDataPrep implements DataPrepClient {
  private final DataPrepClient delegate;
  private final ScopeSnapshots scope;

  WriteThroughDataPrep(DataPrepClient delegate, ScopeSnapshots scope) {
    this.delegate = delegate;
    this.scope = scope;
  }

  /** Mapping sets have no snapshot: reads pass through, and so do writes made through it. */
  @Override
  public RemoteCollection<MappingSet, MappingSetRequest> mappingSets() {
    return delegate.mappingSets();
  }

  @Override
  public MappingSetVersion createMappingSet(MappingSetRequest request) {
    // Mapping sets are found by name on the Platform itself (no snapshot), so a lost answer needs
    // no bookkeeping: the next lookup by name sees whatever the create made.
    MappingSetVersion created = delegate.createMappingSet(request);
    scope.rememberVersion(MappingSet.sent(created.id(), created.version(), request));
    return created;
  }

  @Override
  public Optional<MappingSet> getMappingSet(String id, int version) {
    return delegate.getMappingSet(id, version);
  }

  @Override
  public MappingSet updateMappingSet(String id, MappingSetRequest request) {
    // A lost answer may still have made a new version: the flow's status keeps the old one, and
    // the next pass reads versions by number, never "the newest" from memory.
    MappingSet updated = delegate.updateMappingSet(id, request);
    scope.rememberVersion(
        updated.mappings().isEmpty() ? MappingSet.sent(id, updated.version(), request) : updated);
    return updated;
  }

  @Override
  public List<MappingCheck> validateMappingSet(MappingSetRequest request) {
    return delegate.validateMappingSet(request);
  }

  @Override
  public List<PreviewRow> previewMappingSet(
      MappingSetRequest request, List<Map<String, Object>> samples) {
    return delegate.previewMappingSet(request, samples);
  }
}
