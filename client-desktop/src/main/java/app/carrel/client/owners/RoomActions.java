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

    void rename(String name);

    /** {@code password}: null keeps it, "" removes it. */
    void change(int capacity, String password);

    void delete();

    /** The room's "keep" setting as last heard; setting it is {@link #keep}. */
    BooleanProperty kept();

    void keep(boolean keep);

    /** Asks the server for the room's settings (keep), as the menu opens. */
    void refresh();
}
