package dev.aep.simulator;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IMS side of the simulator: registered OAuth server-to-server clients, issued access tokens and
 * the sandboxes that exist. Token expiry uses the wall clock, since clients time expires_in on
 * theirs.
 */
public final class Accounts {
  public static final String DEFAULT_CLIENT_ID = "sim-client";
  public static final String DEFAULT_CLIENT_SECRET = "sim-secret";
  public static final String DEFAULT_ORG_ID = "SIMORG@AdobeOrg";

  /** Production tokens live about 24 h; IMS answers expires_in 86399 (platform-api.md 1.1). */
  public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(86399);

  /** A registered client. */
  public record Account(String clientId, String clientSecret, String orgId) {
    @Override
    public String toString() {
      return "Account[clientId=" + clientId + ", orgId=" + orgId + ", clientSecret=***]";
    }
  }

  /** An issued access token. */
  public record Token(String value, String clientId, String orgId, Instant expiresAt) {
    @Override
    public String toString() {
      return "Token[clientId=" + clientId + ", expiresAt=" + expiresAt + "]";
    }
  }

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final Set<String> sandboxes = ConcurrentHashMap.newKeySet();
  private volatile Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;

  Accounts() {
    register(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_ORG_ID);
    sandboxes.add("prod");
    sandboxes.add("dev");
  }

  /** Registers (or replaces) a client that may obtain tokens. */
  public Accounts register(String clientId, String clientSecret, String orgId) {
    accounts.put(clientId, new Account(clientId, clientSecret, orgId));
    return this;
  }

  /** Makes a sandbox exist (for every org); names are lower case like Platform's. */
  public Accounts addSandbox(String name) {
    sandboxes.add(name.toLowerCase(Locale.ROOT));
    return this;
  }

  public boolean sandboxExists(String name) {
    return sandboxes.contains(name);
  }

  public Set<String> sandboxes() {
    return Set.copyOf(sandboxes);
  }

  public Optional<Account> account(String clientId) {
    return Optional.ofNullable(accounts.get(clientId));
  }

  /** Issues a token when id and secret match a registered client. */
  public Optional<Token> issue(String clientId, String clientSecret) {
    Account a = accounts.get(clientId);
    if (a == null || !a.clientSecret().equals(clientSecret)) {
      return Optional.empty();
    }
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    String value = "sim." + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Token t = new Token(value, a.clientId(), a.orgId(), Instant.now().plus(tokenLifetime));
    tokens.put(value, t);
    return Optional.of(t);
  }

  /** The token if it was issued; expiry is checked by the caller. */
  public Optional<Token> token(String value) {
    return Optional.ofNullable(tokens.get(value));
  }

  /** Lifetime of tokens issued from now on. */
  void tokenLifetime(Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("token lifetime must be positive");
    }
    this.tokenLifetime = lifetime;
  }

  Duration tokenLifetime() {
    return tokenLifetime;
  }

  /** Expires every issued token now (the next Platform call answers 401013). */
  public void expireAllTokens() {
    tokens.replaceAll(
        (k, t) -> new Token(t.value(), t.clientId(), t.orgId(), Instant.now().minusSeconds(1)));
  }
}
