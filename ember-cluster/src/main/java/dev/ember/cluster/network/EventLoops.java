package dev.ember.cluster.network;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of this JVM's transport, shared by every server and connection: Netty's event loops for I/O and
 * a pool where messages are handled, so a handler that blocks never stalls I/O.
 */
final class EventLoops {

  private static final EventLoopGroup IO = new NioEventLoopGroup(2, new DefaultThreadFactory("ember-rpc-io", true));
  private static final ExecutorService HANDLERS = Executors.newCachedThreadPool(new NamedDaemons("ember-rpc-handler"));

  private EventLoops() {}

  static EventLoopGroup io() {
    return IO;
  }

  static ExecutorService handlers() {
    return HANDLERS;
  }

  private record NamedDaemons(String prefix, AtomicInteger counter) implements java.util.concurrent.ThreadFactory {
    NamedDaemons(String prefix) {
      this(prefix, new AtomicInteger());
    }

    @Override
    public Thread newThread(Runnable runnable) {
      Thread thread = new Thread(runnable, prefix + "-" + counter.getAndIncrement());
      thread.setDaemon(true);
      return thread;
    }
  }
}
