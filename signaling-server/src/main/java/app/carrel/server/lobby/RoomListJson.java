package app.carrel.server.lobby;

import app.carrel.protocol.Room;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.rooms.Outbox;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The v1 {@code rooms} push written from rooms already encoded one by one: byte for byte what the
 * codec writes for {@link ServerMessage.Rooms} without an id, but without encoding 5,000 rooms
 * again when one of them changed. The codec's own output decides the framing, checked once here,
 * so a change to how it writes rooms fails at start-up instead of sending a wrong list.
 */
final class RoomListJson {
    private static final byte[] ROOM_KEY = "\"room\":".getBytes(StandardCharsets.UTF_8);

    private final Outbox outbox;
    private final byte[] head;
    private final byte[] tail;

    RoomListJson(Outbox outbox) {
        this.outbox = outbox;
        String empty = outbox.encode(new ServerMessage.Rooms(null, List.of()));
        if (!empty.endsWith("[]}")) {
            throw new IllegalStateException("The codec writes an empty room list as " + empty + "; expected the list last");
        }
        this.head = empty.substring(0, empty.length() - 2).getBytes(StandardCharsets.UTF_8);
        this.tail = "]}".getBytes(StandardCharsets.UTF_8);
    }

    /** One room as it is written inside a list (taken from the codec's {@code room-changed}). */
    byte[] room(Room room) {
        byte[] message = outbox.encode(new ServerMessage.RoomChanged(room)).getBytes(StandardCharsets.UTF_8);
        int start = indexOf(message, ROOM_KEY) + ROOM_KEY.length;
        if (start < ROOM_KEY.length || message[message.length - 1] != '}') {
            throw new IllegalStateException("Unexpected room-changed encoding: " + new String(message, StandardCharsets.UTF_8));
        }
        return Arrays.copyOfRange(message, start, message.length - 1);
    }

    /** {@code {"type":"rooms","rooms":[…]}} from the rooms' own JSON, in the order given; {@code roomBytes} is their total length. */
    byte[] list(Collection<byte[]> rooms, int roomBytes) {
        int commas = Math.max(0, rooms.size() - 1);
        byte[] out = new byte[head.length + roomBytes + commas + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        int at = head.length;
        for (byte[] room : rooms) {
            if (at > head.length) {
                out[at++] = ',';
            }
            System.arraycopy(room, 0, out, at, room.length);
            at += room.length;
        }
        System.arraycopy(tail, 0, out, at, tail.length);
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
