package dev.ember.scheduler;

/** Free cores on one executor, offered to the task scheduler. */
public record WorkerOffer(String executorId, String host, int cores) {}
