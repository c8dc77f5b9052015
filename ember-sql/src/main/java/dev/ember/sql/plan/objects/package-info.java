/**
 * Logical operators of typed Datasets, which run user functions over Java objects: each deserializes its
 * input rows with an encoder, calls the function and serializes the results with another (Spark's
 * DeserializeToObject / MapElements / SerializeFromObject chain, fused into one node since Ember's batches
 * have no object columns). The Dataset API builds them over analyzed children, so the analyzer takes them
 * as they are; the optimizer treats them as opaque.
 */
package dev.ember.sql.plan.objects;
