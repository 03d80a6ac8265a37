package app.carrel.client.status;

import app.carrel.client.call.CallState;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Duration;

/**
 * The signaling connection as the person sees it: connected, connecting, reconnecting (with the
 * seconds it has been trying) or offline. Fed by the lobby connection and, in a room, by the call
 * engine. FX thread only.
 */
public final class StatusModel {

    public enum Kind { CONNECTING, CONNECTED, RECONNECTING, OFFLINE }

    private final ReadOnlyObjectWrapper<Kind> kind = new ReadOnlyObjectWrapper<>(this, "kind", Kind.CONNECTING);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "Connecting…");
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
    private String where = "";
    private long reconnectingSince;

    public StatusModel() {
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    public ReadOnlyObjectProperty<Kind> kindProperty() {
        return kind.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public void connecting(String server) {
        where = server;
        set(Kind.CONNECTING, "Connecting to " + server + "…");
    }

    public void connected(String server) {
        where = server;
        set(Kind.CONNECTED, "Connected to " + server);
    }

    public void offline(String reason) {
        set(Kind.OFFLINE, "Offline — " + reason);
    }

    /** The engine's view of the connection while in a room. */
    public void engineState(CallState state) {
        switch (state) {
            case IN_CALL, LOBBY, LEAVING -> connected(where);
            case RECONNECTING -> reconnecting();
            case CONNECTING, JOINING -> connecting(where);
            case IDLE, CLOSED -> offline("not connected to " + where);
            default -> { }
        }
    }

    private void reconnecting() {
        if (kind.get() != Kind.RECONNECTING) {
            reconnectingSince = System.currentTimeMillis();
        }
        set(Kind.RECONNECTING, reconnectText());
        ticker.play();
    }

    private void tick() {
        if (kind.get() == Kind.RECONNECTING) {
            text.set(reconnectText());
        }
    }

    private String reconnectText() {
        long seconds = (System.currentTimeMillis() - reconnectingSince) / 1000;
        return "Connection lost — reconnecting (" + seconds + " s); your call continues peer to peer";
    }

    private void set(Kind next, String message) {
        if (next != Kind.RECONNECTING) {
            ticker.stop();
        }
        kind.set(next);
        text.set(message);
    }
}
