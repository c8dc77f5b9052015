package dev.ember.cluster.network;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The shared-secret handshake: the accepting side sends a random challenge, the connecting side answers with
 * HMAC-SHA256(secret, challenge), and the accepting side compares it in constant time. The secret itself never
 * crosses the wire.
 */
final class Authenticator {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Authenticator() {}

  static byte[] challenge() {
    byte[] nonce = new byte[32];
    RANDOM.nextBytes(nonce);
    return nonce;
  }

  /** The answer to {@code challenge}; empty when this side has no secret (and will be refused). */
  static byte[] answer(String secret, byte[] challenge) {
    if (secret == null) {
      return new byte[0];
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(challenge);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  static boolean verify(String secret, byte[] challenge, byte[] answer) {
    return MessageDigest.isEqual(answer(secret, challenge), answer);
  }
}
