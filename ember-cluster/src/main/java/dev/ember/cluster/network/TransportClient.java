package dev.ember.cluster.network;

import dev.ember.EmberException;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Opens connections to a {@link TransportServer}, proving the shared secret when the server asks. */
public final class TransportClient {

  private TransportClient() {}

  /**
   * Connects to {@code host}:{@code port} and waits until the handshake is done.
   *
   * @param secret the shared secret, or {@code null} for none
   * @param handler receives what the server sends on this connection
   * @throws EmberException {@code CONNECTION_FAILED} if the server cannot be reached in {@code timeout},
   *     {@code AUTHENTICATION_FAILED} if it refuses this side
   */
  public static TransportConnection connect(String host, int port, String secret, RpcHandler handler,
      Duration timeout) {
    ConnectionHandler protocol = new ConnectionHandler(false, secret, handler);
    Bootstrap bootstrap = new Bootstrap()
        .group(EventLoops.io())
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            Pipelines.configure(channel.pipeline(), protocol);
          }
        });
    ChannelFuture connected = bootstrap.connect(host, port).awaitUninterruptibly();
    if (!connected.isSuccess()) {
      throw new EmberException("CONNECTION_FAILED", "Could not connect to " + host + ":" + port + ": "
          + connected.cause().getMessage(), connected.cause());
    }
    try {
      return protocol.ready().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      connected.channel().close();
      throw new EmberException("CONNECTION_FAILED", "Interrupted while connecting to " + host + ":" + port, e);
    } catch (ExecutionException | TimeoutException e) {
      connected.channel().close();
      throw new EmberException("AUTHENTICATION_FAILED", host + ":" + port + " refused this connection: "
          + (e.getCause() != null ? e.getCause().getMessage() : "no handshake in " + timeout.toMillis() + " ms")
          + ". Check that spark.authenticate and spark.authenticate.secret match the cluster's.", e);
    }
  }
}
