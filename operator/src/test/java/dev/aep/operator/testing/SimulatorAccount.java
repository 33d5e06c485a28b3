package dev.aep.operator.testing;

import dev.aep.operator.platform.PlatformAccount;
import dev.aep.simulator.Accounts;

/** The credentials the Platform simulator accepts out of the box. */
public final class SimulatorAccount {
  public static final PlatformAccount DEFAULT =
      new PlatformAccount(
          Accounts.DEFAULT_CLIENT_ID,
          Accounts.DEFAULT_CLIENT_SECRET,
          Accounts.DEFAULT_ORG_ID,
          null,
          null);

  private SimulatorAccount() {}
}
