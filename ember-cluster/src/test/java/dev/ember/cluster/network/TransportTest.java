package dev.ember.cluster.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransportTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : toClose) {
      closeable.close();
    }
  }

  private TransportServer server(String secret, RpcHandler handler) {
    TransportServer server = TransportServer.bind("127.0.0.1", 0, secret, handler);
    toClose.add(server);
    return server;
  }

  private TransportConnection connect(TransportServer server, String secret, RpcHandler handler) {
    TransportConnection connection = TransportClient.connect("127.0.0.1", server.port(), secret, handler, TIMEOUT);
    toClose.add(connection::close);
    return connection;
  }

  @Test
  void requestIsAnsweredByTheOtherSide() {
    TransportServer server = server(null, (connection, message) -> "echo:" + message);
    TransportConnection client = connect(server, null, (connection, message) -> null);

    String reply = client.askSync("ping", TIMEOUT);

    assertThat(reply).isEqualTo("echo:ping");
  }

  @Test
  void rawBytesTravelUnserialized() {
    TransportServer server = server(null, (connection, message) -> new RawBytes(new byte[] {1, 2, 3}));
    TransportConnection client = connect(server, null, (connection, message) -> null);

    RawBytes reply = client.askSync("block", TIMEOUT);

    assertThat(reply.bytes()).containsExactly(1, 2, 3);
  }

  @Test
  void serverPushesOneWayMessagesInOrderOverTheClientsConnection() throws Exception {
    List<Object> received = new CopyOnWriteArrayList<>();
    CountDownLatch three = new CountDownLatch(3);
    TransportServer server = server(null, (connection, message) -> {
      for (int i = 1; i <= 3; i++) {
        connection.send(i);
      }
      return "sent";
    });
    TransportConnection client = connect(server, null, (connection, message) -> {
      received.add(message);
      three.countDown();
      return null;
    });

    client.askSync("start", TIMEOUT);

    assertThat(three.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(received).containsExactly(1, 2, 3);
  }

  @Test
  void aFailureOnTheOtherSideFailsTheRequest() {
    TransportServer server = server(null, (connection, message) -> {
      throw new IllegalStateException("no such block");
    });
    TransportConnection client = connect(server, null, (connection, message) -> null);

    assertThatThrownBy(() -> client.askSync("fetch", TIMEOUT))
        .isInstanceOf(EmberException.class)
        .hasMessageContaining("no such block");
  }

  @Test
  void aRequestWithoutAnswerTimesOut() {
    CountDownLatch release = new CountDownLatch(1);
    TransportServer server = server(null, (connection, message) -> {
      release.await(5, TimeUnit.SECONDS);
      return "late";
    });
    TransportConnection client = connect(server, null, (connection, message) -> null);

    long start = System.nanoTime();
    assertThatThrownBy(() -> client.askSync("slow", Duration.ofMillis(200)))
        .isInstanceOf(EmberException.class)
        .satisfies(e -> assertThat(((EmberException) e).condition()).isEqualTo("RPC_TIMEOUT"));
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3000);
    release.countDown();
  }

  @Test
  void theRightSecretIsAccepted() {
    TransportServer server = server("s3cret", (connection, message) -> "welcome");
    TransportConnection client = connect(server, "s3cret", (connection, message) -> null);

    assertThat((String) client.askSync("hello", TIMEOUT)).isEqualTo("welcome");
  }

  @Test
  void aWrongSecretIsRefused() {
    TransportServer server = server("s3cret", (connection, message) -> "welcome");

    assertThatThrownBy(() -> connect(server, "guess", (connection, message) -> null))
        .isInstanceOf(EmberException.class)
        .satisfies(e -> assertThat(((EmberException) e).condition()).isEqualTo("AUTHENTICATION_FAILED"));
  }

  @Test
  void noSecretIsRefusedWhenTheServerWantsOne() {
    TransportServer server = server("s3cret", (connection, message) -> "welcome");

    assertThatThrownBy(() -> connect(server, null, (connection, message) -> null))
        .isInstanceOf(EmberException.class)
        .satisfies(e -> assertThat(((EmberException) e).condition()).isEqualTo("AUTHENTICATION_FAILED"));
  }

  @Test
  void closingTheConnectionTellsTheOtherSide() throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    TransportServer server = server(null, new RpcHandler() {
      @Override
      public Object receive(TransportConnection connection, Object message) {
        return "ok";
      }

      @Override
      public void connectionClosed(TransportConnection connection) {
        closed.countDown();
      }
    });
    TransportConnection client = connect(server, null, (connection, message) -> null);
    client.askSync("hello", TIMEOUT);

    client.close();

    assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
  }
}
