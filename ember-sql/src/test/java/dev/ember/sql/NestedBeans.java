package dev.ember.sql;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Java beans with nested properties for the encoder tests: structs, arrays, lists, maps and binary. */
final class NestedBeans {

  private NestedBeans() {}

  /** A bean that is a struct inside {@link Outer}. */
  public static class Inner implements Serializable {
    private static final long serialVersionUID = 1L;
    private int a;
    private String b;

    public Inner() {}

    public Inner(int a, String b) {
      this.a = a;
      this.b = b;
    }

    public int getA() {
      return a;
    }

    public void setA(int a) {
      this.a = a;
    }

    public String getB() {
      return b;
    }

    public void setB(String b) {
      this.b = b;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Inner other && a == other.a && Objects.equals(b, other.b);
    }

    @Override
    public int hashCode() {
      return Objects.hash(a, b);
    }

    @Override
    public String toString() {
      return "Inner(" + a + ", " + b + ")";
    }
  }

  /** Every nested shape a bean property can take. */
  public static class Outer implements Serializable {
    private static final long serialVersionUID = 1L;
    private String id;
    private Inner inner;
    private List<Integer> xs;
    private List<Inner> inners;
    private long[] longs;
    private Map<String, Integer> counts;
    private Map<String, Inner> byName;
    private byte[] bytes;

    public Outer() {}

    public Outer(String id, Inner inner, List<Integer> xs, List<Inner> inners, long[] longs,
        Map<String, Integer> counts, Map<String, Inner> byName, byte[] bytes) {
      this.id = id;
      this.inner = inner;
      this.xs = xs;
      this.inners = inners;
      this.longs = longs;
      this.counts = counts;
      this.byName = byName;
      this.bytes = bytes;
    }

    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    public Inner getInner() {
      return inner;
    }

    public void setInner(Inner inner) {
      this.inner = inner;
    }

    public List<Integer> getXs() {
      return xs;
    }

    public void setXs(List<Integer> xs) {
      this.xs = xs;
    }

    public List<Inner> getInners() {
      return inners;
    }

    public void setInners(List<Inner> inners) {
      this.inners = inners;
    }

    public long[] getLongs() {
      return longs;
    }

    public void setLongs(long[] longs) {
      this.longs = longs;
    }

    public Map<String, Integer> getCounts() {
      return counts;
    }

    public void setCounts(Map<String, Integer> counts) {
      this.counts = counts;
    }

    public Map<String, Inner> getByName() {
      return byName;
    }

    public void setByName(Map<String, Inner> byName) {
      this.byName = byName;
    }

    public byte[] getBytes() {
      return bytes;
    }

    public void setBytes(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Outer other && Objects.equals(id, other.id) && Objects.equals(inner, other.inner)
          && Objects.equals(xs, other.xs) && Objects.equals(inners, other.inners)
          && Arrays.equals(longs, other.longs) && Objects.equals(counts, other.counts)
          && Objects.equals(byName, other.byName) && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return Objects.hash(id, inner, xs);
    }

    @Override
    public String toString() {
      return "Outer(" + id + ", " + inner + ", " + xs + ", " + inners + ", " + Arrays.toString(longs) + ", "
          + counts + ", " + byName + ", " + Arrays.toString(bytes) + ")";
    }
  }

  /** The shape of {@code SELECT array(1, 2) AS xs, named_struct('a', 1) AS inner}, by name. */
  public static class Simple implements Serializable {
    private static final long serialVersionUID = 1L;
    private List<Long> xs;
    private Inner inner;

    public List<Long> getXs() {
      return xs;
    }

    public void setXs(List<Long> xs) {
      this.xs = xs;
    }

    public Inner getInner() {
      return inner;
    }

    public void setInner(Inner inner) {
      this.inner = inner;
    }
  }

  /** A struct of one bigint field. */
  public static class Single implements Serializable {
    private static final long serialVersionUID = 1L;
    private long a;

    public long getA() {
      return a;
    }

    public void setA(long a) {
      this.a = a;
    }
  }

  /** {@code SELECT array(1, 2) AS xs, named_struct('a', 1) AS inner} as a bean, up-cast to bigint. */
  public static class Wrapper implements Serializable {
    private static final long serialVersionUID = 1L;
    private long[] xs;
    private Single inner;

    public long[] getXs() {
      return xs;
    }

    public void setXs(long[] xs) {
      this.xs = xs;
    }

    public Single getInner() {
      return inner;
    }

    public void setInner(Single inner) {
      this.inner = inner;
    }
  }

  /** A bean whose list property holds a class no column can hold. */
  public static class BadElement {
    private List<Thread> threads;

    public List<Thread> getThreads() {
      return threads;
    }

    public void setThreads(List<Thread> threads) {
      this.threads = threads;
    }
  }

  /** A bean holding itself. */
  public static class Node {
    private Node next;

    public Node getNext() {
      return next;
    }

    public void setNext(Node next) {
      this.next = next;
    }
  }
}
