package dev.ember.sql;

import dev.ember.api.function.FilterFunction;
import dev.ember.api.function.FlatMapFunction;
import dev.ember.api.function.MapFunction;
import dev.ember.api.function.MapPartitionsFunction;
import dev.ember.rdd.Iterators;
import dev.ember.rdd.RDD;
import dev.ember.sql.encoders.ExpressionEncoder;
import dev.ember.sql.execution.objects.ObjectBatches;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.objects.ObjectPartitionFunction;
import dev.ember.sql.plan.objects.TypedMapPartitions;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plans and shipped functions behind typed Dataset operations: binding a DataFrame's columns to an
 * encoder ({@code as}), and adapting user functions to functions over a partition's objects. The functions
 * built here capture only the user's function, which the caller has checked is serializable.
 */
final class TypedOperations {

  private TypedOperations() {}

  /** Fresh columns for the fields of {@code encoder}'s schema. */
  static List<AttributeReference> attributes(ExpressionEncoder<?> encoder) {
    List<AttributeReference> output = new ArrayList<>();
    for (StructField field : encoder.schema()) {
      output.add(AttributeReference.create(field.name(), field.dataType(), field.nullable()));
    }
    return output;
  }

  /**
   * {@code plan}'s columns bound to {@code encoder}'s fields, in field order and up-cast to the field types:
   * by position for flat values (the first column) and tuples (all columns, which must be as many as the
   * elements), by name for beans. Columns keep their names; a bean's other columns are dropped.
   */
  static LogicalPlan bind(EmberSession session, LogicalPlan plan, ExpressionEncoder<?> encoder) {
    StructType schema = encoder.schema();
    List<AttributeReference> input = plan.output();
    List<AttributeReference> bound = new ArrayList<>();
    if (encoder.isFlat()) {
      bound.add(input.get(0));
    } else if (encoder.bindsByPosition()) {
      if (input.size() != schema.length()) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("schema", "\"" + structSql(input) + "\"");
        parameters.put("ordinal", String.valueOf(schema.length()));
        throw new AnalysisException("UNSUPPORTED_DESERIALIZER.FIELD_NUMBER_MISMATCH", parameters);
      }
      bound.addAll(input);
    } else {
      for (StructField field : schema) {
        List<AttributeReference> matches = input.stream().filter(a -> a.name().equalsIgnoreCase(field.name()))
            .toList();
        if (matches.size() != 1) {
          // The analyzer reports the missing (or ambiguous) column with Spark's condition and suggestions.
          new Dataset<Row>(session, new Project(List.of(functions.col(field.name()).expr()), plan));
          throw new IllegalStateException("column " + field.name() + " resolved by the analyzer but not by name; "
              + "this is a bug, please report it");
        }
        bound.add(matches.get(0));
      }
    }
    List<Expression> projection = new ArrayList<>();
    for (int i = 0; i < bound.size(); i++) {
      AttributeReference column = bound.get(i);
      StructField field = schema.apply(i);
      if (column.dataType().equals(field.dataType())) {
        projection.add(column);
      } else {
        try {
          projection.add(new Alias(NestedBinding.bind(column, column.dataType(), field.dataType()), column.name()));
        } catch (NestedBinding.NotUpCastable e) {
          throw cannotUpCast(column, e.from, e.to, field, encoder);
        }
      }
    }
    return new Project(projection, plan);
  }

  private static AnalysisException cannotUpCast(AttributeReference column, DataType sourceType,
      DataType targetType, StructField field, ExpressionEncoder<?> encoder) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("expression", "`" + column.name() + "`");
    parameters.put("sourceType", "\"" + sourceType.sql() + "\"");
    parameters.put("targetType", "\"" + targetType.sql() + "\"");
    parameters.put("details", "The type path of the target object is:\n- field (class: \"" + field.dataType().sql()
        + "\", name: \"" + field.name() + "\")\n- root class: \"" + encoder.clsTag().getName() + "\"\nYou can either "
        + "add an explicit cast to the input data or choose a higher precision type of the field in the target "
        + "object");
    return new AnalysisException("CANNOT_UP_CAST_DATATYPE", parameters);
  }

  private static String structSql(List<AttributeReference> columns) {
    List<String> fields = columns.stream().map(a -> a.name() + ": " + a.dataType().sql()).toList();
    return "STRUCT<" + String.join(", ", fields) + ">";
  }

  /** {@code source}'s elements through {@code function}, encoded with {@code outputEncoder}. */
  static <T, U> Dataset<U> typed(Dataset<T> source, String name, ObjectPartitionFunction function,
      Encoder<U> outputEncoder) {
    ExpressionEncoder<U> out = ExpressionEncoder.of(outputEncoder);
    LogicalPlan plan = new TypedMapPartitions(name, function, ExpressionEncoder.of(source.encoder()), out,
        attributes(out), source.logicalPlan());
    return new Dataset<>(source.sparkSession(), plan, out);
  }

  /** The objects {@code encoder} decodes from each row of {@code batches} (rows of {@code width} columns). */
  static <T> RDD<T> decode(RDD<ColumnarBatch> batches, ExpressionEncoder<T> encoder, int width) {
    return batches.mapPartitions(partition -> {
      int[] ordinals = new int[width];
      for (int i = 0; i < width; i++) {
        ordinals[i] = i;
      }
      @SuppressWarnings("unchecked")
      Iterator<T> elements = (Iterator<T>) ObjectBatches.deserialize(partition, encoder, ordinals);
      return elements;
    });
  }

  @SuppressWarnings("unchecked")
  static ObjectPartitionFunction map(MapFunction<?, ?> f) {
    MapFunction<Object, Object> g = (MapFunction<Object, Object>) f;
    return input -> Iterators.map(input, g::call);
  }

  @SuppressWarnings("unchecked")
  static ObjectPartitionFunction filter(FilterFunction<?> f) {
    FilterFunction<Object> g = (FilterFunction<Object>) f;
    return input -> Iterators.filter(input, g::call);
  }

  @SuppressWarnings("unchecked")
  static ObjectPartitionFunction flatMap(FlatMapFunction<?, ?> f) {
    FlatMapFunction<Object, Object> g = (FlatMapFunction<Object, Object>) f;
    return input -> Iterators.flatMap(input, g);
  }

  @SuppressWarnings("unchecked")
  static ObjectPartitionFunction mapPartitions(MapPartitionsFunction<?, ?> f) {
    MapPartitionsFunction<Object, Object> g = (MapPartitionsFunction<Object, Object>) f;
    return g::call;
  }
}
