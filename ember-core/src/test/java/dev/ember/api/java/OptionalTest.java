package dev.ember.api.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class OptionalTest {

  @Test
  void presentValue() {
    Optional<String> some = Optional.of("x");
    assertThat(some.isPresent()).isTrue();
    assertThat(some.isEmpty()).isFalse();
    assertThat(some.get()).isEqualTo("x");
    assertThat(some.orElse("y")).isEqualTo("x");
    assertThat(some.or("y")).isEqualTo("x");
    assertThat(some.orNull()).isEqualTo("x");
    assertThat(some).hasToString("Optional[x]");
  }

  @Test
  void absentValue() {
    Optional<String> none = Optional.empty();
    assertThat(none.isPresent()).isFalse();
    assertThat(none.orElse("y")).isEqualTo("y");
    assertThat(none.or("y")).isEqualTo("y");
    assertThat(none.orNull()).isNull();
    assertThat(none).hasToString("Optional.empty");
    assertThatThrownBy(none::get).isInstanceOf(NoSuchElementException.class);
    assertThat(Optional.<String>absent()).isSameAs(none);
  }

  @Test
  void nullableFactories() {
    assertThat(Optional.ofNullable(null)).isEqualTo(Optional.empty());
    assertThat(Optional.fromNullable(null)).isEqualTo(Optional.absent());
    assertThat(Optional.fromNullable(3)).isEqualTo(Optional.of(3));
    assertThatThrownBy(() -> Optional.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void equalityAndHashByValue() {
    assertThat(Optional.of(7)).isEqualTo(Optional.of(7)).hasSameHashCodeAs(Optional.of(7));
    assertThat(Optional.of(7)).isNotEqualTo(Optional.of(8)).isNotEqualTo(Optional.empty());
    assertThat(Optional.empty().hashCode()).isZero();
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    assertThat(roundTrip(Optional.of("v"))).isEqualTo(Optional.of("v"));
    assertThat(roundTrip(Optional.empty())).isSameAs(Optional.empty());
  }

  private static Object roundTrip(Object value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readObject();
    }
  }
}
