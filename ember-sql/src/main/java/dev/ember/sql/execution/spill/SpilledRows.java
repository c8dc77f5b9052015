package dev.ember.sql.execution.spill;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A run of rows of boxed internal values written to a spill file in a compact self-describing format and
 * compressed with the core's spill codec: per row a marker byte and the row width, then per value a tag byte
 * (NULL, boolean, int, long, double, decimal, string) and its bytes. Column vectors hold only these kinds,
 * so every row an operator holds (including aggregation buffers) round-trips exactly.
 */
public final class SpilledRows {

  private static final int BUFFER_SIZE = 64 * 1024;
  private static final byte END = 0;
  private static final byte ROW = 1;
  private static final byte NULL = 0;
  private static final byte BOOLEAN = 1;
  private static final byte INT = 2;
  private static final byte LONG = 3;
  private static final byte DOUBLE = 4;
  private static final byte DECIMAL = 5;
  private static final byte STRING = 6;

  private final TaskSpill spill;
  private final File file;
  private final long rows;

  private SpilledRows(TaskSpill spill, File file, long rows) {
    this.spill = spill;
    this.file = file;
    this.rows = rows;
  }

  /**
   * Writes {@code rows} to a new spill file of the task and counts it in the task metrics.
   *
   * @param memoryBytes the estimated in-memory size of the rows, for the metrics
   */
  public static SpilledRows write(TaskSpill spill, Iterator<Object[]> rows, long memoryBytes) {
    Writer writer = new Writer(spill);
    while (rows.hasNext()) {
      writer.write(rows.next());
    }
    return writer.finish(memoryBytes);
  }

  /** Writes rows one at a time to a new spill file, for operators that spread rows over several files. */
  public static final class Writer {
    private final TaskSpill spill;
    private final File file;
    private final DataOutputStream out;
    private long count;

    /** Opens a new spill file of the task. */
    public Writer(TaskSpill spill) {
      this.spill = spill;
      this.file = spill.newFile();
      try {
        this.out = new DataOutputStream(new BufferedOutputStream(spill.serializerManager().wrapForSpill(
            new BufferedOutputStream(new FileOutputStream(file), BUFFER_SIZE)), BUFFER_SIZE));
      } catch (IOException e) {
        spill.delete(file);
        throw new UncheckedIOException("Could not create spill file " + file, e);
      }
    }

    /** Appends one row. */
    public void write(Object[] row) {
      try {
        out.writeByte(ROW);
        out.writeInt(row.length);
        for (Object value : row) {
          writeValue(out, value);
        }
        count++;
      } catch (IOException e) {
        abort();
        throw new UncheckedIOException("Could not write spill file " + file, e);
      }
    }

    /** The number of rows written so far. */
    public long count() {
      return count;
    }

    /**
     * Closes the file and counts it in the task metrics.
     *
     * @param memoryBytes the estimated in-memory size of the rows written
     */
    public SpilledRows finish(long memoryBytes) {
      try {
        out.writeByte(END);
        out.close();
      } catch (IOException e) {
        abort();
        throw new UncheckedIOException("Could not write spill file " + file, e);
      }
      spill.recordSpill(memoryBytes, file.length());
      return new SpilledRows(spill, file, count);
    }

    private void abort() {
      try {
        out.close();
      } catch (IOException suppressed) {
        // The file is deleted anyway.
      }
      spill.delete(file);
    }
  }

  static void writeValue(DataOutputStream out, Object value) throws IOException {
    if (value == null) {
      out.writeByte(NULL);
    } else if (value instanceof Boolean b) {
      out.writeByte(BOOLEAN);
      out.writeBoolean(b);
    } else if (value instanceof Integer i) {
      out.writeByte(INT);
      out.writeInt(i);
    } else if (value instanceof Long l) {
      out.writeByte(LONG);
      out.writeLong(l);
    } else if (value instanceof Double d) {
      out.writeByte(DOUBLE);
      out.writeDouble(d);
    } else if (value instanceof BigDecimal d) {
      out.writeByte(DECIMAL);
      out.writeInt(d.scale());
      byte[] unscaled = d.unscaledValue().toByteArray();
      out.writeShort(unscaled.length);
      out.write(unscaled);
    } else if (value instanceof String s) {
      out.writeByte(STRING);
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      out.writeInt(bytes.length);
      out.write(bytes);
    } else if (NestedSpillValues.isNested(value)) {
      NestedSpillValues.write(out, value);
    } else {
      throw new IllegalStateException("Cannot spill a value of " + value.getClass().getName()
          + "; this is a bug, please report it.");
    }
  }

  /** The number of rows in the run. */
  public long numRows() {
    return rows;
  }

  /** Deletes the file now. */
  public void delete() {
    spill.delete(file);
  }

  /** Reads the rows back in the order written; the file is deleted when the iterator is exhausted. */
  public Reader open() {
    try {
      return new Reader(new DataInputStream(new BufferedInputStream(spill.serializerManager().wrapForSpill(
          new BufferedInputStream(new FileInputStream(file), BUFFER_SIZE)), BUFFER_SIZE)));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not open spill file " + file, e);
    }
  }

  /** A one-pass reader of the run's rows. */
  public final class Reader implements Iterator<Object[]> {
    private final DataInputStream in;
    private Object[] next;
    private boolean done;

    private Reader(DataInputStream in) {
      this.in = in;
    }

    @Override
    public boolean hasNext() {
      if (next == null && !done) {
        next = readRow();
      }
      return next != null;
    }

    @Override
    public Object[] next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Object[] row = next;
      next = null;
      return row;
    }

    private Object[] readRow() {
      try {
        if (in.readByte() == END) {
          close();
          return null;
        }
        Object[] row = new Object[in.readInt()];
        for (int i = 0; i < row.length; i++) {
          row[i] = readValue(in);
        }
        return row;
      } catch (EOFException e) {
        close();
        throw new UncheckedIOException("Spill file " + file + " ends early", e);
      } catch (IOException e) {
        close();
        throw new UncheckedIOException("Could not read spill file " + file, e);
      }
    }

    /** Closes the stream and deletes the file. */
    public void close() {
      if (!done) {
        done = true;
        try {
          in.close();
        } catch (IOException e) {
          // The file is deleted below either way.
        }
        delete();
      }
    }
  }

  static Object readValue(DataInputStream in) throws IOException {
    byte tag = in.readByte();
    switch (tag) {
      case NULL:
        return null;
      case BOOLEAN:
        return in.readBoolean();
      case INT:
        return in.readInt();
      case LONG:
        return in.readLong();
      case DOUBLE:
        return in.readDouble();
      case DECIMAL: {
        int scale = in.readInt();
        byte[] unscaled = new byte[in.readShort()];
        in.readFully(unscaled);
        return new BigDecimal(new BigInteger(unscaled), scale);
      }
      case STRING: {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
      }
      default:
        if (NestedSpillValues.isNestedTag(tag)) {
          return NestedSpillValues.read(in, tag);
        }
        throw new IOException("Corrupt spill file: unknown value tag " + tag);
    }
  }
}
