package dev.ember.cluster.network;

import dev.ember.EmberException;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One authenticated connection, usable from both ends: either side may {@link #ask} (a request answered by
 * the other side's {@link RpcHandler}) or {@link #send} (a one-way message). A connection remembers one
 * attachment, such as the id of the executor at the other end.
 */
public final class TransportConnection {

  private final Channel channel;
  private final AtomicLong nextRequestId = new AtomicLong(1);
  private final Map<Long, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
  private final SerialExecutor oneWayMessages = new SerialExecutor(EventLoops.handlers());
  private volatile Object attachment;

  TransportConnection(Channel channel) {
    this.channel = channel;
  }

  /** Sends {@code message} and returns its reply, failing after {@code timeout} or if the connection closes. */
  public CompletableFuture<Object> ask(Object message, Duration timeout) {
    long id = nextRequestId.getAndIncrement();
    CompletableFuture<Object> reply = new CompletableFuture<>();
    pending.put(id, reply);
    reply.whenComplete((value, error) -> pending.remove(id));
    reply.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    write(Frames.REQUEST, id, Frames.serialize(message)).addListener(done -> {
      if (!done.isSuccess()) {
        reply.completeExceptionally(done.cause());
      }
    });
    return reply;
  }

  /**
   * Sends {@code message} and waits for its reply.
   *
   * @throws EmberException {@code RPC_TIMEOUT} after {@code timeout}, {@code RPC_FAILED} if the other side
   *     failed or the connection closed
   */
  @SuppressWarnings("unchecked")
  public <T> T askSync(Object message, Duration timeout) {
    try {
      return (T) ask(message, timeout).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmberException("RPC_FAILED", "Interrupted while waiting for a reply from " + remoteAddress(), e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TimeoutException) {
        throw new EmberException("RPC_TIMEOUT", "No reply from " + remoteAddress() + " to "
            + message.getClass().getSimpleName() + " within " + timeout.toMillis() + " ms.", e.getCause());
      }
      throw new EmberException("RPC_FAILED", message.getClass().getSimpleName() + " to " + remoteAddress()
          + " failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Sends a one-way message; it is dropped if the connection is closed. */
  public void send(Object message) {
    write(Frames.ONE_WAY, 0, Frames.serialize(message));
  }

  public boolean isOpen() {
    return channel.isActive();
  }

  /** Closes the connection; pending requests fail. */
  public void close() {
    channel.close().syncUninterruptibly();
  }

  public SocketAddress remoteAddress() {
    return channel.remoteAddress();
  }

  /** The host of the other end, as an address string. */
  public String remoteHost() {
    SocketAddress address = channel.remoteAddress();
    return address instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : String.valueOf(address);
  }

  public Object attachment() {
    return attachment;
  }

  public void attach(Object value) {
    this.attachment = value;
  }

  io.netty.channel.ChannelFuture write(byte type, long id, byte[] body) {
    return channel.writeAndFlush(Frames.frame(channel.alloc(), type, id, body));
  }

  void complete(long id, Object value) {
    CompletableFuture<Object> reply = pending.get(id);
    if (reply != null) {
      reply.complete(value);
    }
  }

  void fail(long id, Throwable error) {
    CompletableFuture<Object> reply = pending.get(id);
    if (reply != null) {
      reply.completeExceptionally(error);
    }
  }

  void failAll(String reason) {
    for (CompletableFuture<Object> reply : pending.values()) {
      reply.completeExceptionally(new EmberException("CONNECTION_CLOSED", reason));
    }
  }

  void runInOrder(Runnable task) {
    oneWayMessages.execute(task);
  }
}
