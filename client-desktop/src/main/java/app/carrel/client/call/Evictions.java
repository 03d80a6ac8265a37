package app.carrel.client.call;

import app.carrel.client.i18n.Texts;
import app.carrel.protocol.ServerMessage;

/** Why the server put us out of a room, in the person's words (docs/protocol.md §10). */
final class Evictions {

    private Evictions() {
    }

    static String deleted(ServerMessage.RoomDeleted deleted) {
        return switch (deleted.reason()) {
            case "admin" -> Texts.get("room.deletedByAdmin");
            case "expired" -> Texts.get("room.deletedExpired");
            default -> deleted.byName() == null ? Texts.get("room.deletedByOwner")
                    : Texts.get("room.deletedBy", deleted.byName());
        };
    }

    static String removed(ServerMessage.Removed removed) {
        return removed.byName() == null ? Texts.get("room.removedByOwner") : Texts.get("room.removedBy", removed.byName());
    }
}
