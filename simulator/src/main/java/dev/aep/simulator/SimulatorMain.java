package dev.aep.simulator;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator alone: {@code java -jar simulator.jar --port 8081 [--host 127.0.0.1] [--speed
 * 60] [--tenant simtenant]}; stops on Ctrl-C.
 */
public final class SimulatorMain {
  private SimulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (options == null) {
      System.out.println(
          "usage: java -jar simulator.jar [--port 8081] [--host 127.0.0.1] [--speed 1] [--tenant simtenant]");
      return;
    }
    PlatformSimulator sim;
    try {
      sim = PlatformSimulator.start(options.host(), options.port(), options.tenant());
    } catch (UncheckedIOException e) {
      System.err.println("error: " + e.getMessage() + " (" + e.getCause().getMessage() + ")");
      System.exit(1);
      return;
    }
    sim.clock().speed(options.speed());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  sim.close();
                  stopped.countDown();
                },
                "simulator-shutdown"));
    System.out.println("Platform simulator listening on " + sim.baseUrl());
    System.out.println(
        "  AEP_PLATFORM_URL="
            + sim.baseUrl()
            + "  AEP_IMS_URL="
            + sim.baseUrl()
            + "  AEP_ALLOW_HTTP=true");
    System.out.println(
        "  client id "
            + Accounts.DEFAULT_CLIENT_ID
            + ", client secret "
            + Accounts.DEFAULT_CLIENT_SECRET
            + ", org "
            + Accounts.DEFAULT_ORG_ID
            + " (tenant "
            + sim.tenantId()
            + "), sandboxes "
            + sim.accounts().sandboxes());
    System.out.println("  admin: " + sim.baseUrl() + "/simulator/admin/routes");
    System.out.flush();
    stopped.await();
  }

  /**
   * The command line: port (0 = any free one), bind address, clock speed and the org's tenant id.
   */
  record Options(int port, InetAddress host, double speed, String tenant) {

    /** The options, or null when help was asked for; a bad value names its flag. */
    static Options parse(String[] args) {
      int port = 8081;
      InetAddress host = InetAddress.getLoopbackAddress();
      double speed = 1.0;
      String tenant = PlatformSimulator.DEFAULT_TENANT;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--port" -> port = port(value(args, ++i, "--port"));
          case "--host" -> host = host(value(args, ++i, "--host"));
          case "--speed" -> speed = speed(value(args, ++i, "--speed"));
          case "--tenant" -> tenant = tenant(value(args, ++i, "--tenant"));
          case "--help", "-h" -> {
            return null;
          }
          default ->
              throw new IllegalArgumentException("unknown argument " + args[i] + " (try --help)");
        }
      }
      return new Options(port, host, speed, tenant);
    }

    private static int port(String raw) {
      try {
        int port = Integer.parseInt(raw);
        if (port >= 0 && port <= 65535) {
          return port;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(
          "--port: expected a port number 0..65535, got \"" + raw + "\"");
    }

    private static InetAddress host(String raw) {
      try {
        return InetAddress.getByName(raw);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("--host: unknown host \"" + raw + "\"");
      }
    }

    private static double speed(String raw) {
      try {
        double speed = Double.parseDouble(raw);
        if (speed > 0 && Double.isFinite(speed)) {
          return speed;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(
          "--speed: expected a positive number, got \"" + raw + "\"");
    }

    private static String tenant(String raw) {
      if (raw.matches("[a-z][a-z0-9]*")) {
        return raw;
      }
      throw new IllegalArgumentException(
          "--tenant: expected lower-case letters and digits, got \"" + raw + "\"");
    }

    private static String value(String[] args, int i, String flag) {
      if (i >= args.length) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      return args[i];
    }
  }
}
