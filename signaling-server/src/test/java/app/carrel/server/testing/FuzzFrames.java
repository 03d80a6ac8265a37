package app.carrel.server.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Random and malformed text frames for a connection that is in no room. Every frame is built so
 * that the only correct answer is exactly one {@code error}: nothing here can list, create or join.
 * A well-formed id, when a frame keeps one, is {@code "f<index>"}.
 */
public final class FuzzFrames {

    private static final String[] TYPES = {"create-room", "join", "leave", "offer", "answer", "ice", "media-state",
            "chat", "timer"};
    private static final Object[] WRONG = {1, -1, 2.5, 4.0, true, false, List.of(), List.of(1, "x"), Map.of(),
            Map.of("k", "v"), "", "x", 1e300, Long.MAX_VALUE, "\u0000", "\uD83D\uDE00"};

    private final Random random;

    public FuzzFrames(long seed) {
        random = new Random(seed);
    }

    public String frame(int index) {
        return switch (random.nextInt(9)) {
            case 0 -> garbage();
            case 1 -> truncate(Json.write(template(index)));
            case 2 -> Json.write(confuse(template(index)));
            case 3 -> Json.object("type", "x-" + Integer.toHexString(random.nextInt()), "id", "f" + index);
            case 4 -> nested(random.nextInt(3000) + 1);
            case 5 -> Json.write(template(index)) + (random.nextBoolean() ? " {}" : "x");
            case 6 -> escapes(index);
            case 7 -> Json.write(longString(template(index)));
            default -> Json.write(template(index));
        };
    }

    /** A syntactically valid request that must still fail: not in a room, unknown room, or bad name. */
    private Map<String, Object> template(int index) {
        Map<String, Object> m = new LinkedHashMap<>();
        String type = TYPES[random.nextInt(TYPES.length)];
        m.put("type", type);
        m.put("id", "f" + index);
        String peer = UUID.randomUUID().toString();
        switch (type) {
            case "create-room" -> {
                m.put("name", random.nextBoolean() ? "" : "bad\u0007name");
                // Never valid together with a valid name: a confused name alone must not create a room.
                m.put("capacity", random.nextBoolean() ? random.nextInt(2) : 9 + random.nextInt(20));
            }
            case "join" -> {
                m.put("room", random.nextBoolean() ? UUID.randomUUID().toString() : "room-" + random.nextInt());
                m.put("name", "Fuzzy");
            }
            case "offer", "answer" -> {
                m.put("to", peer);
                m.put("sdp", "v=0");
            }
            case "ice" -> {
                m.put("to", peer);
                m.put("candidate", Map.of("candidate", "candidate:1", "sdpMid", "0", "sdpMLineIndex", 0));
            }
            case "media-state" -> m.put("audio", random.nextBoolean());
            case "chat" -> m.put("text", "hello " + random.nextInt());
            case "timer" -> {
                m.put("action", List.of("start", "pause", "resume", "reset").get(random.nextInt(4)));
                m.put("phase", "focus");
                m.put("seconds", random.nextInt(8000));
            }
            default -> {
            }
        }
        return m;
    }

    private Map<String, Object> confuse(Map<String, Object> message) {
        List<String> keys = new ArrayList<>(message.keySet());
        keys.remove("id");
        String key = keys.get(random.nextInt(keys.size()));
        Object wrong = WRONG[random.nextInt(WRONG.length)];
        if ("type".equals(key) && wrong instanceof String) {
            wrong = 7;
        }
        message.put(key, wrong);
        return message;
    }

    private Map<String, Object> longString(Map<String, Object> message) {
        message.put(random.nextBoolean() ? "text" : "padding", "z".repeat(random.nextInt(60_000)));
        return message;
    }

    private String truncate(String json) {
        return json.substring(0, random.nextInt(json.length() - 1) + 1);
    }

    private String nested(int depth) {
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return "{\"type\":\"chat\",\"text\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}";
    }

    private String escapes(int index) {
        String[] odd = {"\\ud800", "\\udfff\\ud800", "\\u0000", "\\uFFFF", "\\\\", "\\/", "\\x41", "\\", "\\u12"};
        return "{\"type\":\"chat" + odd[random.nextInt(odd.length)] + "\",\"id\":\"f" + index + "\",\"text\":\"t\"}";
    }

    private String garbage() {
        String json = "{}[]\":,\\ \t\n0123456789.-+eEtrufalsn";
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(200);
        for (int i = 0; i < length; i++) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> json.charAt(random.nextInt(json.length()));
                case 1 -> 0x20 + random.nextInt(0x5F);
                case 2 -> random.nextInt(0x20);
                default -> 0xE000 + random.nextInt(0x10000);
            };
            s.appendCodePoint(codePoint);
        }
        return s.toString();
    }
}
