package dev.ember.sql.plan.objects;

import java.io.Serializable;
import java.util.Iterator;

/** A user's function over one group of a typed {@code groupByKey}: the key and its values in, results out. */
@FunctionalInterface
public interface ObjectGroupFunction extends Serializable {

  /** The output objects of the group of {@code key}. */
  Iterator<Object> apply(Object key, Iterator<Object> values) throws Exception;
}
