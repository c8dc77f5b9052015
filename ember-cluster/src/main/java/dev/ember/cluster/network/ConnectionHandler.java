package dev.ember.cluster.network;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-connection protocol: the handshake first (nothing else is accepted until it succeeds), then requests,
 * responses and one-way messages, handed to the {@link RpcHandler} off the I/O thread.
 */
final class ConnectionHandler extends SimpleChannelInboundHandler<ByteBuf> {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

  private final boolean accepting;
  private final String secret;
  private final RpcHandler handler;
  private final CompletableFuture<TransportConnection> ready = new CompletableFuture<>();
  private TransportConnection connection;
  private byte[] challenge;
  private volatile boolean authenticated;

  /**
   * @param accepting whether this is the server's end, which challenges the other
   */
  ConnectionHandler(boolean accepting, String secret, RpcHandler handler) {
    this.accepting = accepting;
    this.secret = secret;
    this.handler = handler;
  }

  /** Completes with the connection once the handshake succeeded; fails if it is refused or closed. */
  CompletableFuture<TransportConnection> ready() {
    return ready;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    connection = new TransportConnection(ctx.channel());
    if (accepting) {
      if (secret == null) {
        authenticated = true;
        connection.write(Frames.AUTH_OK, 0, new byte[0]);
        ready.complete(connection);
      } else {
        challenge = Authenticator.challenge();
        connection.write(Frames.AUTH_CHALLENGE, 0, challenge);
      }
    }
    super.channelActive(ctx);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
    byte type = frame.readByte();
    long id = frame.readLong();
    byte[] body = ByteBufUtil.getBytes(frame);
    if (!authenticated) {
      handshake(ctx, type, body);
      return;
    }
    switch (type) {
      case Frames.REQUEST -> EventLoops.handlers().execute(() -> answer(id, body));
      case Frames.ONE_WAY -> connection.runInOrder(() -> deliver(body));
      case Frames.RESPONSE -> connection.complete(id, Frames.deserialize(body, loader()));
      case Frames.RAW_RESPONSE -> connection.complete(id, new RawBytes(body));
      case Frames.FAILURE -> connection.fail(id, new RemoteFailure(new String(body,
          java.nio.charset.StandardCharsets.UTF_8)));
      default -> LOG.warn("Ignoring a frame of unknown type {} from {}", type, ctx.channel().remoteAddress());
    }
  }

  private void handshake(ChannelHandlerContext ctx, byte type, byte[] body) {
    if (accepting && type == Frames.AUTH_RESPONSE && Authenticator.verify(secret, challenge, body)) {
      authenticated = true;
      connection.write(Frames.AUTH_OK, 0, new byte[0]);
      ready.complete(connection);
    } else if (accepting) {
      LOG.warn("Refused a connection from {}: it did not authenticate with the shared secret "
          + "(spark.authenticate.secret)", ctx.channel().remoteAddress());
      ctx.close();
    } else if (type == Frames.AUTH_CHALLENGE) {
      connection.write(Frames.AUTH_RESPONSE, 0, Authenticator.answer(secret, body));
    } else if (type == Frames.AUTH_OK) {
      authenticated = true;
      ready.complete(connection);
    } else {
      ctx.close();
    }
  }

  private void answer(long id, byte[] body) {
    try {
      Object reply = handler.receive(connection, Frames.deserialize(body, loader()));
      if (reply instanceof RawBytes raw) {
        connection.write(Frames.RAW_RESPONSE, id, raw.bytes());
      } else {
        connection.write(Frames.RESPONSE, id, Frames.serialize(reply));
      }
    } catch (Exception | LinkageError e) {
      LOG.debug("A request from {} failed", connection.remoteAddress(), e);
      connection.write(Frames.FAILURE, id, String.valueOf(e).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private void deliver(byte[] body) {
    try {
      handler.receive(connection, Frames.deserialize(body, loader()));
    } catch (Exception | LinkageError e) {
      LOG.warn("Handling a message from {} failed: {}", connection.remoteAddress(), e.toString(), e);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (connection != null) {
      connection.failAll("Connection to " + ctx.channel().remoteAddress() + " closed");
      if (authenticated) {
        connection.runInOrder(() -> handler.connectionClosed(connection));
      }
    }
    ready.completeExceptionally(new RemoteFailure("the connection was closed before it was authenticated "
        + "(wrong or missing spark.authenticate.secret?)"));
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("Closing the connection to {} after an error", ctx.channel().remoteAddress(), cause);
    ctx.close();
  }

  private static ClassLoader loader() {
    return ConnectionHandler.class.getClassLoader();
  }

  /** A failure reported by the other side, or a refused handshake. */
  static final class RemoteFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RemoteFailure(String message) {
      super(message);
    }
  }
}
