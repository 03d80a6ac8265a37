package app.carrel.server.admin;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the admin API may do to rooms, implemented by the room logic (on its own thread) and
 * handed to {@link AdminServer}; the futures complete off the caller's thread.
 */
public interface AdminRooms {

    CompletableFuture<List<AdminRoom>> list();

    /** Fails with {@link Refused} (room-not-found, invalid-room-name, invalid-capacity). */
    CompletableFuture<AdminRoom> update(String id, String name, Integer capacity, Boolean keep);

    /** Fails with {@link Refused} (room-not-found). */
    CompletableFuture<Void> delete(String id);

    /** A room as the admin sees it: the lobby's fields plus the owner's settings. */
    record AdminRoom(String id, String name, int participants, int capacity, boolean locked, boolean hall,
                     boolean owned, boolean keep, Long emptySince) {
    }

    /** A refusal with the protocol's error code, answered with {@code status}. */
    final class Refused extends RuntimeException {
        private final int status;
        private final String code;

        public Refused(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }
}
