/**
 * Value types of Ember's Java API that must travel inside tasks, such as the serializable {@link
 * dev.ember.api.java.Optional} returned by outer joins.
 */
package dev.ember.api.java;
