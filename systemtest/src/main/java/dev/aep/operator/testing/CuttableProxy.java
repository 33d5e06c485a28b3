package dev.aep.operator.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on loopback between one operator replica and the simulator. Cutting it is what a
 * crash looks like from the network: every open connection dies mid-request and no new one is
 * accepted, so a replica that is being stopped cannot reach the Platform any more (a request
 * already sent may still have been served, as with a real crash).
 */
public final class CuttableProxy implements AutoCloseable {
  private final ServerSocket server;
  private final InetSocketAddress target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  // One flag per connection: a request went up and no answer has come back yet.
  private final Set<AtomicBoolean> exchanges = ConcurrentHashMap.newKeySet();
  private final AtomicInteger requestsSent = new AtomicInteger();
  private volatile boolean cut;

  public CuttableProxy(int targetPort) {
    this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Thread acceptor = new Thread(this::accept, "proxy-accept-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The base URL to give the replica instead of the simulator's. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** How many connections carry a request whose answer has not started to come back. */
  public int awaitingAnswers() {
    return (int) exchanges.stream().filter(AtomicBoolean::get).count();
  }

  /**
   * How many requests went up so far (a request starts when data goes up and no answer is awaited).
   */
  public int requestsSent() {
    return requestsSent.get();
  }

  /** Drops every connection now and refuses new ones. */
  public void cut() {
    cut = true;
    try {
      server.close();
    } catch (IOException e) {
      // Closing is all that matters.
    }
    open.forEach(CuttableProxy::closeQuietly);
  }

  private void accept() {
    while (!cut) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return;
      }
      try {
        Socket upstream = new Socket();
        upstream.connect(target, 5_000);
        upstream.setTcpNoDelay(true);
        client.setTcpNoDelay(true);
        open.add(client);
        open.add(upstream);
        if (cut) {
          closeQuietly(client);
          closeQuietly(upstream);
          return;
        }
        AtomicBoolean awaiting = new AtomicBoolean();
        exchanges.add(awaiting);
        pump(
            client,
            upstream,
            () -> {
              if (!awaiting.getAndSet(true)) {
                requestsSent.incrementAndGet();
              }
            });
        pump(upstream, client, () -> awaiting.set(false));
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  /** Runs {@code onData} after each chunk it forwards. */
  private void pump(Socket from, Socket to, Runnable onData) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  out.write(buffer, 0, n);
                  out.flush();
                  onData.run();
                }
              } catch (IOException e) {
                // The other side went away or the proxy was cut.
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            },
            "proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already closed.
    }
  }

  @Override
  public void close() {
    cut();
  }
}
