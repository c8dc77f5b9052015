package dev.ember.rdd;

import java.io.Serializable;
import java.util.Iterator;
import java.util.Random;

/** Picks a random sample of a partition's elements; travels to executors inside its RDD. */
interface RandomSampler<T> extends Serializable {

  /** The sampled elements of {@code items}, drawing from {@code random}. */
  Iterator<T> sample(Iterator<T> items, Random random);
}
