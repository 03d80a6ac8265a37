package app.carrel.server.socket;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.InvalidFrameException;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.FramedataImpl1;

/**
 * Splits one connection's incoming bytes into frames, as Java-WebSocket's {@code Draft_6455} does
 * (same checks, same exceptions, so the same close codes), but unmasking eight bytes at a time.
 * <p>
 * Why: in a negotiate burst (bench/, docs/benchmarks.md) the library's frame parser was 28% of the
 * server's CPU. It unmasks one byte at a time through {@code ByteBuffer.get/put} with a
 * {@code % 4} per byte, then walks every text frame once more to check its UTF-8. That second walk
 * is skipped here: a text message is decoded with a strict decoder when it is delivered (the
 * library's {@code processFrame}), which rejects bad UTF-8 with the same 1007; checking each
 * fragment on its own was also wrong for a character split between two fragments.
 * <p>
 * Only the frame layer is ours; reassembly, control frames and closing stay the library's. Not
 * thread-safe: a connection is decoded by one thread at a time (the selector, see SignalingServer#queue).
 */
final class FrameReader {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** Header bytes: 2, plus 2 or 8 of extended length, plus 4 of mask. */
    private static final int MAX_HEADER = 14;

    private final int maxFrameSize;
    /** The start of a frame whose bytes have not all arrived, or null (write mode: filled up to position). */
    private ByteBuffer carry;

    FrameReader(int maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
    }

    /** Every complete frame in what has arrived so far; an incomplete one waits for more bytes. */
    List<Framedata> read(ByteBuffer input) throws InvalidDataException {
        ByteBuffer in = input;
        if (carry != null) {
            carry = ensureRoom(carry, input.remaining());
            carry.put(input);
            carry.flip();
            in = carry;
        }
        List<Framedata> frames = new ArrayList<>(4);
        int length;
        while (in.hasRemaining() && (length = frameLength(in)) > 0 && length <= in.remaining()) {
            frames.add(frame(in));
        }
        if (!in.hasRemaining()) {
            carry = null;
        } else if (in == carry) {
            carry.compact();
        } else {
            carry = ByteBuffer.allocate(Math.max(in.remaining(), MAX_HEADER));
            carry.put(in);
        }
        return frames;
    }

    /** Drops a partly received frame (the library resets its draft between connections). */
    void reset() {
        carry = null;
    }

    /**
     * The whole frame's length in bytes once its header has arrived, or 0 before; checks what the
     * header says as soon as it is known, so an oversized frame is refused before it is buffered.
     */
    private int frameLength(ByteBuffer in) throws InvalidDataException {
        int at = in.position();
        if (in.remaining() < 2) {
            return 0;
        }
        Opcode opcode = opcode(in.get(at) & 0x0F);
        int b2 = in.get(at + 1);
        int header = 2 + ((b2 & 0x80) != 0 ? 4 : 0);
        long payload = b2 & 0x7F;
        if (payload >= 126) {
            if (opcode == Opcode.PING || opcode == Opcode.PONG || opcode == Opcode.CLOSING) {
                throw new InvalidFrameException("more than 125 octets");
            }
            int extra = payload == 126 ? 2 : 8;
            if (in.remaining() < 2 + extra) {
                return 0;
            }
            payload = extra == 2 ? in.getShort(at + 2) & 0xFFFF : in.getLong(at + 2);
            header += extra;
        }
        if (payload > Integer.MAX_VALUE || payload < 0) {
            throw new LimitExceededException("Payload length out of range: " + payload);
        }
        if (payload > maxFrameSize) {
            throw new LimitExceededException("Payload limit reached.", maxFrameSize);
        }
        return header + (int) payload;
    }

    /** Reads one complete frame (its length already checked) and unmasks its payload. */
    private Framedata frame(ByteBuffer in) throws InvalidDataException {
        int b1 = in.get();
        int b2 = in.get();
        boolean masked = (b2 & 0x80) != 0;
        int length = b2 & 0x7F;
        if (length == 126) {
            length = in.getShort() & 0xFFFF;
        } else if (length == 127) {
            length = (int) in.getLong();
        }
        int mask = masked ? in.getInt() : 0;
        byte[] payload = new byte[length];
        in.get(payload);
        if (masked) {
            unmask(payload, mask);
        }
        FramedataImpl1 frame = FramedataImpl1.get(opcode(b1 & 0x0F));
        frame.setFin((b1 & 0x80) != 0);
        if ((b1 & 0x70) != 0) {
            // No extension is negotiated, so the library's default extension refuses any RSV bit.
            throw new InvalidFrameException("bad rsv " + ((b1 >> 4) & 0x07));
        }
        frame.setPayload(ByteBuffer.wrap(payload));
        if (frame.getOpcode() != Opcode.TEXT && frame.getOpcode() != Opcode.CONTINUOUS) {
            frame.isValid(); // control frames: fin set, close code and reason well-formed
        }
        return frame;
    }

    /** XORs the payload with the repeating 4-byte key, eight bytes per step. */
    static void unmask(byte[] payload, int mask) {
        long mask8 = (mask & 0xFFFFFFFFL) << 32 | (mask & 0xFFFFFFFFL);
        int i = 0;
        for (int end = payload.length - 7; i < end; i += 8) {
            LONGS.set(payload, i, (long) LONGS.get(payload, i) ^ mask8);
        }
        for (; i < payload.length; i++) {
            payload[i] ^= (byte) (mask >>> (24 - 8 * (i & 3)));
        }
    }

    private static Opcode opcode(int code) throws InvalidFrameException {
        switch (code) {
            case 0: return Opcode.CONTINUOUS;
            case 1: return Opcode.TEXT;
            case 2: return Opcode.BINARY;
            case 8: return Opcode.CLOSING;
            case 9: return Opcode.PING;
            case 10: return Opcode.PONG;
            default: throw new InvalidFrameException("Unknown opcode " + (short) code);
        }
    }

    private static ByteBuffer ensureRoom(ByteBuffer buffer, int more) {
        if (buffer.remaining() >= more) {
            return buffer;
        }
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.position() + more, buffer.capacity() * 2));
        buffer.flip();
        return bigger.put(buffer);
    }
}
