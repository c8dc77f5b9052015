/**
 * Physical operators of typed Datasets: they decode batches into Java objects with an encoder, run the
 * user's function and encode its results into new batches, all inside the tasks. The functions shipped to
 * the core capture the user's (serializable) function, encoders and column ordinals, never an operator.
 */
package dev.ember.sql.execution.objects;
