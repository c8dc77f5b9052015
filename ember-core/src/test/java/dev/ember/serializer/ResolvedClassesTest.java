package dev.ember.serializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ResolvedClassesTest {

  private static URLClassLoader freshLoader() {
    return new URLClassLoader(new URL[0], ResolvedClassesTest.class.getClassLoader());
  }

  @Test
  void resolvesANameOnceAndThenFromTheKeptClasses() throws Exception {
    try (URLClassLoader loader = freshLoader()) {
      assertThat(ResolvedClasses.forName("java.util.ArrayList", loader)).isSameAs(ArrayList.class);
      assertThat(ResolvedClasses.size(loader)).isEqualTo(1);
      assertThat(ResolvedClasses.forName("java.util.ArrayList", loader)).isSameAs(ArrayList.class);
      assertThat(ResolvedClasses.size(loader)).isEqualTo(1);
      assertThat(ResolvedClasses.forName("[I", loader)).isSameAs(int[].class);
      assertThat(ResolvedClasses.size(loader)).isEqualTo(2);
    }
  }

  @Test
  void anUnknownNameFailsEveryTimeAndIsNotKept() throws Exception {
    try (URLClassLoader loader = freshLoader()) {
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> ResolvedClasses.forName("no.such.Clazz", loader))
            .isInstanceOf(ClassNotFoundException.class);
      }
      assertThat(ResolvedClasses.size(loader)).isZero();
    }
  }

  @Test
  void eachLoaderKeepsItsOwnClasses() throws Exception {
    try (URLClassLoader first = freshLoader(); URLClassLoader second = freshLoader()) {
      ResolvedClasses.forName("java.util.TreeMap", first);
      assertThat(ResolvedClasses.size(first)).isEqualTo(1);
      assertThat(ResolvedClasses.size(second)).isZero();
    }
  }

  @Test
  void keepsAtMostTheBoundOfNamesPerLoaderYetResolvesMore() throws Exception {
    try (URLClassLoader loader = freshLoader()) {
      for (String name : List.of("[J", "[[J", "[[[J", "[[[[J", "[[[[[J")) {
        assertThat(ResolvedClasses.forName(name, loader, 3).getName()).isEqualTo(name);
      }
      assertThat(ResolvedClasses.size(loader)).isEqualTo(3);
      assertThat(ResolvedClasses.forName("[[[[[J", loader, 3)).isSameAs(long[][][][][].class);
    }
  }

  @Test
  void javaSerializationStillRoundTripsThroughTheLoader() {
    SerializerInstance serializer = new JavaSerializer().newInstance();
    Map<String, List<int[]>> value = new TreeMap<>(Map.of("a", List.of(new int[] {1, 2})));
    for (int i = 0; i < 2; i++) {
      ByteBuffer bytes = serializer.serialize(value);
      Map<String, List<int[]>> back = serializer.deserialize(bytes, ResolvedClassesTest.class.getClassLoader());
      assertThat(back.get("a").get(0)).containsExactly(1, 2);
    }
  }
}
