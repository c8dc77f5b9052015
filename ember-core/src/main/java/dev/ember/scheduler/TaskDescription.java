package dev.ember.scheduler;

import java.io.Serializable;

/**
 * A task as sent to an executor: its ids and its serialized {@link Task}.
 *
 * @param taskId the unique id of this task attempt (Spark's TID)
 * @param attemptNumber which attempt of this partition's task this is, from 0
 * @param executorId the executor chosen to run it
 * @param name a name for logs, such as {@code task 3.1 in stage 2.0}
 * @param index the task's index within its task set
 * @param serializedTask the task, serialized with the closure serializer
 */
public record TaskDescription(long taskId, int attemptNumber, String executorId, String name, int index,
    byte[] serializedTask) implements Serializable {}
