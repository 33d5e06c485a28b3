package dev.aep.operator.reconciler.observe;

import dev.aep.operator.platform.BaseConnection;
import dev.aep.operator.platform.Dataset;
import dev.aep.operator.platform.Flow;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SchemaRef;
import dev.aep.operator.platform.SourceConnection;
import dev.aep.operator.platform.TargetConnection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares equal values between the objects of a sandbox's snapshots: every parsed answer carries its
 * own copy of the same spec references, states, formats, content types, schedules and mapping rows,
 * and ten thousand flows repeat them ten thousand times. Only such low-cardinality parts are pooled
 * (ids, etags and descriptions are not), and the pool stops growing at a bound.
 */
final class Canonical {
  /** Beyond this many distinct values nothing more is pooled (values are returned as given). */
  static final int MAX_VALUES = 100_000;

  private final Map<Object, Object> pool = new ConcurrentHashMap<>();

  /** The pooled value equal to {@code value} (or {@code value}, now pooled). */
  @SuppressWarnings("unchecked")
  <V> V of(V value) {
    if (value == null) {
      return null;
    }
    Object known = pool.get(value);
    if (known != null) {
      return (V) known;
    }
    if (pool.size() >= MAX_VALUES) {
      return value;
    }
    known = pool.putIfAbsent(value, value);
    return known == null ? value : (V) known;
  }

  BaseConnection baseConnection(BaseConnection c) {
    return new BaseConnection(
        c.id(),
        c.etag(),
        c.name(),
        c.description(),
        of(c.state()),
        of(c.connectionSpec()),
        of(c.authSpecName()),
        c.createdAt(),
        c.updatedAt());
  }

  SourceConnection sourceConnection(SourceConnection c) {
    return new SourceConnection(
        c.id(),
        c.etag(),
        c.name(),
        c.description(),
        of(c.state()),
        c.baseConnectionId(),
        of(c.connectionSpec()),
        of(c.dataFormat()),
        of(c.params()));
  }

  TargetConnection targetConnection(TargetConnection c) {
    return new TargetConnection(
        c.id(),
        c.etag(),
        c.name(),
        c.description(),
        of(c.state()),
        of(c.connectionSpec()),
        of(c.dataFormat()),
        c.schemaId(),
        of(c.schemaVersion()),
        c.params());
  }

  Flow flow(Flow f) {
    return new Flow(
        f.id(),
        f.etag(),
        f.name(),
        f.description(),
        of(f.state()),
        of(f.flowSpec()),
        f.sourceConnectionIds(),
        f.targetConnectionIds(),
        f.transformations(),
        of(f.scheduleParams()),
        f.lastRunDetails(),
        f.createdAt(),
        f.updatedAt(),
        f.options());
  }

  Dataset dataset(Dataset d) {
    return new Dataset(
        d.id(),
        d.name(),
        d.description(),
        schemaRef(d.schemaRef()),
        of(d.tags()),
        of(d.version()),
        d.created(),
        d.updated());
  }

  Schema schema(Schema s) {
    return new Schema(
        s.id(),
        s.altId(),
        of(s.version()),
        s.title(),
        s.description(),
        of(s.classId()),
        s.fieldGroupIds());
  }

  MappingSet mappingSet(MappingSet m) {
    return new MappingSet(
        m.id(),
        m.version(),
        m.name(),
        schemaRef(m.outputSchema()),
        m.mappings().stream().map(this::of).toList(),
        m.createdDate(),
        m.modifiedDate());
  }

  private SchemaRef schemaRef(SchemaRef ref) {
    return ref == null ? null : new SchemaRef(ref.id(), of(ref.contentType()));
  }
}
