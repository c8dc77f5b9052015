package dev.ember.rdd;

import dev.ember.EmberException;
import dev.ember.Partition;
import dev.ember.TaskContext;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each partition piped through an external process, the RDD of {@code pipe}: a thread writes the parent's
 * elements to the process's stdin, one per line, while the task reads the process's stdout lines as its output.
 * The process's stderr is logged. A non-zero exit status fails the task, naming the command.
 */
final class PipedRDD<T> extends RDD<String> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(PipedRDD.class);

  private final RDD<T> parent;
  private final ArrayList<String> command;
  private final Map<String, String> environment;

  PipedRDD(RDD<T> parent, List<String> command, Map<String, String> environment) {
    super(parent);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("pipe needs a command to run");
    }
    this.parent = parent;
    this.command = new ArrayList<>(command);
    this.environment = Map.copyOf(environment);
  }

  @Override
  protected Partition[] getPartitions() {
    return parent.partitions();
  }

  @Override
  public Iterator<String> compute(Partition split, TaskContext context) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new EmberException("PIPE_COMMAND_FAILED", "Cannot start the command " + command + ": " + e.getMessage(),
          e);
    }
    AtomicReference<Throwable> writerError = new AtomicReference<>();
    Thread writer = new Thread(() -> writeInput(process, split, context, writerError),
        "stdin writer for " + command.get(0));
    Thread errorLogger = new Thread(() -> logErrors(process), "stderr reader for " + command.get(0));
    writer.setDaemon(true);
    errorLogger.setDaemon(true);
    writer.start();
    errorLogger.start();
    if (context != null) {
      context.addTaskCompletionListener(tc -> {
        if (process.isAlive()) {
          process.destroy();
        }
      });
    }
    BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
    return new OutputIterator(output, process, writer, writerError);
  }

  private void writeInput(Process process, Partition split, TaskContext context, AtomicReference<Throwable> error) {
    TaskContextBinder.bind(context);
    try (Writer in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8))) {
      Iterator<T> elements = parent.iterator(split, context);
      while (elements.hasNext()) {
        in.write(String.valueOf(elements.next()));
        in.write('\n');
      }
    } catch (IOException e) {
      // The process closed its stdin early (like `head`): not an error by itself; its exit status decides.
      LOG.debug("Stopped writing to {}: {}", command, e.toString());
    } catch (Throwable t) {
      error.set(t);
      process.destroy();
    } finally {
      TaskContextBinder.bind(null);
    }
  }

  private void logErrors(Process process) {
    try (BufferedReader errors = new BufferedReader(new InputStreamReader(process.getErrorStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = errors.readLine()) != null) {
        LOG.warn("{} stderr: {}", command.get(0), line);
      }
    } catch (IOException e) {
      LOG.debug("Stopped reading stderr of {}: {}", command, e.toString());
    }
  }

  /** The process's stdout lines; at their end, waits for the process and checks how it ended. */
  private final class OutputIterator implements Iterator<String> {
    private final BufferedReader output;
    private final Process process;
    private final Thread writer;
    private final AtomicReference<Throwable> writerError;
    private String nextLine;
    private boolean finished;

    OutputIterator(BufferedReader output, Process process, Thread writer, AtomicReference<Throwable> writerError) {
      this.output = output;
      this.process = process;
      this.writer = writer;
      this.writerError = writerError;
    }

    @Override
    public boolean hasNext() {
      if (nextLine != null) {
        return true;
      }
      if (finished) {
        return false;
      }
      try {
        nextLine = output.readLine();
        if (nextLine == null) {
          finished = true;
          output.close();
          finish();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the output of " + command, e);
      }
      return nextLine != null;
    }

    private void finish() {
      try {
        int status = process.waitFor();
        writer.join();
        Throwable error = writerError.get();
        if (error != null) {
          throw new EmberException("PIPE_INPUT_FAILED", "Computing the input of " + command + " failed: " + error,
              error);
        }
        if (status != 0) {
          throw new EmberException("PIPE_COMMAND_FAILED", "Subprocess exited with status " + status
              + ". Command ran: " + String.join(" ", command));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroy();
        throw new EmberException("PIPE_COMMAND_FAILED", "Interrupted while waiting for " + command, e);
      }
    }

    @Override
    public String next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      String line = nextLine;
      nextLine = null;
      return line;
    }
  }
}
