package app.carrel.client.owners;

import javafx.beans.property.BooleanProperty;

/**
 * What the owner of a room can do to it, wherever the menu is (the lobby's list, the room's
 * header). Each implementation sends the request its own way and shows a failure where the
 * person looks. FX thread only.
 */
public interface RoomActions {

    /** The room's name now, for the dialogs' headers. */
    String roomName();

    int capacity();

    /**
     * Sends one {@code update-room}: each null field stays as it is; {@code password} "" removes
     * it. The answer brings {@link #kept} up to date. The one way each implementation sends it.
     */
    void update(String name, Integer capacity, String password, Boolean keep);

    void delete();

    /** The room's "keep" setting as last heard; setting it is {@link #keep}. */
    BooleanProperty kept();

    default void rename(String name) {
        update(name, null, null, null);
    }

    /** {@code password}: null keeps it, "" removes it. */
    default void change(int capacity, String password) {
        update(null, capacity, password, null);
    }

    default void keep(boolean keep) {
        update(null, null, null, keep);
    }

    /** Asks the server for the room's settings (keep), as the menu opens: an update changing nothing. */
    default void refresh() {
        update(null, null, null, null);
    }
}
