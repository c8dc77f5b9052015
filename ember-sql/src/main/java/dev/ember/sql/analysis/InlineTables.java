package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.execution.expressions.CastKernels;
import dev.ember.sql.execution.expressions.ConstantEvaluator;
import dev.ember.sql.plan.LocalRelation;
import dev.ember.sql.plan.UnresolvedInlineTable;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns {@code VALUES} into a {@link LocalRelation}: constant rows, one widened type per column. */
final class InlineTables {

  private InlineTables() {}

  static LocalRelation resolve(UnresolvedInlineTable table) {
    int width = table.columnNames().size();
    List<List<Literal>> values = new ArrayList<>();
    for (int r = 0; r < table.rows().size(); r++) {
      List<Expression> row = table.rows().get(r);
      if (row.size() != width) {
        throw new AnalysisException("INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH", Map.of("expectedNumCols",
            String.valueOf(width), "actualNumCols", String.valueOf(row.size()), "rowIndex", String.valueOf(r)));
      }
      List<Literal> literals = new ArrayList<>(width);
      for (Expression e : row) {
        Expression resolved = ExpressionResolver.resolve(e, List.of());
        if (!resolved.foldable()) {
          throw AnalysisException.unsupported("non-constant expression " + resolved.sql() + " in VALUES");
        }
        literals.add(ConstantEvaluator.evaluate(resolved));
      }
      values.add(literals);
    }
    List<AttributeReference> output = new ArrayList<>(width);
    List<DataType> types = new ArrayList<>(width);
    for (int c = 0; c < width; c++) {
      DataType type = DataTypes.NullType;
      boolean nullable = false;
      for (List<Literal> row : values) {
        type = TypeCoercion.widerType(null, type, row.get(c).dataType());
        nullable |= row.get(c).value() == null;
      }
      types.add(type);
      output.add(AttributeReference.create(table.columnNames().get(c), type, nullable));
    }
    List<List<Object>> rows = new ArrayList<>();
    for (List<Literal> row : values) {
      List<Object> converted = new ArrayList<>(width);
      for (int c = 0; c < width; c++) {
        Literal l = row.get(c);
        converted.add(CastKernels.castValue(l.value(), l.dataType(), types.get(c)));
      }
      rows.add(converted);
    }
    return new LocalRelation(output, rows);
  }
}
