package app.carrel.server.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.junit.jupiter.api.Test;

/**
 * Our frame reader against the library's own parser it replaces: the same byte streams, cut into
 * the same random pieces, must give the same frames, or fail on the same frame with the same close
 * code.
 */
class FrameReaderTest {
    private static final int MAX = 65_536;

    @Test
    void randomStreamsCutAnywhereGiveTheLibrarysFramesAndErrors() throws Exception {
        Random random = new Random(20261121);
        int failures = 0;
        for (int stream = 0; stream < 400; stream++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int frames = 1 + random.nextInt(12);
            for (int f = 0; f < frames; f++) {
                bytes.write(randomFrame(random));
            }
            failures += compare(bytes.toByteArray(), random) ? 0 : 1;
        }
        assertTrue(failures > 20, "the streams included broken frames, so errors were compared too: " + failures);
    }

    @Test
    void unmaskingMatchesBytewiseXorForEveryLengthAndOffset() {
        Random random = new Random(7);
        for (int length = 0; length < 70; length++) {
            byte[] plain = new byte[length];
            random.nextBytes(plain);
            int mask = random.nextInt();
            byte[] masked = plain.clone();
            for (int i = 0; i < length; i++) {
                masked[i] ^= (byte) (mask >>> (24 - 8 * (i % 4)));
            }
            FrameReader.unmask(masked, mask);
            assertArrayEquals(plain, masked, "length " + length);
        }
    }

    @Test
    void aFrameLongerThanTheCapIsRefusedFromItsHeaderAlone() {
        FrameReader reader = new FrameReader(MAX);
        ByteBuffer header = ByteBuffer.allocate(10).put((byte) 0x81).put((byte) 127).putLong(MAX + 1L).flip();
        LimitExceededException e = assertThrows(LimitExceededException.class, () -> reader.read(header));
        assertEquals(CloseFrame.TOOBIG, e.getCloseCode());
    }

    @Test
    void invalidUtf8IsLeftForTheStrictDecoderThatDeliversTheMessage() throws Exception {
        // The library's decoder rejects it on delivery with 1007 (LimitsContractTest shows the close code).
        byte[] bad = {(byte) 0x81, 2, (byte) 0xC3, (byte) 0x28};
        List<Framedata> frames = new FrameReader(MAX).read(ByteBuffer.wrap(bad));
        assertEquals(1, frames.size());
    }

    /** Feeds both parsers the same pieces; true when both parsed everything, false when both failed alike. */
    private static boolean compare(byte[] stream, Random random) {
        Draft_6455 library = new Draft_6455(List.of(), MAX);
        FrameReader ours = new FrameReader(MAX);
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        int at = 0;
        while (at < stream.length) {
            int piece = Math.min(stream.length - at, 1 + random.nextInt(random.nextBoolean() ? 16 : 20_000));
            ByteBuffer forLibrary = chunk(stream, at, piece);
            ByteBuffer forUs = chunk(stream, at, piece);
            String libraryError = parse(() -> library.translateFrame(forLibrary), expected);
            String ourError = parse(() -> ours.read(forUs), actual);
            assertEquals(expected, actual, "frames");
            assertEquals(libraryError, ourError, "error");
            if (libraryError != null) {
                return false;
            }
            at += piece;
        }
        return true;
    }

    private interface Parse {
        List<Framedata> run() throws InvalidDataException;
    }

    private static String parse(Parse parse, List<String> into) {
        try {
            for (Framedata f : parse.run()) {
                into.add(describe(f));
            }
            return null;
        } catch (InvalidDataException e) {
            return e.getClass().getSimpleName() + " " + e.getCloseCode();
        }
    }

    private static String describe(Framedata f) {
        ByteBuffer p = f.getPayloadData().duplicate();
        byte[] payload = new byte[p.remaining()];
        p.get(payload);
        return f.getOpcode() + " fin=" + f.isFin() + " rsv=" + f.isRSV1() + f.isRSV2() + f.isRSV3() + " "
                + java.util.Arrays.hashCode(payload) + "/" + payload.length;
    }

