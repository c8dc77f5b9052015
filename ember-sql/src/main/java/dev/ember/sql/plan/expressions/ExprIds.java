package dev.ember.sql.plan.expressions;

import java.util.concurrent.atomic.AtomicLong;

/** Hands out expression identities, unique within the JVM that plans queries (the driver). */
public final class ExprIds {

  private static final AtomicLong NEXT = new AtomicLong();

  private ExprIds() {}

  /** A fresh identity. */
  public static long next() {
    return NEXT.incrementAndGet();
  }
}
