package dev.aep.operator.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aep.operator.platform.FieldGroup;
import dev.aep.operator.platform.FieldGroupRequest;
import dev.aep.operator.platform.IdentityDescriptor;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.SchemaField;
import dev.aep.operator.platform.SchemaRegistryClient;
import dev.aep.operator.testing.FieldTable;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tenant id, resolved schema fields, field groups and identity descriptors: the exact requests
 * (platform-api.md 3, 9, 10, 12) and the reading of the documented answers.
 */
class SchemaRegistryDataPathTest {

  private static final String BASE = "/data/foundation/schemaregistry";
  private static final String EVENT = "https://ns.adobe.com/xdm/context/experienceevent";
  private static final String SCHEMA = "https://ns.adobe.com/acme/schemas/s1";

  @RegisterExtension final PlatformSessionFixture fixture = new PlatformSessionFixture("prod");

  private SchemaRegistryClient registry() {
    return fixture.session.schemaRegistry();
  }

  // --- tenant ---

  @Test
  void tenantIdIsReadFromStatsOnceAndThenRemembered() {
    fixture.answer(
        200, "{\"imsOrg\":\"ORG1@AdobeOrg\",\"tenantId\":\"acme\",\"counts\":{\"schemas\":4}}");
    assertThat(registry().tenantId()).isEqualTo("acme");
    assertThat(registry().tenantId()).isEqualTo("acme");
    assertThat(fixture.server.platformRequests).hasSize(1);
    assertThat(fixture.lastCall()).isEqualTo("GET " + BASE + "/stats");
    assertThat(fixture.lastAccept()).isEqualTo("application/json");
  }

  @Test
  void statsAnswerWithoutATenantIdIsAnError() {
    fixture.answer(200, "{\"imsOrg\":\"ORG1@AdobeOrg\"}");
    assertThatThrownBy(() -> registry().tenantId())
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining("no tenantId");
  }

  // --- resolved schema fields ---

  @Test
  void schemaFieldsAsksForTheResolvedSchemaAndFlattensItsPropertiesIntoTypedDotPaths() {
    fixture.answer(
        200,
        "{\"$id\":\""
            + SCHEMA
            + "\",\"type\":\"object\",\"required\":[\"_id\",\"timestamp\"],\"properties\":{"
            + "\"_id\":{\"type\":\"string\"},"
            + "\"timestamp\":{\"type\":\"string\",\"format\":\"date-time\",\"meta:xdmType\":\"date-time\"},"
            + "\"eventType\":{\"type\":\"string\"},"
            + "\"_acme\":{\"type\":\"object\",\"required\":[\"stripe\"],\"properties\":{"
            + "\"stripe\":{\"type\":\"object\",\"required\":[\"id\"],\"properties\":{"
            + "\"id\":{\"type\":\"string\"},\"amount\":{\"type\":\"integer\"},"
            + "\"day\":{\"type\":\"string\",\"format\":\"date\"},"
            + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
            + "\"metadata\":{\"type\":\"object\",\"meta:xdmType\":\"map\",\"additionalProperties\":{\"type\":\"string\"}}"
            + "}}}}}}");
    Map<String, SchemaField> fields = registry().schemaFields(SCHEMA).orElseThrow();

    assertThat(fields)
        .containsOnlyKeys(
            "_id",
            "timestamp",
            "eventType",
            "_acme.stripe.id",
            "_acme.stripe.amount",
            "_acme.stripe.day",
            "_acme.stripe.tags",
            "_acme.stripe.metadata");
    assertThat(fields.get("_id")).isEqualTo(new SchemaField("_id", "string", true));
    assertThat(fields.get("timestamp")).isEqualTo(new SchemaField("timestamp", "date-time", true));
    assertThat(fields.get("eventType").required()).isFalse();
    assertThat(fields.get("_acme.stripe.day").type()).isEqualTo("date");
    assertThat(fields.get("_acme.stripe.amount").type()).isEqualTo("integer");
    assertThat(fields.get("_acme.stripe.tags").type()).isEqualTo("array");
    assertThat(fields.get("_acme.stripe.metadata").type()).isEqualTo("object");
    // Required inside _acme, but _acme itself is optional: a row without _acme is accepted.
    assertThat(fields.get("_acme.stripe.id").required()).isFalse();

    assertThat(fixture.lastCall())
        .isEqualTo(
            "GET " + BASE + "/tenant/schemas/https:%2F%2Fns.adobe.com%2Facme%2Fschemas%2Fs1");
    assertThat(fixture.lastAccept()).isEqualTo("application/vnd.adobe.xed-full+json; version=1");
  }

  // --- field groups ---

