package dev.ember.sql.plan.objects;

import dev.ember.sql.plan.LogicalPlan;

/** A logical operator over Java objects, built resolved by the Dataset API (see the package description). */
public interface ObjectOperator extends LogicalPlan {
}
