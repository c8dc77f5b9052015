package dev.ember.sql.execution.exchange;

import java.io.Serializable;

/**
 * A batch already in {@link dev.ember.sql.execution.vector.ColumnarBatchCodec}'s compact form: the map side of
 * an exchange encodes each partition's slice of an input batch once, straight from the input's vectors, and the
 * shuffle buffers, sorts and writes these bytes as they are. {@link ColumnarBatchSerializer} writes it exactly
 * as it writes the batch it stands for, so the reduce side reads a {@code ColumnarBatch}.
 *
 * @param bytes the encoded batch, exactly
 */
record EncodedBatch(byte[] bytes) implements Serializable {}