  private static final String CREATED_GROUP =
      "{\"$id\":\"https://ns.adobe.com/acme/mixins/fg1\","
          + "\"meta:altId\":\"_acme.mixins.fg1\",\"meta:resourceType\":\"mixins\",\"version\":\"1.0\",\"title\":\"Stripe"
          + " Charge Fields\",\"description\":\"d\",\"type\":\"object\","
          + "\"meta:intendedToExtend\":[\""
          + EVENT
          + "\"],\"definitions\":{\"customFields\":{\"properties\":{\"_acme\":{\"type\":\"object\","
          + "\"properties\":{\"stripe\":{\"type\":\"object\",\"properties\":{"
          + "\"amount\":{\"type\":\"integer\"},"
          + "\"created\":{\"type\":\"string\",\"format\":\"date-time\",\"meta:xdmType\":\"date-time\"}}}}}}}},"
          + "\"allOf\":[{\"$ref\":\"#/definitions/customFields\",\"type\":\"object\"}]}";

  private static FieldGroupRequest chargeFields() {
    return new FieldGroupRequest(
        "Stripe Charge Fields",
        "d",
        EVENT,
        Map.of(
            "_acme.stripe.amount", "integer",
            "_acme.stripe.created", "date-time",
            "_acme.stripe.day", "date",
            "_acme.stripe.card.brand", "string",
            "_acme.stripe.paid", "boolean",
            "_acme.stripe.fee", "number"));
  }

  @Test
  void createFieldGroupSendsOneDefinitionNestedFromTheDotPathsWithJsonSchemaTypes() {
    fixture.answer(201, CREATED_GROUP);
    FieldGroup created = registry().createFieldGroup(chargeFields());

    assertThat(fixture.last().getHeaders().get("Content-Type")).startsWith("application/json");
    fixture.assertLastSent(
        "POST " + BASE + "/tenant/fieldgroups",
        "{\"title\":\"Stripe Charge Fields\",\"description\":\"d\","
            + "\"type\":\"object\",\"meta:intendedToExtend\":[\""
            + EVENT
            + "\"],\"definitions\":{\"customFields\":{\"properties\":{\"_acme\":{\"type\":\"object\","
            + "\"properties\":{\"stripe\":{\"type\":\"object\",\"properties\":{"
            + "\"amount\":{\"type\":\"integer\"},"
            + "\"card\":{\"type\":\"object\",\"properties\":{\"brand\":{\"type\":\"string\"}}},"
            + "\"created\":{\"type\":\"string\",\"format\":\"date-time\"},"
            + "\"day\":{\"type\":\"string\",\"format\":\"date\"},\"fee\":{\"type\":\"number\"},"
            + "\"paid\":{\"type\":\"boolean\"}}}}}}}},"
            + "\"allOf\":[{\"$ref\":\"#/definitions/customFields\"}]}");

    assertThat(created.id()).isEqualTo("https://ns.adobe.com/acme/mixins/fg1");
    assertThat(created.altId()).isEqualTo("_acme.mixins.fg1");
    assertThat(created.version()).isEqualTo("1.0");
    assertThat(created.classIds()).containsExactly(EVENT);
    assertThat(created.fields())
        .containsOnly(
            Map.entry("_acme.stripe.amount", "integer"),
            Map.entry("_acme.stripe.created", "date-time"));
  }

  @ParameterizedTest(name = "{0} is refused before anything is sent")
  @CsvSource({
    "a path that is both a leaf and an object, _acme.stripe:string _acme.stripe.id:string,"
        + " _acme.stripe",
    "a type a field group cannot hold, _acme.x:map, _acme.x"
  })
  void aFieldGroupTheRegistryCannotHoldIsRefusedBeforeAnythingIsSent(
      String behaviour, String fields, String named) {
    FieldGroupRequest refused = new FieldGroupRequest("T", "d", EVENT, FieldTable.of(fields));
    assertThatThrownBy(() -> registry().createFieldGroup(refused))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(named);
    assertThat(fixture.server.platformRequests).isEmpty();
  }

  @Test
  void getFieldGroupSendsAVersionedAcceptAndReadsTheLeafFields() {
    fixture.answer(200, CREATED_GROUP);
    FieldGroup group = registry().getFieldGroup("_acme.mixins.fg1").orElseThrow();
    assertThat(group.title()).isEqualTo("Stripe Charge Fields");
    assertThat(group.fields()).containsKeys("_acme.stripe.amount", "_acme.stripe.created");
    assertThat(fixture.last().getUrl().encodedPath())
        .isEqualTo(BASE + "/tenant/fieldgroups/_acme.mixins.fg1");
    assertThat(fixture.lastAccept()).isEqualTo("application/vnd.adobe.xed+json; version=1");
  }

