package app.carrel.server.socket;

import java.nio.ByteBuffer;
import org.java_websocket.framing.BinaryFrame;

/** Bytes that are already one or more complete frames, written to the socket as they are ({@link FramingDraft}). */
final class Preframed extends BinaryFrame {
    Preframed(ByteBuffer frames) {
        setPayload(frames);
    }
}
