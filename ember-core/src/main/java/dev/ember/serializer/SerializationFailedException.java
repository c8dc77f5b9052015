package dev.ember.serializer;

/** A record could not be serialized or deserialized; the message names the class involved. */
public final class SerializationFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SerializationFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