  @Test
  void findFieldGroupByTitleFiltersOnTheServerWithSummariesAndKeepsOnlyTheExactTitle() {
    fixture.answer(
        200,
        "{\"results\":["
            + "{\"$id\":\"https://ns.adobe.com/acme/mixins/a\",\"meta:altId\":\"_acme.mixins.a\","
            + "\"version\":\"1.1\",\"title\":\"stripe charge fields\"},"
            + "{\"$id\":\"https://ns.adobe.com/acme/mixins/b\",\"meta:altId\":\"_acme.mixins.b\","
            + "\"version\":\"1.3\",\"title\":\"Stripe Charge Fields\"}],\"_page\":{\"count\":2}}");
    FieldGroup found =
        registry().fieldGroups().findByName("Stripe Charge Fields").stream()
            .findFirst()
            .orElseThrow();
    assertThat(found.id()).isEqualTo("https://ns.adobe.com/acme/mixins/b");
    assertThat(found.version()).isEqualTo("1.3");
    assertThat(found.fields()).isEmpty();
    assertThat(fixture.lastCall()).isEqualTo("GET " + BASE + "/tenant/fieldgroups");
    assertThat(fixture.last().getUrl().queryParameter("property"))
        .isEqualTo("title==Stripe Charge Fields");
    assertThat(fixture.lastAccept()).isEqualTo("application/vnd.adobe.xed-id+json");
  }

  @Test
  void replaceFieldGroupPutsTheWholeBodyToTheGroup() {
    fixture.answer(200, CREATED_GROUP.replace("\"1.0\"", "\"1.1\""));
    FieldGroup replaced = registry().replaceFieldGroup("_acme.mixins.fg1", chargeFields());
    assertThat(replaced.version()).isEqualTo("1.1");
    assertThat(fixture.lastCall())
        .isEqualTo("PUT " + BASE + "/tenant/fieldgroups/_acme.mixins.fg1");
    assertThat(fixture.lastBody().at("/meta:intendedToExtend/0").asText()).isEqualTo(EVENT);
    assertThat(
            fixture
                .lastBody()
                .at(
                    "/definitions/customFields/properties/_acme/properties/stripe/properties/card"
                        + "/properties/brand/type")
                .asText())
        .isEqualTo("string");
  }

  @Test
  void deleteFieldGroupIsTrueWhenDeletedAndFalseWhenAlreadyGone() {
    fixture.server.handler = r -> new mockwebserver3.MockResponse.Builder().code(204).build();
    assertThat(registry().deleteFieldGroup("_acme.mixins.fg1")).isTrue();
    assertThat(fixture.lastCall())
        .isEqualTo("DELETE " + BASE + "/tenant/fieldgroups/_acme.mixins.fg1");
    fixture.answer(404, "{\"title\":\"Resource Not Found\",\"status\":404}");
    assertThat(registry().deleteFieldGroup("_acme.mixins.fg1")).isFalse();
  }

  // --- identity descriptors ---

  private static final String DESCRIPTOR =
      "{\"@id\":\"d1\",\"@type\":\"xdm:descriptorIdentity\","
          + "\"xdm:sourceSchema\":\""
          + SCHEMA
          + "\",\"xdm:sourceVersion\":1,"
          + "\"xdm:sourceProperty\":\"/_acme/stripe/email\",\"xdm:namespace\":\"Email\","
          + "\"xdm:property\":\"xdm:code\",\"xdm:isPrimary\":true,\"version\":\"1\"}";

  @Test
  void createIdentityDescriptorSendsAJsonPointerAndTheNamespaceByCode() {
    fixture.answer(201, DESCRIPTOR);
    IdentityDescriptor created =
        registry()
            .createIdentityDescriptor(
                new IdentityDescriptor(null, SCHEMA, 1, "_acme.stripe.email", "Email", true));

    fixture.assertLastSent(
        "POST " + BASE + "/tenant/descriptors",
        "{\"@type\":\"xdm:descriptorIdentity\","
            + "\"xdm:sourceSchema\":\""
            + SCHEMA
            + "\",\"xdm:sourceVersion\":1,"
            + "\"xdm:sourceProperty\":\"/_acme/stripe/email\",\"xdm:namespace\":\"Email\","
            + "\"xdm:property\":\"xdm:code\",\"xdm:isPrimary\":true}");
    assertThat(fixture.lastBody().get("xdm:sourceVersion").isInt()).isTrue();
    assertThat(created)
        .isEqualTo(new IdentityDescriptor("d1", SCHEMA, 1, "_acme.stripe.email", "Email", true));
  }

