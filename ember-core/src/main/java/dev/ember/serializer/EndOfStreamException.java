package dev.ember.serializer;

/** Signals that a {@link DeserializationStream} has no record left. */
public final class EndOfStreamException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public EndOfStreamException() {
    super("end of stream", null, false, false);
  }
}
