package app.carrel.server.hall;

import app.carrel.server.janus.JanusLink;
import app.carrel.server.rooms.LiveRoom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A Carrel room carried by one Janus VideoRoom: on which instance, its number and secret, and its
 * members by participant id. Owned by the rooms thread.
 */
final class Hall {
    final LiveRoom room;
    final String roomId;
    final JanusLink link;
    final long number;
    final String secret;
    /** Completes (rooms thread) once the VideoRoom exists; its value is the admin handle. */
    final CompletableFuture<Long> created = new CompletableFuture<>();
    final Map<String, HallMember> members = new LinkedHashMap<>();

    Hall(LiveRoom room, JanusLink link, long number, String secret) {
        this.room = room;
        this.roomId = room.id();
        this.link = link;
        this.number = number;
        this.secret = secret;
    }

    HallMember memberByFeed(long feed) {
        for (HallMember m : members.values()) {
            if (m.feed == feed) {
                return m;
            }
        }
        return null;
    }
}
