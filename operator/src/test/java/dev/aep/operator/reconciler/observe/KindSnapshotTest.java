package dev.aep.operator.reconciler.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.RemoteObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-kind snapshot: single-flight lists, staleness, confirmation of missing ids, writes. */
class KindSnapshotTest {

  /** A listed object: id, name, version. */
  record Obj(String id, String name, int version) implements RemoteObject {}

  private static final Duration MAX_AGE = Duration.ofMinutes(10);

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  // What the "Platform" holds; the lister pages through it two at a time.
  private final Map<String, Obj> remote = new ConcurrentHashMap<>();
  private final AtomicInteger lists = new AtomicInteger();
  private final AtomicInteger pages = new AtomicInteger();
  private final AtomicInteger gets = new AtomicInteger();
  private final AtomicInteger finds = new AtomicInteger();
  private volatile CountDownLatch listGate;
  private volatile CountDownLatch listEntered;
  private volatile RuntimeException listFailure;
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  private final KindSnapshot<Obj> snapshot =
      new KindSnapshot<>("objects", null, this::page, MAX_AGE, now::get);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private Page<Obj> page(Object session, String token) {
    // The page shows the Platform as it was when the call began, however long the answer takes.
    List<Obj> all = new ArrayList<>(remote.values());
    if (token == null) {
      lists.incrementAndGet();
      if (listEntered != null) {
        listEntered.countDown();
      }
      awaitGate();
      if (listFailure != null) {
        throw listFailure;
      }
    }
    pages.incrementAndGet();
    all.sort((a, b) -> a.id().compareTo(b.id()));
    int start = token == null ? 0 : Integer.parseInt(token);
    int end = Math.min(all.size(), start + 2);
    return new Page<>(all.subList(start, end), end < all.size() ? Integer.toString(end) : null);
  }

  private void awaitGate() {
    CountDownLatch gate = listGate;
    if (gate != null) {
      try {
        gate.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The Platform's GET by id, counted in {@link #gets}. */
  private Optional<Obj> get(Object session, String id) {
    gets.incrementAndGet();
    return Optional.ofNullable(remote.get(id));
  }

  private Optional<Obj> byId(String id) {
    return snapshot.byId(null, id, this::get);
  }

  private List<Obj> named(String name) {
    return snapshot.named(
        null,
        name,
        (s, n) -> {
          finds.incrementAndGet();
          return remote.values().stream().filter(o -> o.name().equals(n)).toList();
        },
        this::get);
  }

  /**
   * Reads twice and returns the answer, checking that both reads answer alike and that {@code
   * calls} reads {@code expected} after each: the second read costs no call.
   */
  private <T> T readTwice(Supplier<T> read, AtomicInteger calls, int expected) {
    T first = read.get();
    assertThat(calls).hasValue(expected);
    assertThat(read.get()).isEqualTo(first);
    assertThat(calls).hasValue(expected);
    return first;
  }

  /** Flow a, version 1, is on the Platform, and a first read took the list that shows it. */
  private void aListedOnce() {
    put("a", "flow-a", 1);
    byId("a");
  }

  private void put(String id, String name, int version) {
    remote.put(id, new Obj(id, name, version));
  }

  @Test
  void readsOfOneKindShareOneListWhileItIsYoungerThanTheResyncInterval() {
    put("a", "flow-a", 1);
    put("b", "flow-b", 1);
    put("c", "flow-c", 1);

    assertThat(byId("a")).contains(new Obj("a", "flow-a", 1));
    now.addAndGet(MAX_AGE.toNanos());
    assertThat(byId("b")).isPresent();
    assertThat(byId("c")).isPresent();
    assertThat(named("flow-c")).extracting(Obj::id).containsExactly("c");

    assertThat(lists).hasValue(1);
    assertThat(pages).hasValue(2);
    assertThat(gets).hasValue(0);
  }

  @Test
  void aListOlderThanTheResyncIntervalIsTakenAgainByTheNextReader() {
    aListedOnce();
    put("a", "flow-a", 2);

    now.addAndGet(MAX_AGE.toNanos() + 1);

    assertThat(byId("a")).map(Obj::version).contains(2);
    assertThat(lists).hasValue(2);
    assertThat(gets).hasValue(0);
  }

  @Test
  void concurrentReadersOfAStaleKindWaitForOneList() throws Exception {
    for (int i = 0; i < 8; i++) {
      put("id" + i, "flow" + i, 1);
    }
    listGate = new CountDownLatch(1);
    listEntered = new CountDownLatch(1);
    List<Future<Optional<Obj>>> readers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String id = "id" + i;
      readers.add(pool.submit(() -> byId(id)));
    }
    assertThat(listEntered.await(30, TimeUnit.SECONDS)).isTrue();
    listGate.countDown();

    for (Future<Optional<Obj>> reader : readers) {
      assertThat(reader.get(30, TimeUnit.SECONDS)).isPresent();
    }
    assertThat(lists).hasValue(1);
    assertThat(gets).hasValue(0);
  }

  @Test
  void aFailedListFailsEveryWaiterAndTheNextReaderListsAgain() throws Exception {
    put("a", "flow-a", 1);
    listFailure =
        PlatformException.builder("GET", "/flows").httpStatus(503).retryable(true).build();
    listGate = new CountDownLatch(1);
    listEntered = new CountDownLatch(1);
    Future<Optional<Obj>> first = pool.submit(() -> byId("a"));
    assertThat(listEntered.await(30, TimeUnit.SECONDS)).isTrue();
    Future<Optional<Obj>> second = pool.submit(() -> byId("a"));
    listGate.countDown();

    assertThatThrownBy(() -> first.get(30, TimeUnit.SECONDS))
        .hasCauseInstanceOf(PlatformException.class);
    assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS))
        .hasCauseInstanceOf(PlatformException.class);

    listFailure = null;
    listGate = null;
    assertThat(byId("a")).isPresent();
    assertThat(lists.get()).isBetween(2, 3);
  }

