package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.SetOperation;
import dev.ember.sql.plan.UsingJoin;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.CaseWhen;
import dev.ember.sql.plan.expressions.Cast;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.IsNotNull;
import dev.ember.sql.plan.expressions.UnresolvedAttribute;
import dev.ember.sql.plan.expressions.Origin;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Resolves joins and set operations: the right side of a self-join gets fresh column identities, join
 * conditions are resolved against both sides, USING joins become an equi-join under a projection with one
 * column per key (Spark's order: keys, then the other left columns, then the other right columns), and the
 * columns of set operations are widened to a common type per position.
 */
final class JoinResolver {

  private JoinResolver() {}

  static LogicalPlan join(Join join, LogicalPlan left, LogicalPlan resolvedRight,
      BiFunction<Expression, List<AttributeReference>, Expression> subqueries) {
    LogicalPlan right = DeduplicateRelations.dedupe(left, resolvedRight);
    if (join.condition() == null) {
      return new Join(left, right, join.joinType(), null);
    }
    List<AttributeReference> input = both(left, right);
    Expression condition = ExpressionResolver.resolve(subqueries.apply(join.condition(), input), input);
    return new Join(left, right, join.joinType(), condition);
  }

  static LogicalPlan usingJoin(UsingJoin join, LogicalPlan left, LogicalPlan resolvedRight) {
    LogicalPlan right = DeduplicateRelations.dedupe(left, resolvedRight);
    List<AttributeReference> leftKeys = new ArrayList<>();
    List<AttributeReference> rightKeys = new ArrayList<>();
    Expression condition = null;
    for (String column : join.usingColumns()) {
      AttributeReference l = usingColumn(column, left, "left");
      AttributeReference r = usingColumn(column, right, "right");
      leftKeys.add(l);
      rightKeys.add(r);
      Expression equal = new BinaryComparison(ComparisonOperator.EQUAL, l, r);
      condition = condition == null ? equal : new And(condition, equal);
    }
    condition = ExpressionResolver.resolve(condition, both(left, right));
    Join resolved = new Join(left, right, join.joinType(), condition);
    List<AttributeReference> joinedLeft = resolved.output().subList(0, left.output().size());
    List<AttributeReference> joinedRight = resolved.output().subList(left.output().size(), resolved.output().size());
    List<Expression> projectList = new ArrayList<>();
    for (int i = 0; i < leftKeys.size(); i++) {
      AttributeReference l = find(joinedLeft, leftKeys.get(i));
      switch (join.joinType()) {
        case RIGHT_OUTER -> projectList.add(find(joinedRight, rightKeys.get(i)));
        case FULL_OUTER -> {
          AttributeReference r = find(joinedRight, rightKeys.get(i));
          // coalesce(l, r): the key of whichever side the row came from.
          projectList.add(new Alias(new CaseWhen(List.of(new IsNotNull(l)), List.of(l), r), l.name()));
        }
        default -> projectList.add(l);
      }
    }
    for (AttributeReference a : joinedLeft) {
      if (!leftKeys.contains(a)) {
        projectList.add(a);
      }
    }
    if (!join.joinType().leftOnly()) {
      for (AttributeReference a : joinedRight) {
        if (!rightKeys.contains(a)) {
          projectList.add(a);
        }
      }
    }
    return new Project(projectList, resolved);
  }

  private static AttributeReference find(List<AttributeReference> output, AttributeReference key) {
    return output.get(output.indexOf(key));
  }

  private static AttributeReference usingColumn(String column, LogicalPlan side, String sideName) {
    return ExpressionResolver.lookup(new UnresolvedAttribute(List.of(column), Origin.NONE), side.output())
        .orElseThrow(() -> {
          Map<String, String> parameters = new LinkedHashMap<>();
          parameters.put("colName", "`" + column + "`");
          parameters.put("side", sideName);
          parameters.put("suggestion", String.join(", ", side.output().stream()
              .map(a -> "`" + a.name() + "`").toList()));
          return new AnalysisException("UNRESOLVED_USING_COLUMN_FOR_JOIN", parameters);
        });
  }

  static List<AttributeReference> both(LogicalPlan left, LogicalPlan right) {
    List<AttributeReference> all = new ArrayList<>(left.output());
    all.addAll(right.output());
    return all;
  }

  /** A set operation whose inputs have the same column count and, after casts, the same column types. */
  static LogicalPlan setOperation(SetOperation operation, LogicalPlan left, LogicalPlan resolvedRight) {
    LogicalPlan right = DeduplicateRelations.dedupe(left, resolvedRight);
    List<AttributeReference> l = left.output();
    List<AttributeReference> r = right.output();
    String operator = operation.kind().name();
    if (l.size() != r.size()) {
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put("operator", operator);
      parameters.put("firstNumColumns", String.valueOf(l.size()));
      parameters.put("invalidOrdinalNum", "second");
      parameters.put("invalidNumColumns", String.valueOf(r.size()));
      throw new AnalysisException("NUM_COLUMNS_MISMATCH", parameters);
    }
    List<DataType> types = new ArrayList<>();
    for (int i = 0; i < l.size(); i++) {
      types.add(widen(operator, i, l.get(i).dataType(), r.get(i).dataType()));
    }
    return new SetOperation(operation.kind(), operation.all(), castTo(left, types), castTo(right, types));
  }

  private static DataType widen(String operator, int column, DataType l, DataType r) {
    try {
      return TypeCoercion.widerType(null, l, r);
    } catch (AnalysisException e) {
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put("operator", operator);
      parameters.put("columnOrdinalNumber", ordinal(column + 1));
      parameters.put("tableOrdinalNumber", "second");
      parameters.put("dataType1", "\"" + r.sql() + "\"");
      parameters.put("dataType2", "\"" + l.sql() + "\"");
      parameters.put("hint", "");
      throw new AnalysisException("INCOMPATIBLE_COLUMN_TYPE", parameters);
    }
  }

  private static String ordinal(int n) {
    return switch (n) {
      case 1 -> "first";
      case 2 -> "second";
      case 3 -> "third";
      default -> n + "th";
    };
  }

  /** {@code plan} under a projection casting the columns whose type differs from {@code types}. */
  static LogicalPlan castTo(LogicalPlan plan, List<DataType> types) {
    List<AttributeReference> output = plan.output();
    List<Expression> list = new ArrayList<>();
    boolean changed = false;
    for (int i = 0; i < output.size(); i++) {
      AttributeReference a = output.get(i);
      if (a.dataType().equals(types.get(i))) {
        list.add(a);
      } else {
        list.add(new Alias(new Cast(a, types.get(i)), a.name()));
        changed = true;
      }
    }
    return changed ? new Project(list, plan) : plan;
  }
}
