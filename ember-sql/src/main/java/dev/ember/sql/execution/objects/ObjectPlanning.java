package dev.ember.sql.execution.objects;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.objects.AppendColumns;
import dev.ember.sql.plan.objects.ExternalRDD;
import dev.ember.sql.plan.objects.MapGroups;
import dev.ember.sql.plan.objects.ObjectOperator;
import dev.ember.sql.plan.objects.TypedMapPartitions;
import java.util.function.Function;

/** Maps the logical operators of typed Datasets to their physical operators, one each. */
public final class ObjectPlanning {

  private ObjectPlanning() {}

  /** The physical operator of {@code plan}, its children planned by {@code planChild}. */
  public static PhysicalPlan plan(ObjectOperator plan, Function<LogicalPlan, PhysicalPlan> planChild) {
    if (plan instanceof TypedMapPartitions map) {
      return new MapPartitionsExec(map.name(), map.function(), map.inputEncoder(), map.outputEncoder(), map.output(),
          planChild.apply(map.child()));
    }
    if (plan instanceof AppendColumns append) {
      return new AppendColumnsExec(append.function(), append.inputEncoder(), append.keyEncoder(),
          append.keyAttributes(), planChild.apply(append.child()));
    }
    if (plan instanceof MapGroups groups) {
      return new MapGroupsExec(groups.function(), groups.keyEncoder(), groups.valueEncoder(), groups.outputEncoder(),
          groups.keyAttributes(), groups.dataAttributes(), groups.output(), planChild.apply(groups.child()));
    }
    if (plan instanceof ExternalRDD external) {
      return new ExternalRDDScanExec(external.rdd(), external.encoder(), external.output());
    }
    throw AnalysisException.unsupported("executing the plan node " + plan.simpleString());
  }
}
