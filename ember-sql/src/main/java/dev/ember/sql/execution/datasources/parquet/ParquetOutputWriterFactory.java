package dev.ember.sql.execution.datasources.parquet;

import dev.ember.sql.execution.datasources.OutputWriter;
import dev.ember.sql.execution.datasources.OutputWriterFactory;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes rows as Parquet files with the schema of {@link ParquetSchemas#toParquet}; arrays, maps and structs
 * through {@link ParquetNestedWriter}.
 */
final class ParquetOutputWriterFactory implements OutputWriterFactory {

  private static final long serialVersionUID = 1L;
  private final StructType schema;
  private final String codec;
  private final long rowGroupBytes;

  ParquetOutputWriterFactory(StructType schema, String codec, long rowGroupBytes) {
    this.schema = schema;
    this.codec = codec;
    this.rowGroupBytes = rowGroupBytes;
  }

  @Override
  public String fileExtension() {
    return CompressionCodecName.valueOf(codec).getExtension() + ".parquet";
  }

  @Override
  public OutputWriter newWriter(Path file) throws IOException {
    ParquetWriter<Object[]> writer = new Builder(new LocalOutputFile(file), schema)
        .withCompressionCodec(CompressionCodecName.valueOf(codec))
        .withRowGroupSize(rowGroupBytes)
        .build();
    return new OutputWriter() {
      @Override
      public void write(Object[] row) throws IOException {
        writer.write(row);
      }

      @Override
      public void close() throws IOException {
        writer.close();
      }
    };
  }

  /** The writer builder over a local file. */
  private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
    private final StructType schema;

    Builder(OutputFile file, StructType schema) {
      super(file);
      this.schema = schema;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
      return new RowWriteSupport(schema);
    }
  }

  /** Sends each row's non-null values to the record consumer. */
  private static final class RowWriteSupport extends WriteSupport<Object[]> {
    private final StructType schema;
    private final DataType[] types;
    private final String[] names;
    private RecordConsumer consumer;
    private ParquetNestedWriter nested;

    RowWriteSupport(StructType schema) {
      this.schema = schema;
      this.types = schema.fieldList().stream().map(StructField::dataType).toArray(DataType[]::new);
      this.names = schema.fieldNames();
    }

    @Override
    public WriteContext init(Configuration configuration) {
      MessageType parquetSchema = ParquetSchemas.toParquet(schema);
      return new WriteContext(parquetSchema, new HashMap<>());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
      this.nested = new ParquetNestedWriter(recordConsumer, this::writeValue);
    }

    @Override
    public void write(Object[] row) {
      consumer.startMessage();
      for (int c = 0; c < types.length; c++) {
        Object value = row[c];
        if (value == null) {
          continue;
        }
        consumer.startField(names[c], c);
        writeValue(types[c], value);
        consumer.endField(names[c], c);
      }
      consumer.endMessage();
    }

    private void writeValue(DataType type, Object value) {
      if (ParquetNestedWriter.isNested(type)) {
        nested.write(type, value);
      } else if (type == DataTypes.BinaryType) {
        consumer.addBinary(Binary.fromConstantByteArray((byte[]) value));
      } else if (type instanceof DecimalType decimal) {
        writeDecimal(decimal, (BigDecimal) value);
      } else if (type == DataTypes.IntegerType || type == DataTypes.DateType || type == DataTypes.ByteType
          || type == DataTypes.ShortType) {
        consumer.addInteger((Integer) value);
      } else if (type == DataTypes.LongType || type == DataTypes.TimestampType
          || type == DataTypes.TimestampNTZType) {
        consumer.addLong((Long) value);
      } else if (type == DataTypes.DoubleType) {
        consumer.addDouble((Double) value);
      } else if (type == DataTypes.FloatType) {
        consumer.addFloat(((Double) value).floatValue());
      } else if (type == DataTypes.BooleanType) {
        consumer.addBoolean((Boolean) value);
      } else {
        consumer.addBinary(Binary.fromString((String) value));
      }
    }

    /** The unscaled value as INT32, INT64 or sign-extended big-endian bytes, by precision (Spark's layout). */
    private void writeDecimal(DecimalType type, BigDecimal value) {
      BigInteger unscaled = (value.scale() == type.scale() ? value : value.setScale(type.scale(),
          RoundingMode.HALF_UP)).unscaledValue();
      if (type.precision() <= 9) {
        consumer.addInteger(unscaled.intValue());
      } else if (type.precision() <= 18) {
        consumer.addLong(unscaled.longValue());
      } else {
        byte[] minimal = unscaled.toByteArray();
        byte[] fixed = new byte[ParquetSchemas.bytesForPrecision(type.precision())];
        byte sign = (byte) (unscaled.signum() < 0 ? -1 : 0);
        int pad = fixed.length - minimal.length;
        Arrays.fill(fixed, 0, pad, sign);
        System.arraycopy(minimal, 0, fixed, pad, minimal.length);
        consumer.addBinary(Binary.fromConstantByteArray(fixed));
      }
    }
  }
}
