package dev.ember.cluster.network;

import dev.ember.EmberException;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accepts connections on a host and port and hands their messages to one {@link RpcHandler}. With a secret,
 * every connection must pass the handshake before anything else is read; one that fails is closed and the
 * refusal logged at WARN.
 *
 * <pre>{@code
 * TransportServer server = TransportServer.bind("127.0.0.1", 0, null, (connection, message) -> "pong");
 * int port = server.port();
 * }</pre>
 */
public final class TransportServer implements AutoCloseable {

  private final Channel channel;
  private final Set<Channel> accepted = ConcurrentHashMap.newKeySet();

  private TransportServer(String host, int port, String secret, RpcHandler handler) {
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(EventLoops.io())
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel child) {
            accepted.add(child);
            child.closeFuture().addListener(done -> accepted.remove(child));
            Pipelines.configure(child.pipeline(), new ConnectionHandler(true, secret, handler));
          }
        });
    try {
      this.channel = bootstrap.bind(host, port).syncUninterruptibly().channel();
    } catch (RuntimeException e) {
      throw new EmberException("BIND_FAILED", "Could not listen on " + host + ":" + port + ": " + e.getMessage()
          + ". Is the port in use?", e);
    }
  }

  /**
   * Listens on {@code host}:{@code port} (0 picks a free port).
   *
   * @param secret the shared secret connecting peers must prove, or {@code null} for none
   */
  public static TransportServer bind(String host, int port, String secret, RpcHandler handler) {
    return new TransportServer(host, port, secret, handler);
  }

  /** The port this server listens on. */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** Stops listening and closes every accepted connection. */
  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    for (Channel child : accepted) {
      child.close().syncUninterruptibly();
    }
  }
}
