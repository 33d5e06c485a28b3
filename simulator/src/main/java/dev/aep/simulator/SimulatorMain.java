package dev.aep.simulator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator alone: {@code java -jar simulator.jar --port 8081 [--host 127.0.0.1] [--speed 60]};
 * stops on Ctrl-C.
 */
public final class SimulatorMain {
  private SimulatorMain() {}

  public static void main(String[] args) throws InterruptedException, UnknownHostException {
    int port = 8081;
    String host = "127.0.0.1";
    double speed = 1.0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
        case "--host" -> host = value(args, ++i, "--host");
        case "--speed" -> speed = Double.parseDouble(value(args, ++i, "--speed"));
        case "--help", "-h" -> {
          System.out.println("usage: java -jar simulator.jar [--port 8081] [--host 127.0.0.1] [--speed 1]");
          return;
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (try --help)");
      }
    }
    PlatformSimulator sim = PlatformSimulator.start(InetAddress.getByName(host), port);
    sim.clock().speed(speed);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sim.close();
      stopped.countDown();
    }, "simulator-shutdown"));
    System.out.println("Platform simulator listening on " + sim.baseUrl());
    System.out.println("  AEP_PLATFORM_URL=" + sim.baseUrl() + "  AEP_IMS_URL=" + sim.baseUrl() + "  AEP_ALLOW_HTTP=true");
    System.out.println("  client id " + Accounts.DEFAULT_CLIENT_ID + ", client secret " + Accounts.DEFAULT_CLIENT_SECRET
        + ", org " + Accounts.DEFAULT_ORG_ID + ", sandboxes " + sim.accounts().sandboxes());
    System.out.println("  admin: " + sim.baseUrl() + "/simulator/admin/routes");
    System.out.flush();
    stopped.await();
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[i];
  }
}
