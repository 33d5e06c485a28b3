package dev.aep.operator;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;

/**
 * The operator's package layering, as it is today, checked on the production classes (tests are
 * free to reach anywhere):
 *
 * <pre>
 *   main  (composition root: wires everything, nothing depends on it)
 *    |-- reconciler..  --> api, platform
 *    |-- platform.http --> platform
 *    |-- platform      (client contracts and records: nothing of ours)
 *    '-- api..         (the CRD model: nothing of ours)
 * </pre>
 *
 * A new top-level package fails {@link #everyClassLivesInAKnownLayer} until it gets a place here.
 */
@AnalyzeClasses(
    packages = "dev.aep.operator",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

  private static final String OURS = "dev.aep.operator..";
  private static final String API = "dev.aep.operator.api..";

  /** Only the package itself: platform.http is a layer of its own. */
  private static final String PLATFORM = "dev.aep.operator.platform";

  private static final String PLATFORM_HTTP = "dev.aep.operator.platform.http..";
  private static final String RECONCILER = "dev.aep.operator.reconciler..";
  private static final String MAIN = "dev.aep.operator.main..";

  @ArchTest
  static final ArchRule everyClassLivesInAKnownLayer =
      classes()
          .should()
          .resideInAnyPackage(API, PLATFORM, PLATFORM_HTTP, RECONCILER, MAIN)
          .because(
              "each package has a place in the layering below; give a new one its rule in ArchitectureTest");

  @ArchTest
  static final ArchRule theApiModelDependsOnNothingElseOfOurs =
      mayUseOfOursOnly(API, "the CRD model is generated into crds/ and must stand alone");

  @ArchTest
  static final ArchRule thePlatformContractsDependOnNothingElseOfOurs =
      mayUseOfOursOnly(
          PLATFORM,
          "the Platform client interfaces and records are the contract both sides build on");

  @ArchTest
  static final ArchRule theHttpClientsDependOnlyOnThePlatformContracts =
      mayUseOfOursOnly(
          PLATFORM_HTTP,
          "the HTTP clients implement the platform interfaces and know nothing of flows or the operator",
          PLATFORM);

  @ArchTest
  static final ArchRule theReconcilerDependsOnlyOnTheApiModelAndThePlatformContracts =
      mayUseOfOursOnly(
          RECONCILER,
          "the reconciler works on the CRD model through the platform interfaces only",
          API,
          PLATFORM);

  @ArchTest
  static final ArchRule theReconcilerNeverReachesTheHttpClients =
      noClasses()
          .that()
          .resideInAPackage(RECONCILER)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(PLATFORM_HTTP)
          .because(
              "the reconciler must run against any Platform implementation (HTTP, simulator, test doubles)");

  @ArchTest
  static final ArchRule nothingDependsOnTheCompositionRoot =
      noClasses()
          .that()
          .resideOutsideOfPackage(MAIN)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(MAIN)
          .because(
              "main is the composition root: it wires the other packages, none of them reaches back");

  /**
   * api, platform (with platform.http), reconciler (with observe and steps) and main, each taken
   * whole.
   */
  @ArchTest
  static final ArchRule theTopLevelPackagesHaveNoCycles =
      slices().matching("dev.aep.operator.(*)..").should().beFreeOfCycles();

  /**
   * Also inside a layer: e.g. reconciler, reconciler.steps and reconciler.observe never go round in
   * a circle.
   */
  @ArchTest
  static final ArchRule everyPackageIsFreeOfCycles =
      slices().matching("dev.aep.operator.(**)").should().beFreeOfCycles();

  /**
   * Classes in {@code layer} depend, of our code, only on {@code layer} itself and the packages
   * {@code below} it.
   */
  private static ArchRule mayUseOfOursOnly(String layer, String because, String... below) {
    String[] allowed = Stream.concat(Stream.of(layer), Stream.of(below)).toArray(String[]::new);
    return classes()
        .that()
        .resideInAPackage(layer)
        .should()
        .onlyDependOnClassesThat(onlyOursIn(allowed))
        .because(because);
  }

  /** Classes outside our code (JDK, libraries) or in one of the given packages of ours. */
  private static DescribedPredicate<JavaClass> onlyOursIn(String... packages) {
    return resideOutsideOfPackage(OURS)
        .or(resideInAnyPackage(packages))
        .as("are not ours or reside in any package %s", String.join(", ", packages));
  }
}
