package dev.aep.operator.platform;

import java.util.List;

/**
 * Data Prep's verdict on one mapping ({@code POST /mappingSets/validate}, platform-api.md 14).
 *
 * @param index position of the mapping in the request
 * @param ok whether the mapping passed
 * @param errors the Platform's messages when it did not
 */
public record MappingCheck(int index, boolean ok, List<String> errors) {

  public MappingCheck {
    errors = Copies.list(errors);
  }
}
