package dev.ember.executor;

import java.io.Serializable;

/**
 * What one task did: time, records and bytes in and out, shuffle traffic, spills. A task updates its own
 * metrics from its thread; the finished metrics travel to the driver with the task's result.
 */
public final class TaskMetrics implements Serializable {

  private static final long serialVersionUID = 1L;

  private long executorRunTimeMs;
  private long executorCpuTimeNs;
  private long executorDeserializeTimeMs;
  private long jvmGcTimeMs;
  private long resultSize;
  private long recordsRead;
  private long bytesRead;
  private long recordsWritten;
  private long bytesWritten;
  private long shuffleRecordsRead;
  private long shuffleBytesRead;
  private long shuffleFetchWaitTimeMs;
  private long shuffleRecordsWritten;
  private long shuffleBytesWritten;
  private long shuffleWriteTimeNs;
  private long memoryBytesSpilled;
  private long diskBytesSpilled;
  private long peakExecutionMemory;

  public long executorRunTimeMs() {
    return executorRunTimeMs;
  }

  public void setExecutorRunTimeMs(long value) {
    executorRunTimeMs = value;
  }

  public long executorCpuTimeNs() {
    return executorCpuTimeNs;
  }

  public void setExecutorCpuTimeNs(long value) {
    executorCpuTimeNs = value;
  }

  public long executorDeserializeTimeMs() {
    return executorDeserializeTimeMs;
  }

  public void setExecutorDeserializeTimeMs(long value) {
    executorDeserializeTimeMs = value;
  }

  public long jvmGcTimeMs() {
    return jvmGcTimeMs;
  }

  public void setJvmGcTimeMs(long value) {
    jvmGcTimeMs = value;
  }

  public long resultSize() {
    return resultSize;
  }

  public void setResultSize(long value) {
    resultSize = value;
  }

  /** Records read from input (files, parallelized collections, cached blocks are not counted). */
  public long recordsRead() {
    return recordsRead;
  }

  public long bytesRead() {
    return bytesRead;
  }

  /** Adds to the input counters. */
  public void incInput(long records, long bytes) {
    recordsRead += records;
    bytesRead += bytes;
  }

  /** Records written to output files by save actions. */
  public long recordsWritten() {
    return recordsWritten;
  }

  public long bytesWritten() {
    return bytesWritten;
  }

  /** Adds to the output counters. */
  public void incOutput(long records, long bytes) {
    recordsWritten += records;
    bytesWritten += bytes;
  }

  public long shuffleRecordsRead() {
    return shuffleRecordsRead;
  }

  public long shuffleBytesRead() {
    return shuffleBytesRead;
  }

  public long shuffleFetchWaitTimeMs() {
    return shuffleFetchWaitTimeMs;
  }

  /** Adds to the shuffle-read counters. */
  public void incShuffleRead(long records, long bytes, long fetchWaitMs) {
    shuffleRecordsRead += records;
    shuffleBytesRead += bytes;
    shuffleFetchWaitTimeMs += fetchWaitMs;
  }

  public long shuffleRecordsWritten() {
    return shuffleRecordsWritten;
  }

  public long shuffleBytesWritten() {
    return shuffleBytesWritten;
  }

  public long shuffleWriteTimeNs() {
    return shuffleWriteTimeNs;
  }

  /** Adds to the shuffle-write counters. */
  public void incShuffleWrite(long records, long bytes, long timeNs) {
    shuffleRecordsWritten += records;
    shuffleBytesWritten += bytes;
    shuffleWriteTimeNs += timeNs;
  }

  /** The in-memory size of data spilled, as estimated before it was written. */
  public long memoryBytesSpilled() {
    return memoryBytesSpilled;
  }

  /** The bytes of spill files written to disk. */
  public long diskBytesSpilled() {
    return diskBytesSpilled;
  }

  /** Adds to the spill counters. */
  public void incSpill(long memoryBytes, long diskBytes) {
    memoryBytesSpilled += memoryBytes;
    diskBytesSpilled += diskBytes;
  }

  public long peakExecutionMemory() {
    return peakExecutionMemory;
  }

  /** Raises the peak execution memory to {@code bytes} if higher. */
  public void updatePeakExecutionMemory(long bytes) {
    peakExecutionMemory = Math.max(peakExecutionMemory, bytes);
  }

  /** Adds every counter of {@code other} to this one, for stage totals; peak memory takes the maximum. */
  public void merge(TaskMetrics other) {
    executorRunTimeMs += other.executorRunTimeMs;
    executorCpuTimeNs += other.executorCpuTimeNs;
    executorDeserializeTimeMs += other.executorDeserializeTimeMs;
    jvmGcTimeMs += other.jvmGcTimeMs;
    resultSize += other.resultSize;
    recordsRead += other.recordsRead;
    bytesRead += other.bytesRead;
    recordsWritten += other.recordsWritten;
    bytesWritten += other.bytesWritten;
    shuffleRecordsRead += other.shuffleRecordsRead;
    shuffleBytesRead += other.shuffleBytesRead;
    shuffleFetchWaitTimeMs += other.shuffleFetchWaitTimeMs;
    shuffleRecordsWritten += other.shuffleRecordsWritten;
    shuffleBytesWritten += other.shuffleBytesWritten;
    shuffleWriteTimeNs += other.shuffleWriteTimeNs;
    memoryBytesSpilled += other.memoryBytesSpilled;
    diskBytesSpilled += other.diskBytesSpilled;
    peakExecutionMemory = Math.max(peakExecutionMemory, other.peakExecutionMemory);
  }
}
