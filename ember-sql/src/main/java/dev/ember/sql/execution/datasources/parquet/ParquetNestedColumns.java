package dev.ember.sql.execution.datasources.parquet;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads the nested top-level columns of a file (groups and repeated fields) through parquet-java's record
 * assembly, which decodes repetition and definition levels into records, with {@link ParquetRecordConverters}
 * building Ember's internal values. It reads its columns' pages from the same row group as the flat column
 * decoders, one record per row and never filtering records, so its rows line up with theirs.
 */
final class ParquetNestedColumns {

  private final MessageType fileSchema;
  private final MessageType schema;
  private final List<DataType> types;
  private final Materializer materializer;
  private RecordReader<List<?>> records;

  /** Reads {@code fields} (top-level fields of {@code fileSchema}) as columns of {@code types}. */
  ParquetNestedColumns(MessageType fileSchema, List<Type> fields, List<DataType> types) {
    this.fileSchema = fileSchema;
    this.schema = new MessageType(fileSchema.getName(), fields);
    this.types = List.copyOf(types);
    List<StructField> structFields = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      structFields.add(new StructField(fields.get(i).getName(), types.get(i), true));
    }
    this.materializer = new Materializer(schema, new StructType(structFields));
  }

  /** Whether a top-level field is read here rather than by a flat column decoder. */
  static boolean isNested(Type field) {
    return ParquetNestedSchemas.isNested(field);
  }

  /** Starts reading a row group's pages of these columns. */
  void startRowGroup(PageReadStore rowGroup) {
    MessageColumnIO io = new ColumnIOFactory(false).getColumnIO(schema, fileSchema, true);
    records = io.getRecordReader(rowGroup, materializer, FilterCompat.NOOP);
  }

  /** The next {@code rows} rows of each column, in the order of the fields given. */
  ColumnVector[] decode(int rows) {
    ColumnVector[] vectors = new ColumnVector[types.size()];
    for (int f = 0; f < vectors.length; f++) {
      vectors[f] = ColumnVectors.allocate(types.get(f), rows);
    }
    for (int r = 0; r < rows; r++) {
      List<?> record = records.read();
      for (int f = 0; f < vectors.length; f++) {
        vectors[f].setBoxed(r, record.get(f));
      }
    }
    return vectors;
  }

  /** Hands the record converter's last assembled record to the record reader. */
  private static final class Materializer extends RecordMaterializer<List<?>> {
    private final GroupConverter root;
    private List<?> current;

    Materializer(MessageType schema, StructType type) {
      this.root = ParquetRecordConverters.struct(schema, type, v -> current = (List<?>) v);
    }

    @Override
    public List<?> getCurrentRecord() {
      return current;
    }

    @Override
    public GroupConverter getRootConverter() {
      return root;
    }
  }
}
