package dev.ember.sql.optimizer;

import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import java.util.ArrayList;

/** Removes a project that returns exactly its child's columns in order, such as {@code SELECT *}. */
final class RemoveRedundantProject implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> node instanceof Project project
        && new ArrayList<>(project.projectList()).equals(new ArrayList<>(project.child().output()))
        && sameNames(project) ? project.child() : node);
  }

  /** Attributes equal by identity may still be renamed by the project; a rename is not redundant. */
  private static boolean sameNames(Project project) {
    for (int i = 0; i < project.projectList().size(); i++) {
      if (!project.output().get(i).name().equals(project.child().output().get(i).name())) {
        return false;
      }
    }
    return true;
  }
}
