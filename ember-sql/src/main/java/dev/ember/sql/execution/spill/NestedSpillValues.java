package dev.ember.sql.execution.spill;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spill-file form of the internal values of arrays and structs (lists), maps and binary values: a tag,
 * a count and the elements, each written as {@link SpilledRows} writes any value.
 */
final class NestedSpillValues {

  private static final byte LIST = 16;
  private static final byte MAP = 17;
  private static final byte BYTES = 18;

  private NestedSpillValues() {}

  static boolean isNested(Object value) {
    return value instanceof List<?> || value instanceof Map<?, ?> || value instanceof byte[];
  }

  static boolean isNestedTag(byte tag) {
    return tag == LIST || tag == MAP || tag == BYTES;
  }

  static void write(DataOutputStream out, Object value) throws IOException {
    if (value instanceof List<?> list) {
      out.writeByte(LIST);
      out.writeInt(list.size());
      for (Object element : list) {
        SpilledRows.writeValue(out, element);
      }
    } else if (value instanceof Map<?, ?> map) {
      out.writeByte(MAP);
      out.writeInt(map.size());
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        SpilledRows.writeValue(out, entry.getKey());
        SpilledRows.writeValue(out, entry.getValue());
      }
    } else {
      byte[] bytes = (byte[]) value;
      out.writeByte(BYTES);
      out.writeInt(bytes.length);
      out.write(bytes);
    }
  }

  static Object read(DataInputStream in, byte tag) throws IOException {
    int size = in.readInt();
    if (tag == BYTES) {
      byte[] bytes = new byte[size];
      in.readFully(bytes);
      return bytes;
    }
    if (tag == LIST) {
      List<Object> list = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        list.add(SpilledRows.readValue(in));
      }
      return Collections.unmodifiableList(list);
    }
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      Object key = SpilledRows.readValue(in);
      map.put(key, SpilledRows.readValue(in));
    }
    return Collections.unmodifiableMap(map);
  }
}
