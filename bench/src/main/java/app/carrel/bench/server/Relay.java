package app.carrel.bench.server;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Relay messages (offer, answer, ice) at the byte level, the generator's hot path. A message is
 * pre-encoded once per destination but for its {@code @ts=<nanoTime>;n=<sequence>; } stamp, which
 * is written between the two halves straight into the frame's buffer; received messages are read
 * from the frame's bytes without decoding ~5 KB into a String. A negotiate round does this 8,800
 * times, on the CPU the server under test needs.
 */
public final class Relay {
    /** {@code @ts=} and {@code ;n=} with up to 19 and 10 digits, and {@code "; "}. */
    private static final int STAMP_MAX = 4 + 19 + 3 + 10 + 2;
    /** What follows the stamp, shared by every template: only the heads name a peer. */
    private static final byte[] SDP_TAIL = utf8(Wire.SDP_BODY + "\"}");
    private static final byte[] ICE_TAIL = utf8("\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}");

    /** One kind of message to one peer, ready to send with any stamp. */
    public static final class Template {
        private final byte[] head;
        private final byte[] tail;

        private Template(String head, byte[] tail) {
            this.head = utf8(head);
            this.tail = tail;
        }

        int maxSize() {
            return head.length + STAMP_MAX + tail.length;
        }

        /** Writes the whole JSON message, stamped {@code ts} and {@code n}, into {@code out}. */
        void write(ByteBuf out, long ts, int n) {
            out.writeBytes(head).writeByte('@').writeByte('t').writeByte('s').writeByte('=');
            writeDigits(out, ts);
            out.writeByte(';').writeByte('n').writeByte('=');
            writeDigits(out, n);
            out.writeByte(';').writeByte(' ').writeBytes(tail);
        }
    }

    private Relay() {
    }

    /** {@code {"type":"offer","to":"<to>","sdp":"<stamp><~5 KB of SDP>"}}. */
    public static Template offer(String to) {
        return new Template("{\"type\":\"offer\",\"to\":\"" + to + "\",\"sdp\":\"", SDP_TAIL);
    }

    /** As {@link #offer}, typed {@code answer}. */
    public static Template answer(String to) {
        return new Template("{\"type\":\"answer\",\"to\":\"" + to + "\",\"sdp\":\"", SDP_TAIL);
    }

    /** {@code {"type":"ice","to":"<to>","candidate":{"candidate":"candidate:… <stamp>","sdpMid":"0","sdpMLineIndex":0}}}. */
    public static Template ice(String to) {
        return new Template("{\"type\":\"ice\",\"to\":\"" + to + "\",\"candidate\":{\"candidate\":\"" + Wire.ICE_PREFIX,
                ICE_TAIL);
    }

    /** As {@link Wire#isType}: the server writes {@code {"type":"} first, so the name starts at 9. */
    public static boolean isType(ByteBuf json, String type) {
        int at = json.readerIndex() + 9;
        if (json.writerIndex() < at + type.length() + 1) {
            return false;
        }
        for (int i = 0; i < type.length(); i++) {
            if (json.getByte(at + i) != type.charAt(i)) {
                return false;
            }
        }
        return json.getByte(at + type.length()) == '"';
    }

    /** The {@code @ts=} of a relayed payload, or -1. */
    public static long stampOf(ByteBuf json) {
        int at = stampAt(json);
        return at < 0 ? -1 : parseDigits(json, at + 4);
    }

    /** The {@code n=} sequence number of a relayed payload, or -1. */
    public static int sequenceOf(ByteBuf json) {
        int at = stampAt(json);
        if (at < 0) {
            return -1;
        }
        int i = at + 4;
        while (i < json.writerIndex() && isDigit(json.getByte(i))) {
            i++;
        }
        boolean hasN = i + 3 <= json.writerIndex() && json.getByte(i) == ';' && json.getByte(i + 1) == 'n'
                && json.getByte(i + 2) == '=';
        return hasN ? (int) parseDigits(json, i + 3) : -1;
    }

    /** The whole message as text, for the rare message that needs it (an error to print). */
    public static String text(ByteBuf json) {
        return json.toString(StandardCharsets.UTF_8);
    }

    /** Where {@code @ts=} starts, or -1; it is near the start of every relay payload. */
    private static int stampAt(ByteBuf json) {
        int end = json.writerIndex();
        for (int at = json.indexOf(json.readerIndex(), end, (byte) '@'); at >= 0;
             at = json.indexOf(at + 1, end, (byte) '@')) {
            if (at + 4 <= end && json.getByte(at + 1) == 't' && json.getByte(at + 2) == 's'
                    && json.getByte(at + 3) == '=') {
                return at;
            }
        }
        return -1;
    }

    private static long parseDigits(ByteBuf b, int from) {
        long v = 0;
        for (int i = from; i < b.writerIndex() && isDigit(b.getByte(i)); i++) {
            v = v * 10 + (b.getByte(i) - '0');
        }
        return v;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /**
     * {@code v} (not negative) in decimal ASCII, formed in a scratch array and copied once:
     * {@code setByte} per digit checks the buffer's bounds and reference count every time (2% of
     * the event loop's time in a throughput run).
     */
    static void writeDigits(ByteBuf out, long v) {
        byte[] digits = new byte[19];
        int i = digits.length;
        do {
            digits[--i] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        out.writeBytes(digits, i, digits.length - i);
    }
}
