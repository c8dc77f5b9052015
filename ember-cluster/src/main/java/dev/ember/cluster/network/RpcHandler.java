package dev.ember.cluster.network;

/**
 * Receives the messages that arrive on a connection. Requests and one-way messages come to the same method;
 * what it returns answers a request (and is ignored for a one-way message). Runs off Netty's threads, so it may
 * block; one-way messages from one connection arrive in the order they were sent.
 */
public interface RpcHandler {

  /**
   * Handles {@code message} from {@code connection}; returns the reply to a request ({@code null} is a valid
   * reply) or a {@link RawBytes} to send bytes without Java serialization.
   *
   * @throws Exception sent back to the asking side as a failure of its request
   */
  Object receive(TransportConnection connection, Object message) throws Exception;

  /** Called once when an authenticated connection closes, whichever side closed it. */
  default void connectionClosed(TransportConnection connection) {}
}
