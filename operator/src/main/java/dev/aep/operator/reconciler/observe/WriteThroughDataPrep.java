package dev.aep.operator.reconciler.observe;

import dev.aep.operator.platform.DataPrepClient;
import dev.aep.operator.platform.MappingCheck;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.MappingSetRequest;
import dev.aep.operator.platform.MappingSetVersion;
import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.PreviewRow;
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

  @Override
  public MappingSetVersion createMappingSet(MappingSetRequest request) {
    MappingSetVersion created = WriteThroughFlowService.create(scope.mappingSets, request.name(),
        () -> delegate.createMappingSet(request));
    MappingSet made = new MappingSet(created.id(), created.version(), request.name(),
        request.outputSchema(), request.mappings(), null, null);
    scope.mappingSets.remember(made);
    scope.rememberVersion(made);
    return created;
  }

  @Override
  public Optional<MappingSet> getMappingSet(String id) {
    return delegate.getMappingSet(id);
  }

  @Override
  public Optional<MappingSet> getMappingSet(String id, int version) {
    return delegate.getMappingSet(id, version);
  }

  @Override
  public MappingSet updateMappingSet(String id, MappingSetRequest request) {
    MappingSet updated;
    try {
      updated = delegate.updateMappingSet(id, request);
    } catch (RuntimeException e) {
      // A lost answer may still have made a new version: the next lookup by name reads it.
      scope.mappingSets.changed(id);
      throw e;
    }
    MappingSet version = updated.mappings().isEmpty()
        ? new MappingSet(id, updated.version(), request.name(), request.outputSchema(),
            request.mappings(), updated.createdDate(), updated.modifiedDate())
        : updated;
    scope.mappingSets.remember(version);
    scope.rememberVersion(version);
    return updated;
  }

  @Override
  public List<MappingSet> findMappingSetsByName(String name) {
    return delegate.findMappingSetsByName(name);
  }

  @Override
  public Page<MappingSet> listMappingSetsPage(String name, String pageToken) {
    return delegate.listMappingSetsPage(name, pageToken);
  }

  @Override
  public List<MappingCheck> validateMappingSet(MappingSetRequest request) {
    return delegate.validateMappingSet(request);
  }

  @Override
  public List<PreviewRow> previewMappingSet(MappingSetRequest request,
      List<Map<String, Object>> samples) {
    return delegate.previewMappingSet(request, samples);
  }
}
