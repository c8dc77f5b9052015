package dev.ember.cluster.network;

import dev.ember.EmberConf;
import dev.ember.EmberException;

/** The transport's settings read from an {@link EmberConf}: the shared secret, if authentication is on. */
public final class TransportConf {

  /** The environment variable through which a worker hands the secret to the executors it launches. */
  public static final String SECRET_ENV = "_EMBER_AUTH_SECRET";

  private TransportConf() {}

  /**
   * The shared secret when {@code spark.authenticate} is true, else {@code null}. The secret is
   * {@code spark.authenticate.secret}, or the {@value #SECRET_ENV} environment variable.
   *
   * @throws EmberException {@code MISSING_AUTH_SECRET} if authentication is on but no secret is set
   */
  public static String secret(EmberConf conf) {
    if (!conf.getBoolean("ember.authenticate", false)) {
      return null;
    }
    String secret = conf.get("ember.authenticate.secret", System.getenv(SECRET_ENV));
    if (secret == null || secret.isEmpty()) {
      throw new EmberException("MISSING_AUTH_SECRET", "spark.authenticate is true but no secret is set: set "
          + "spark.authenticate.secret to the secret shared by the cluster.");
    }
    return secret;
  }

  /**
   * The secret of an executor process: the one its worker handed over in {@value #SECRET_ENV}, else what its
   * own configuration says.
   */
  public static String executorSecret(EmberConf conf) {
    String handedOver = System.getenv(SECRET_ENV);
    return handedOver != null && !handedOver.isEmpty() ? handedOver : secret(conf);
  }
}
