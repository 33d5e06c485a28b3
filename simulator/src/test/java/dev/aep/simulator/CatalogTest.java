package dev.aep.simulator;

import static dev.aep.simulator.SimClient.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Catalog datasets: keyed answers, 24-hex ids, name and property filters, paging, 200 delete. */
class CatalogTest extends SimulatorTestBase {
  String schemaId;

  @BeforeEach
  void schema() {
    schemaId = Fixtures.stripeSchema(c, "S");
  }

  private String create(String name) {
    SimClient.Resp r = c.post(CATALOG + "/dataSets", Fixtures.dataset(name, schemaId));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get(0).asText().substring("@/dataSets/".length());
  }

  @Test
  void createAnswersArrayOfRefWith24HexId() {
    SimClient.Resp r =
        c.post(CATALOG + "/dataSets?requestDataSource=true", Fixtures.dataset("d", schemaId));
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().isArray()).isTrue();
    assertThat(r.json()).hasSize(1);
    assertThat(r.json().get(0).asText()).matches("@/dataSets/[0-9a-f]{24}");
    assertThat(r.header("Location")).contains("/dataSets/");
  }

  @Test
  void getIsKeyedByIdAndPropertiesTrim() {
    String id = create("d");
    JsonNode body = c.get(CATALOG + "/dataSets/" + id).json();
    assertThat(body.fieldNames()).toIterable().containsExactly(id);
    assertThat(body.path(id).path("schemaRef").path("id").asText()).isEqualTo(schemaId);
    assertThat(body.path(id).path("name").asText()).isEqualTo("d");
    JsonNode trimmed = c.get(CATALOG + "/dataSets/" + id + "?properties=name").json().path(id);
    assertThat(trimmed.fieldNames()).toIterable().containsExactly("name");
    assertThat(c.get(CATALOG + "/dataSets/5c8c3c555033b814b69f947f").status()).isEqualTo(404);
  }

  @Test
  void createNeedsAnExistingSchema() {
    assertThat(
            c.post(
                    CATALOG + "/dataSets",
                    Fixtures.dataset("d", "https://ns.adobe.com/simtenant/schemas/none"))
                .status())
        .isEqualTo(400);
  }

  @Test
  void listFiltersByNameAndPropertyAndPages() {
    String a = create("alpha");
    create("bravo");
    create("charlie");
    assertThat(c.get(CATALOG + "/dataSets?name=alpha").json().fieldNames())
        .toIterable()
        .containsExactly(a);
    assertThat(c.get(CATALOG + "/dataSets?property=" + SimClient.enc("name==alpha")).json().size())
        .isEqualTo(1);
    assertThat(c.get(CATALOG + "/dataSets?name=alpha,bravo").json().size()).isEqualTo(2);
    assertThat(c.get(CATALOG + "/dataSets?name=!alpha").json().size()).isEqualTo(2);
    assertThat(c.get(CATALOG + "/dataSets?limit=2&start=2&orderBy=asc:created").json().size())
        .isEqualTo(1);
    assertThat(c.get(CATALOG + "/dataSets?limit=0").status()).isEqualTo(400);
    assertThat(c.get(CATALOG + "/dataSets?limit=101").status()).isEqualTo(400);
  }

  @Test
  void deleteAnswers200WithRefAndEmptyArrayForUnknown() {
    String id = create("d");
    SimClient.Resp r = c.delete(CATALOG + "/dataSets/" + id);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get(0).asText()).isEqualTo("@/dataSets/" + id);
    assertThat(c.get(CATALOG + "/dataSets/" + id).status()).isEqualTo(404);
    SimClient.Resp again = c.delete(CATALOG + "/dataSets/" + id);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json()).isEmpty();
    assertThat(again.json().isArray()).isTrue();
  }
}
