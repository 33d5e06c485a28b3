package dev.aep.operator.reconciler.observe;

import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.RemoteObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kind of Platform object in one org+sandbox as the last paginated list showed it, merged with
 * what this process wrote or read by id since that list began.
 *
 * <p>A list is either complete (every object a filter of the operator's own matches, e.g. a tag the
 * operator sets) or keyed: only the names and ids readers asked for, a comma list of many at once
 * ({@link #keyed}). A keyed kind costs what the flows own, not what the sandbox holds; a name no
 * list has covered yet is looked up together with every other name asked for meanwhile.
 *
 * <p>The list is taken again only when a reader needs the kind and the view is older than the
 * maximum age (the resync interval), and then by one reader while the others wait for its answer
 * (single flight). Entries carry the time they were learnt: a refreshed list replaces everything
 * older than its own start, while what this process learnt after that start (its own creates,
 * patches, deletes and GETs) is kept, so a list that was already under way cannot bring back an
 * etag a PATCH just made stale. Newer knowledge of an id always wins.
 *
 * @param <T> the object type as the Platform client returns it
 */
final class KindSnapshot<T extends RemoteObject> {

  /** Lists one page; {@code token} is null for the first page. */
  @FunctionalInterface
  interface Lister<T> {
    Page<T> page(PlatformSession session, String token);
  }

  /**
   * One page of the objects whose {@code field} ({@code name} or {@code id}) is any of {@code
   * values}; {@code token} is null for the first page.
   */
  @FunctionalInterface
  interface KeyLister<T> {
    Page<T> page(PlatformSession session, String field, List<String> values, String token);
  }

  /** Reads one object by id; empty when it does not exist. */
  @FunctionalInterface
  interface Getter<T> {
    Optional<T> get(PlatformSession session, String id);
  }

  /** Looks objects up by exact name with the Platform's own filter. */
  @FunctionalInterface
  interface NameFinder<T> {
    List<T> find(PlatformSession session, String name);
  }

  /** What is known about one id. */
  enum State {
    /** The object exists as {@code value} shows it. */
    PRESENT,
    /** A write changed the object: read it again before using it. */
    UNKNOWN,
    /** Deleted by this process, or a GET found it missing. */
    GONE
  }

  /**
   * @param value the object (for {@link State#UNKNOWN} its last known state, or null)
   * @param at monotonic time the knowledge dates from (a list's start, a write's end, a GET's
   *     start)
   */
  record Entry<T>(State state, T value, long at) {}

  private static final Logger LOG = LoggerFactory.getLogger(KindSnapshot.class);

  // Stops a server that never ends a listing; far above any realistic sandbox.
  static final int MAX_PAGES = 10_000;

  private final String kind;
  private final Function<T, String> aliasOf;
  private final Lister<T> lister;
  // Keyed kinds: lists by the names and ids asked for, in batches of at most keyChars.
  private final KeyLister<T> keyLister;
  private final int keyChars;
  // Keyed kinds: names other flows will ask for, taken into a lookup that is made anyway.
  private final Supplier<Collection<String>> anticipated;
  // Keyed kinds: names and ids readers asked for, with when they last did (monotonic).
  private final Map<String, Long> wantedNames = new ConcurrentHashMap<>();
  private final Map<String, Long> wantedIds = new ConcurrentHashMap<>();
  // Names waiting for a lookup, and the lookup under way; guarded by this.
  private final Set<String> pendingNames = new LinkedHashSet<>();
  private CompletableFuture<Void> looking;
  private final long maxAgeNanos;
  private final LongSupplier nanoTime;
  private final Set<String> uncertainNames = ConcurrentHashMap.newKeySet();
  private final AtomicLong refreshes = new AtomicLong();
  private final AtomicLong pages = new AtomicLong();
  private volatile View<T> view;
  // The refresh under way, if any; guarded by this.
  private CompletableFuture<View<T>> refreshing;

  /**
   * A kind listed in full by {@code lister}.
   *
   * @param kind words for messages, e.g. {@code flows}
   * @param aliasOf a second id the object may be asked for by (a schema's altId), or null
   * @param lister one page of the list
   * @param maxAge a view older than this is listed again before it answers
   * @param nanoTime monotonic clock
   */
  KindSnapshot(
      String kind,
      Function<T, String> aliasOf,
      Lister<T> lister,
      Duration maxAge,
      LongSupplier nanoTime) {
    this(kind, aliasOf, lister, null, 0, List::of, maxAge, nanoTime);
  }

  private KindSnapshot(
      String kind,
      Function<T, String> aliasOf,
      Lister<T> lister,
      KeyLister<T> keyLister,
      int keyChars,
      Supplier<Collection<String>> anticipated,
      Duration maxAge,
      LongSupplier nanoTime) {
    this.anticipated = anticipated;
    this.kind = kind;
    this.aliasOf = aliasOf == null ? t -> null : aliasOf;
    this.lister = lister;
    this.keyLister = keyLister;
    this.keyChars = keyChars;
    this.maxAgeNanos = maxAge.toNanos();
    this.nanoTime = nanoTime;
  }

  /**
   * A kind listed only by the names and ids its readers asked for: each refresh lists them by
   * {@code name==a,b,...}, then the ids no name brought by {@code id==a,b,...}, each call's value
   * list at most {@code keyChars} characters once URL-encoded. A lookup of a name no list covered
   * yet also asks for the {@code anticipated} names not covered either (the names the operator's
   * other flows will ask for), as far as the call has room.
   */
  static <T extends RemoteObject> KindSnapshot<T> keyed(
      String kind,
      KeyLister<T> keyLister,
      int keyChars,
      Supplier<Collection<String>> anticipated,
      Duration maxAge,
      LongSupplier nanoTime) {
    return new KindSnapshot<>(kind, null, null, keyLister, keyChars, anticipated, maxAge, nanoTime);
  }

  /**
   * The object with this id: from a fresh view when it is there, else (missing from the list, or
   * changed by a write since) confirmed with one GET whose answer is remembered.
   */
  Optional<T> byId(PlatformSession session, String id, Getter<T> getter) {
    if (keyLister != null) {
      wantedIds.put(id, nanoTime.getAsLong());
    }
    View<T> v = fresh(session);
    Entry<T> entry = v.entry(id);
    if (entry != null && entry.state() == State.PRESENT) {
      return Optional.of(entry.value());
    }
    if (entry != null && entry.state() == State.GONE) {
      return Optional.empty();
    }
    return read(session, id, getter);
  }

  /** The object as a fresh view lists it (or this process learnt it), without any GET. */
  Optional<T> listed(PlatformSession session, String id) {
    Entry<T> entry = fresh(session).entry(id);
    return entry != null && entry.state() == State.PRESENT
        ? Optional.of(entry.value())
        : Optional.empty();
  }

  /** The object only if this view already knows it, without any call. */
  Optional<T> peek(String id) {
    View<T> v = view;
    Entry<T> entry = v == null ? null : v.entry(id);
    return entry != null && entry.state() == State.PRESENT
        ? Optional.of(entry.value())
        : Optional.empty();
  }

  /**
   * Objects named exactly {@code name}: from a fresh view, except after a create of that name whose
   * outcome is unknown, when the Platform itself is asked once.
   */
  List<T> named(PlatformSession session, String name, NameFinder<T> finder, Getter<T> getter) {
    if (keyLister != null) {
      wantedNames.put(name, nanoTime.getAsLong());
    }
    if (uncertainNames.contains(name) || fresh(session).degraded) {
      long started = nanoTime.getAsLong();
      List<T> found = finder.find(session, name);
      synchronized (this) {
        View<T> v = view;
        if (v != null) {
          found.forEach(t -> v.put(t.id(), new Entry<>(State.PRESENT, t, started)));
          v.covered.add(name);
        }
      }
      uncertainNames.remove(name);
      return found;
    }
    if (keyLister != null && !fresh(session).covered.contains(name)) {
      lookUp(session, name);
    }
    View<T> v = view;
    // Objects a write changed since are matched on their last known name and read again.
    Set<String> candidates = new LinkedHashSet<>(v.idsNamed(name));
    List<T> result = new ArrayList<>();
    for (String id : candidates) {
      Entry<T> entry = v.entry(id);
      Optional<T> current;
      if (entry == null || entry.state() == State.GONE) {
        continue;
      } else if (entry.state() == State.UNKNOWN) {
        current = read(session, id, getter);
      } else {
        current = Optional.of(entry.value());
      }
      current.filter(t -> name.equals(t.name())).ifPresent(result::add);
    }
    return result;
  }

  /**
   * This process created the object or was answered its full current state (e.g. by a PUT): later
   * reads answer it without a call.
   */
  void remember(T value) {
    learn(value.id(), new Entry<>(State.PRESENT, value, nanoTime.getAsLong()));
  }

  /**
   * A write changed the object (or may have): the next read asks the Platform. The last known state
   * is kept only to find the object by its name.
   */
  synchronized void changed(String id) {
    View<T> v = view;
    Entry<T> current = v == null ? null : v.entry(id);
    learn(
        id,
        new Entry<>(State.UNKNOWN, current == null ? null : current.value(), nanoTime.getAsLong()));
  }

  /** This process deleted the object (or found it already gone). */
  void deleted(String id) {
    learn(id, new Entry<>(State.GONE, null, nanoTime.getAsLong()));
  }

  /**
   * A create of this name failed in a way that may still have created it (timeout, lost answer,
   * server error): the next lookup of the name asks the Platform instead of the view.
   */
  void createUncertain(String name) {
    if (name != null) {
      uncertainNames.add(name);
    }
  }

  /**
   * Makes a create: one that failed in a way that may still have created the object leaves its name
   * uncertain ({@link #createUncertain}).
   */
  <V> V creating(String name, Supplier<V> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      if (ScopeSnapshots.mayHaveCreated(e)) {
        createUncertain(name);
      }
      throw e;
    }
  }

  /** Makes a PATCH, PUT or action: changed, or refused as stale, the object is read again. */
  <V> V changing(String id, Supplier<V> call) {
    try {
      return call.get();
    } finally {
      changed(id);
    }
  }

  /** Makes a delete: the object is gone, or read again when the delete failed. */
  boolean deleting(String id, Supplier<Boolean> call) {
    boolean wasThere;
    try {
      wasThere = call.get();
    } catch (RuntimeException e) {
      changed(id);
      throw e;
    }
    deleted(id);
    return wasThere;
  }

  /** How many times the list was taken. */
  long refreshes() {
    return refreshes.get();
  }

  /** How many list pages were fetched. */
  long pages() {
    return pages.get();
  }

  @Override
  public String toString() {
    return "KindSnapshot[" + kind + "]";
  }

  private Optional<T> read(PlatformSession session, String id, Getter<T> getter) {
    long started = nanoTime.getAsLong();
    Optional<T> found = getter.get(session, id);
    if (found.isPresent()) {
      learn(found.get().id(), new Entry<>(State.PRESENT, found.get(), started));
    } else {
      learn(id, new Entry<>(State.GONE, null, started));
    }
    return found;
  }

  private synchronized void learn(String id, Entry<T> entry) {
    View<T> v = view;
    if (v == null) {
      // Nothing listed yet: the first list (taken after this moment) will see the object.
      v = new View<>(this, Long.MIN_VALUE, false);
      view = v;
    }
    v.put(id, entry);
  }

  private View<T> fresh(PlatformSession session) {
    View<T> v = view;
    if (isFresh(v)) {
      return v;
    }
    CompletableFuture<View<T>> mine = null;
    CompletableFuture<View<T>> theirs;
    synchronized (this) {
      v = view;
      if (isFresh(v)) {
        return v;
      }
      if (refreshing == null) {
        refreshing = new CompletableFuture<>();
        mine = refreshing;
      }
      theirs = refreshing;
    }
    if (mine != null) {
      return fly(mine, () -> refresh(session), () -> refreshing = null);
    }
    return await(theirs);
  }

  private boolean isFresh(View<T> v) {
    return v != null
        && v.listedAt != Long.MIN_VALUE
        && nanoTime.getAsLong() - v.listedAt <= maxAgeNanos;
  }

  private View<T> refresh(PlatformSession session) {
    long started = nanoTime.getAsLong();
    List<T> all;
    Set<String> names = keyLister == null ? Set.of() : stillWanted(wantedNames, started);
    try {
      all = keyLister == null ? listAll(session, lister) : listKeyed(session, names, started);
    } catch (PlatformException e) {
      if (!refusedList(e)) {
        throw e;
      }
      // The service will not answer this list (a filter or page size it does not take): work
      // without it until the next resync rather than stop every flow of the sandbox.
      LOG.warn(
          "listing {} was refused ({}); reading them one by one until the next resync",
          kind,
          e.getMessage());
      synchronized (this) {
        View<T> degraded = new View<>(this, started, true);
        carryOver(degraded, started);
        view = degraded;
        return degraded;
      }
    }
    synchronized (this) {
      View<T> next = new View<>(this, started, false);
      next.covered.addAll(names);
      for (T t : all) {
        next.put(t.id(), new Entry<>(State.PRESENT, t, started));
      }
      carryOver(next, started);
      view = next;
      refreshes.incrementAndGet();
      return next;
    }
  }

  /** What this process learnt after the list began is newer than the list. */
  private void carryOver(View<T> next, long started) {
    View<T> previous = view;
    if (previous != null) {
      previous.entries.forEach(
          (id, e) -> {
            if (e.at() >= started) {
              next.put(id, e);
            }
          });
    }
  }

  /** A refusal of the list itself, as opposed to a failure a retry may cure. */
  private static boolean refusedList(PlatformException e) {
    int status = e.httpStatus();
    return status == 400 || status == 404 || status == 405 || status == 406;
  }

  /**
   * The keys asked for within the last three list periods: a flow asks for its own at least once a
   * resync, so only the keys of flows gone since are dropped.
   */
  private Set<String> stillWanted(Map<String, Long> wanted, long now) {
    wanted.values().removeIf(at -> now - at > 3 * maxAgeNanos);
    return new LinkedHashSet<>(wanted.keySet());
  }

  /** Objects with the wanted names, then those of the wanted ids no name brought. */
  private List<T> listKeyed(PlatformSession session, Set<String> names, long now) {
    List<T> all = new ArrayList<>();
    for (List<String> batch : batches(names)) {
      all.addAll(listAll(session, (s, token) -> keyLister.page(s, "name", batch, token)));
    }
    Set<String> found = new HashSet<>();
    all.forEach(t -> found.add(t.id()));
    Set<String> ids = stillWanted(wantedIds, now);
    ids.removeAll(found);
    for (List<String> batch : batches(ids)) {
      all.addAll(listAll(session, (s, token) -> keyLister.page(s, "id", batch, token)));
    }
    return all;
  }

  /** Keys in groups whose URL-encoded comma list stays within {@link #keyChars}. */
  private List<List<String>> batches(Set<String> keys) {
    List<List<String>> batches = new ArrayList<>();
    List<String> batch = new ArrayList<>();
    int chars = 0;
    for (String key : keys) {
      // A comma is %2C once encoded.
      int size = URLEncoder.encode(key, StandardCharsets.UTF_8).length() + 3;
      if (!batch.isEmpty() && chars + size > keyChars) {
        batches.add(batch);
        batch = new ArrayList<>();
        chars = 0;
      }
      batch.add(key);
      chars += size;
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    return batches;
  }

  /**
   * Lists a name no list covered yet, with every other name waiting at that moment: one lookup runs
   * at a time and takes all waiting names, so concurrent first passes share calls.
   */
  private void lookUp(PlatformSession session, String name) {
    while (true) {
      CompletableFuture<Void> mine = null;
      CompletableFuture<Void> theirs;
      List<String> batch = List.of();
      synchronized (this) {
        View<T> v = view;
        if (v != null && v.covered.contains(name)) {
          return;
        }
        pendingNames.add(name);
        if (looking == null) {
          // This name first, then the others waiting, then those other flows will ask for.
          Set<String> candidates = new LinkedHashSet<>();
          candidates.add(name);
          candidates.addAll(pendingNames);
          if (v != null) {
            anticipated.get().stream().filter(n -> !v.covered.contains(n)).forEach(candidates::add);
          }
          batch = batches(candidates).get(0);
          batch.forEach(pendingNames::remove);
          looking = new CompletableFuture<>();
          mine = looking;
        }
        theirs = looking;
      }
      if (mine == null) {
        await(theirs);
        continue;
      }
      long started = nanoTime.getAsLong();
      List<String> names = batch;
      fly(
          mine,
          () -> {
            List<T> found = listAll(session, (s, token) -> keyLister.page(s, "name", names, token));
            synchronized (this) {
              found.forEach(t -> learn(t.id(), new Entry<>(State.PRESENT, t, started)));
              view.covered.addAll(names);
            }
            return null;
          },
          () -> looking = null);
    }
  }

  /**
   * Does {@code work} as the one call the other readers wait for on {@code mine}, then {@code
   * landed} (under the lock) lets the next one start.
   */
  private <V> V fly(CompletableFuture<V> mine, Supplier<V> work, Runnable landed) {
    try {
      V result = work.get();
      mine.complete(result);
      return result;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      synchronized (this) {
        landed.run();
      }
    }
  }

  private List<T> listAll(PlatformSession session, Lister<T> lister) {
    return Page.all(
        "GET",
        kind,
        MAX_PAGES,
        token -> {
          Page<T> page = lister.page(session, token);
          pages.incrementAndGet();
          return page;
        });
  }

  private <V> V await(CompletableFuture<V> refresh) {
    try {
      return refresh.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw PlatformException.builder("GET", kind)
          .detail("interrupted while waiting for the " + kind + " list")
          .build(e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** Entries by id with name and alias indexes; mutated only under the snapshot's lock. */
  private static final class View<T extends RemoteObject> {
    private final KindSnapshot<T> owner;
    private final long listedAt;
    // No list behind it: absence proves nothing, lookups by name ask the Platform.
    private final boolean degraded;
    // Keyed kinds: names a list of this view (or a lookup into it) asked for; absence of one of
    // these proves no object has the name, absence of another proves nothing.
    private final Set<String> covered = ConcurrentHashMap.newKeySet();
    private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();
    // Names are nearly always unique: a one-element list per name, not a set.
    private final Map<String, List<String>> byName = new ConcurrentHashMap<>();
    private final Map<String, String> aliases = new ConcurrentHashMap<>();

    View(KindSnapshot<T> owner, long listedAt, boolean degraded) {
      this.owner = owner;
      this.listedAt = listedAt;
      this.degraded = degraded;
    }

    private static List<String> union(List<String> known, List<String> added) {
      if (known.containsAll(added)) {
        return known;
      }
      List<String> all = new ArrayList<>(known);
      all.addAll(added);
      return List.copyOf(all);
    }

    Entry<T> entry(String id) {
      Entry<T> e = entries.get(id);
      if (e == null) {
        String real = aliases.get(id);
        e = real == null ? null : entries.get(real);
      }
      return e;
    }

    List<String> idsNamed(String name) {
      return byName.getOrDefault(name, List.of());
    }

    void put(String id, Entry<T> e) {
      Entry<T> current = entries.get(id);
      if (current != null && current.at() > e.at()) {
        return;
      }
      entries.put(id, e);
      if (e.value() != null) {
        String name = e.value().name();
        if (name != null) {
          byName.merge(name, List.of(id), View::union);
        }
        String alias = owner.aliasOf.apply(e.value());
        if (alias != null && !alias.equals(id)) {
          aliases.put(alias, id);
        }
      }
    }
  }
}
