package dev.ringline.cobol;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;

/** Opens the input of one decode; a publisher opens it once per subscriber and closes it when that run ends. */
@FunctionalInterface
public interface ChannelSource {
    /**
     * A new channel positioned at the first record.
     *
     * @return the channel, closed by the caller
     * @throws IOException when it cannot be opened
     */
    ReadableByteChannel open() throws IOException;
}