    private static ByteBuffer chunk(byte[] stream, int from, int length) {
        byte[] copy = new byte[length];
        System.arraycopy(stream, from, copy, 0, length);
        return ByteBuffer.wrap(copy);
    }

    /** A frame as a client might send it, now and then broken in one of the ways the contract names. */
    private static byte[] randomFrame(Random random) {
        int kind = random.nextInt(20);
        int opcode;
        boolean fin = true;
        byte[] payload;
        switch (kind) {
            case 0, 1 -> { opcode = 9; payload = ascii(random, random.nextInt(126)); }
            case 2 -> { opcode = 10; payload = ascii(random, random.nextInt(126)); }
            case 3 -> { opcode = 8; payload = close(random); }
            case 4 -> { opcode = 2; payload = ascii(random, random.nextInt(300)); }
            case 5, 6 -> { opcode = random.nextBoolean() ? 1 : 0; fin = random.nextBoolean(); payload = ascii(random, random.nextInt(3000)); }
            case 7 -> { opcode = 1; payload = ascii(random, random.nextBoolean() ? MAX : 65_535); }
            default -> { opcode = 1; payload = ("{\"type\":\"ice\",\"sdp\":\"Zoë 李 \uD83D\uDE00 "
                    + "x".repeat(random.nextInt(8000)) + "\"}").getBytes(StandardCharsets.UTF_8); }
        }
        int rsv = 0;
        int breakage = random.nextInt(40);
        switch (breakage) {
            case 0 -> opcode = 3 + random.nextInt(5); // an opcode RFC 6455 does not define
            case 1 -> rsv = 1 + random.nextInt(7); // no extension was negotiated
            case 2 -> payload = ascii(random, MAX + 1 + random.nextInt(10)); // over the cap
            case 3 -> { opcode = 9; payload = ascii(random, 126 + random.nextInt(200)); } // control frame too long
            case 4 -> { opcode = 9; fin = false; } // fragmented control frame
            default -> { }
        }
        return encode(opcode, fin, rsv, payload, random.nextInt(10) != 0, random);
    }

    private static byte[] encode(int opcode, boolean fin, int rsv, byte[] payload, boolean masked, Random random) {
        ByteBuffer out = ByteBuffer.allocate(payload.length + 14);
        out.put((byte) ((fin ? 0x80 : 0) | rsv << 4 | opcode));
        int maskBit = masked ? 0x80 : 0;
        boolean longForm = random.nextInt(20) == 0; // a non-minimal length is legal to parse
        if (payload.length < 126 && !longForm) {
            out.put((byte) (maskBit | payload.length));
        } else if (payload.length <= 0xFFFF && !longForm) {
            out.put((byte) (maskBit | 126)).putShort((short) payload.length);
        } else {
            out.put((byte) (maskBit | 127)).putLong(payload.length);
        }
        byte[] body = payload.clone();
        if (masked) {
            int mask = random.nextInt();
            out.putInt(mask);
            for (int i = 0; i < body.length; i++) {
                body[i] ^= (byte) (mask >>> (24 - 8 * (i % 4)));
            }
        }
        out.put(body);
        byte[] frame = new byte[out.position()];
        out.flip().get(frame);
        return frame;
    }

    private static byte[] ascii(Random random, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (' ' + random.nextInt(95));
        }
        return b;
    }

    private static byte[] close(Random random) {
        int[] codes = {1000, 1001, 1008, 999, 1004, 5000};
        ByteBuffer b = ByteBuffer.allocate(2 + 10).putShort((short) codes[random.nextInt(codes.length)]);
        b.put(ascii(random, random.nextInt(10)));
        return java.util.Arrays.copyOf(b.array(), b.position());
    }
}
