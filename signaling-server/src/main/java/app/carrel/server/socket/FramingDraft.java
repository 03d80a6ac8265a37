package app.carrel.server.socket;

import app.carrel.protocol.TextRules;
import java.nio.ByteBuffer;
import java.util.List;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.Framedata;

/**
 * RFC 6455 as the library implements it, with the contract's message cap, except that incoming
 * bytes are split into frames by our {@link FrameReader} and {@link Preframed} output goes to the
 * socket untouched. Each connection gets its own copy (decoding state lives in it).
 */
final class FramingDraft extends Draft_6455 {
    private final FrameReader reader = new FrameReader(TextRules.MAX_MESSAGE_BYTES);

    FramingDraft() {
        super(List.of(), TextRules.MAX_MESSAGE_BYTES);
    }

    @Override
    public List<Framedata> translateFrame(ByteBuffer buffer) throws InvalidDataException {
        return reader.read(buffer);
    }

    @Override
    public void reset() {
        super.reset();
        reader.reset();
    }

    @Override
    public Draft copyInstance() {
        return new FramingDraft();
    }

    @Override
    public ByteBuffer createBinaryFrame(Framedata frame) {
        return frame instanceof Preframed ? frame.getPayloadData() : super.createBinaryFrame(frame);
    }
}