  @Test
  void anIdMissingFromAFreshListIsConfirmedWithOneGetBeforeItCountsAsGone() {
    aListedOnce();
    remote.remove("a");
    put("late", "flow-late", 1);

    // Still listed: no call. Not listed but existing (it came after the list): one GET.
    assertThat(byId("a")).isPresent();
    assertThat(readTwice(() -> byId("late"), gets, 1)).isPresent();

    now.addAndGet(MAX_AGE.toNanos() + 1);
    // Confirmed missing: not asked again until the next list.
    assertThat(readTwice(() -> byId("a"), gets, 2)).isEmpty();
  }

  @Test
  void aWriteMakesOnlyItsOwnObjectReadAgain() {
    put("a", "flow-a", 1);
    put("b", "flow-b", 1);
    byId("a");

    put("a", "flow-a", 2);
    snapshot.changed("a");

    assertThat(byId("a")).map(Obj::version).contains(2);
    assertThat(byId("b")).isPresent();
    assertThat(byId("a")).map(Obj::version).contains(2);
    assertThat(gets).hasValue(1);
    assertThat(lists).hasValue(1);
  }

  @Test
  void whatAWriteTaughtSurvivesAListThatBeganBeforeIt() throws Exception {
    aListedOnce();
    now.addAndGet(MAX_AGE.toNanos() + 1);

    listGate = new CountDownLatch(1);
    listEntered = new CountDownLatch(1);
    Future<Optional<Obj>> reader = pool.submit(() -> byId("a"));
    assertThat(listEntered.await(30, TimeUnit.SECONDS)).isTrue();
    // The list already began (it shows version 1); this PATCH makes version 2 while it runs.
    now.addAndGet(1);
    put("a", "flow-a", 2);
    snapshot.changed("a");
    listGate.countDown();

    assertThat(reader.get(30, TimeUnit.SECONDS)).map(Obj::version).contains(2);
    assertThat(byId("a")).map(Obj::version).contains(2);
    assertThat(gets).hasValue(1);
  }

  @Test
  void createdObjectsAreAnsweredWithoutAReadAndFoundByName() {
    byId("nothing-yet");
    int before = gets.get();

    snapshot.remember(new Obj("new", "flow-new", 1));

    assertThat(byId("new")).contains(new Obj("new", "flow-new", 1));
    assertThat(named("flow-new")).extracting(Obj::id).containsExactly("new");
    assertThat(gets.get()).isEqualTo(before);
    assertThat(lists).hasValue(1);
  }

  @Test
  void deletedObjectsAreGoneEvenWhileTheListStillShowsThem() {
    aListedOnce();

    snapshot.deleted("a");

    assertThat(byId("a")).isEmpty();
    assertThat(named("flow-a")).isEmpty();
    assertThat(gets).hasValue(0);
  }

  @Test
  void aCreateWithAnUnknownOutcomeMakesTheNextNameLookupAskThePlatformOnce() {
    named("flow-a");
    // The POST timed out, but the Platform made the object.
    put("a", "flow-a", 1);
    snapshot.createUncertain("flow-a");

    assertThat(readTwice(() -> named("flow-a"), finds, 1)).extracting(Obj::id).containsExactly("a");
    assertThat(byId("a")).isPresent();
    assertThat(gets).hasValue(0);
  }

  @Test
  void anObjectAWriteChangedIsReadAgainBeforeItMatchesALookupByName() {
    put("a", "flow-a", 1);
    named("flow-a");

    put("a", "renamed", 2);
    snapshot.changed("a");

    assertThat(named("flow-a")).isEmpty();
    assertThat(named("renamed")).extracting(Obj::id).containsExactly("a");
    assertThat(gets).hasValue(1);
  }

  @Test
  void aLookupByNameReadsAgainOnlyChangedObjectsOfThatName() {
    put("a", "flow-a", 1);
    put("b", "flow-b", 1);
    named("flow-a");
    snapshot.changed("a");
    snapshot.changed("b");

    assertThat(named("flow-a")).extracting(Obj::id).containsExactly("a");

    assertThat(gets).hasValue(1);
  }

  @Test
  void aListTheServiceRefusesFallsBackToReadsByIdAndNameLookupsUntilTheNextResync() {
    put("a", "flow-a", 1);
    listFailure = PlatformException.builder("GET", "/flows").httpStatus(400).build();

    assertThat(byId("a")).isPresent();
    assertThat(named("flow-a")).extracting(Obj::id).containsExactly("a");
    assertThat(named("flow-b")).isEmpty();
    assertThat(gets).hasValue(1);
    assertThat(finds).hasValue(2);
    assertThat(lists).hasValue(1);

    listFailure = null;
    now.addAndGet(MAX_AGE.toNanos() + 1);
    assertThat(named("flow-a")).extracting(Obj::id).containsExactly("a");
    assertThat(finds).hasValue(2);
    assertThat(lists).hasValue(2);
  }

  @Test
  void aRepeatedPageTokenStopsTheListing() {
    KindSnapshot<Obj> looping =
        new KindSnapshot<>(
            "objects",
            null,
            (s, token) -> new Page<>(List.of(new Obj("x", "x", 1)), "same"),
            MAX_AGE,
            now::get);

    assertThatThrownBy(() -> looping.byId(null, "x", (s, i) -> Optional.empty()))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining("repeated a page token");
  }
}
