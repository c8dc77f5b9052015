package dev.ember.cluster.network;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;

/** The channel pipeline both ends share: 4-byte length-prefixed frames, then the connection protocol. */
final class Pipelines {

  private Pipelines() {}

  static void configure(ChannelPipeline pipeline, ConnectionHandler handler) {
    pipeline.addLast("frameDecoder", new LengthFieldBasedFrameDecoder(Frames.MAX_FRAME, 0, 4, 0, 4));
    pipeline.addLast("framePrepender", new LengthFieldPrepender(4));
    pipeline.addLast("protocol", handler);
  }
}
