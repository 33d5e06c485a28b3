package dev.aep.operator.platform.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes known secret values (and anything shaped like a bearer token) from text shown to people.
 */
final class Redactor {

  static final String MASK = "<redacted>";
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
  // Short values would mask ordinary words; real secrets are long.
  private static final int MIN_SECRET_LENGTH = 4;

  private final List<String> secrets;

  Redactor(Collection<String> secrets) {
    List<String> kept = new ArrayList<>();
    for (String s : secrets) {
      if (s != null && s.length() >= MIN_SECRET_LENGTH) {
        kept.add(s);
      }
    }
    // Longest first so that a secret containing another is masked whole.
    kept.sort((a, b) -> Integer.compare(b.length(), a.length()));
    this.secrets = List.copyOf(kept);
  }

  String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    return BEARER.matcher(out).replaceAll("$1" + MASK);
  }
}
