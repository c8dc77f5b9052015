package dev.ember.cluster.master;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ember.EmberException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The master's status page on the JDK's HTTP server: {@code /json} returns the state as JSON and {@code /}
 * a page that shows it.
 */
final class MasterWebUI {

  private static final String PAGE = """
      <!DOCTYPE html>
      <html><head><meta charset="utf-8"><title>Ember Master</title></head>
      <body><h1>Ember Master</h1><pre id="state">loading...</pre>
      <script>
      fetch('json').then(r => r.json()).then(s => {
        document.getElementById('state').textContent = JSON.stringify(s, null, 2);
      });
      </script></body></html>
      """;

  private final HttpServer server;

  private MasterWebUI(HttpServer server) {
    this.server = server;
  }

  static MasterWebUI start(Master master, String host, int port) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new EmberException("BIND_FAILED", "Could not start the master's web UI on " + host + ":" + port + ": "
          + e.getMessage(), e);
    }
    server.createContext("/json", exchange -> respond(exchange, "application/json", master.stateJson()));
    server.createContext("/", exchange -> respond(exchange, "text/html; charset=utf-8", PAGE));
    server.setExecutor(null);
    server.start();
    return new MasterWebUI(server);
  }

  int port() {
    return server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
  }

  private static void respond(HttpExchange exchange, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
