package dev.ember.shuffle;

import dev.ember.storage.BlockId;
import dev.ember.storage.BlockManagerId;

/**
 * Where one reduce partition's slice of one map output lives, and its size in bytes.
 *
 * @param mapIndex the map partition that wrote it
 */
public record MapOutputLocation(BlockManagerId location, BlockId.ShuffleBlockId blockId, long size, int mapIndex) {}