  @Test
  void aCreateAnswerWithoutAnIdIsAnError() {
    fixture.answer(201, "{}");
    assertThatThrownBy(
            () ->
                registry()
                    .createIdentityDescriptor(
                        new IdentityDescriptor(
                            null, SCHEMA, 1, "_acme.stripe.email", "Email", true)))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining("no @id");
  }

  @Test
  void listIdentityDescriptorsFiltersBySchemaOnTheServerAndAgainOnTheClient() {
    // A registry that ignores the filter answers every schema's descriptors, grouped by type.
    fixture.answer(
        200,
        "{\"xdm:descriptorIdentity\":["
            + DESCRIPTOR
            + ","
            + DESCRIPTOR.replace("\"d1\"", "\"d2\"").replace(SCHEMA, SCHEMA + "-other")
            + "],\"xdm:alternateDisplayInfo\":[{\"@id\":\"n1\",\"@type\":\"xdm:alternateDisplayInfo\","
            + "\"xdm:sourceSchema\":\""
            + SCHEMA
            + "\"}]}");
    assertThat(registry().listIdentityDescriptors(SCHEMA))
        .containsExactly(
            new IdentityDescriptor("d1", SCHEMA, 1, "_acme.stripe.email", "Email", true));
    assertThat(fixture.lastCall()).isEqualTo("GET " + BASE + "/tenant/descriptors");
    assertThat(fixture.last().getUrl().queryParameter("property"))
        .isEqualTo("xdm:sourceSchema==" + SCHEMA);
    assertThat(fixture.lastAccept()).isEqualTo("application/vnd.adobe.xdm+json");
  }

  @Test
  void listIdentityDescriptorsAlsoReadsAResultsArrayOfMixedTypes() {
    fixture.answer(
        200,
        "{\"results\":["
            + DESCRIPTOR
            + ",{\"@id\":\"n1\",\"@type\":\"xdm:alternateDisplayInfo\",\"xdm:sourceSchema\":\""
            + SCHEMA
            + "\"}]}");
    assertThat(registry().listIdentityDescriptors(SCHEMA))
        .extracting(IdentityDescriptor::id)
        .containsExactly("d1");
  }

  @Test
  void aSourceVersionSentAsAStringAndAnEscapedPointerAreRead() {
    fixture.answer(
        200,
        "{\"xdm:descriptorIdentity\":[{\"@id\":\"d3\","
            + "\"xdm:sourceSchema\":\""
            + SCHEMA
            + "\",\"xdm:sourceVersion\":\"2\","
            + "\"xdm:sourceProperty\":\"/_acme/a~1b\",\"xdm:namespace\":\"Phone\",\"xdm:isPrimary\":\"false\"}]}");
    assertThat(registry().listIdentityDescriptors(SCHEMA))
        .containsExactly(new IdentityDescriptor("d3", SCHEMA, 2, "_acme.a/b", "Phone", false));
  }

  @Test
  void deleteDescriptorIsTrueWhenDeletedAndFalseWhenAlreadyGone() {
    fixture.server.handler = r -> new mockwebserver3.MockResponse.Builder().code(204).build();
    assertThat(registry().deleteDescriptor("d1")).isTrue();
    assertThat(fixture.lastCall()).isEqualTo("DELETE " + BASE + "/tenant/descriptors/d1");
    fixture.answer(404, "{\"title\":\"Not found\",\"status\":404}");
    assertThat(registry().deleteDescriptor("d1")).isFalse();
  }

  /** Reads of something the Platform does not hold, and how each answers that. */
  static Stream<Arguments> missingObjects() {
    return Stream.of(
        missing(
            "the fields of a missing schema are empty",
            404,
            "{\"type\":\"http://ns.adobe.com/aep/errors/XDM-1012-404\","
                + "\"title\":\"Resource Not Found\",\"status\":404}",
            r -> r.schemaFields(SCHEMA)),
        missing(
            "a missing field group is empty",
            404,
            "{\"title\":\"Resource Not Found\",\"status\":404}",
            r -> r.getFieldGroup("_acme.mixins.gone")),
        missing(
            "a field group title without a match is empty",
            200,
            "{\"results\":[],\"_page\":{\"count\":0}}",
            r -> r.fieldGroups().findByName("Nothing").stream().findFirst()));
  }

  private static Arguments missing(
      String behaviour,
      int status,
      String answer,
      Function<SchemaRegistryClient, Optional<?>> read) {
    return Arguments.of(behaviour, status, answer, read);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("missingObjects")
  void aReadOfSomethingMissingIsEmpty(
      String behaviour,
      int status,
      String answer,
      Function<SchemaRegistryClient, Optional<?>> read) {
    fixture.answer(status, answer);
    assertThat(read.apply(registry())).isEmpty();
  }
}
