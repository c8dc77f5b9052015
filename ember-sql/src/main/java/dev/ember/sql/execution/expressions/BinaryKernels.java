package dev.ember.sql.execution.expressions;

import dev.ember.sql.types.DataTypes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/** Kernels of {@code hex}, {@code unhex}, {@code base64} and {@code unbase64}; malformed input gives NULL. */
final class BinaryKernels {

  private BinaryKernels() {}

  static void register(Map<String, FunctionKernels.Kernel> k) {
    k.put("hex_binary", (f, a, n) -> KernelSupport.boxed(DataTypes.StringType, a, n,
        row -> HexFormat.of().withUpperCase().formatHex((byte[]) row[0])));
    k.put("hex_string", (f, a, n) -> KernelSupport.boxed(DataTypes.StringType, a, n,
        row -> HexFormat.of().withUpperCase().formatHex(((String) row[0]).getBytes(StandardCharsets.UTF_8))));
    k.put("hex_long", (f, a, n) -> KernelSupport.boxed(DataTypes.StringType, a, n,
        row -> Long.toHexString((Long) row[0]).toUpperCase(Locale.ROOT)));
    k.put("unhex", (f, a, n) -> KernelSupport.boxed(DataTypes.BinaryType, a, n, row -> {
      String s = (String) row[0];
      try {
        return HexFormat.of().parseHex(s.length() % 2 == 0 ? s : "0" + s);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }));
    k.put("base64", (f, a, n) -> KernelSupport.boxed(DataTypes.StringType, a, n,
        row -> Base64.getEncoder().encodeToString((byte[]) row[0])));
    k.put("unbase64", (f, a, n) -> KernelSupport.boxed(DataTypes.BinaryType, a, n, row -> {
      try {
        return Base64.getMimeDecoder().decode((String) row[0]);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }));
    k.put("string_to_binary", (f, a, n) -> KernelSupport.boxed(DataTypes.BinaryType, a, n,
        row -> ((String) row[0]).getBytes(StandardCharsets.UTF_8)));
  }
}
