package app.carrel.client.status;

import app.carrel.client.call.CallState;
import app.carrel.client.i18n.Texts;
import java.time.Instant;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Duration;

/**
 * The signaling connection as the person sees it: connected, connecting, reconnecting (counting
 * down to the engine's next attempt) or offline. Fed by the lobby connection and, in a room, by
 * the call engine. FX thread only.
 */
public final class StatusModel {

    public enum Kind { CONNECTING, CONNECTED, RECONNECTING, OFFLINE }

    private final ReadOnlyObjectWrapper<Kind> kind = new ReadOnlyObjectWrapper<>(this, "kind", Kind.CONNECTING);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", Texts.get("status.connectingSomewhere"));
    // A quarter-second tick keeps the whole-second countdown within a tick of the truth.
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.millis(250), e -> tick()));
    private String where = "";
    /** When the engine tries next; null until it said so. */
    private Instant nextAttempt;

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
        set(Kind.CONNECTING, Texts.get("status.connecting", server));
    }

    public void connected(String server) {
        where = server;
        set(Kind.CONNECTED, Texts.get("status.connected", server));
    }

    public void offline(String reason) {
        set(Kind.OFFLINE, Texts.get("status.offline", reason));
    }

    /** The engine's view of the connection while in a room. */
    public void engineState(CallState state) {
        switch (state) {
            case IN_CALL, LOBBY, LEAVING -> connected(where);
            case RECONNECTING -> reconnecting();
            case CONNECTING, JOINING -> connecting(where);
            case IDLE, CLOSED -> offline(Texts.get("status.notConnectedTo", where));
            default -> { }
        }
    }

    /** The engine scheduled its next reconnect attempt: count down to it. */
    public void reconnectingAt(Instant attempt) {
        nextAttempt = attempt;
        reconnecting();
    }

    private void reconnecting() {
        set(Kind.RECONNECTING, reconnectText());
        ticker.play();
    }

    private void tick() {
        if (kind.get() == Kind.RECONNECTING) {
            text.set(reconnectText());
        }
    }

    private String reconnectText() {
        long millis = nextAttempt == null ? 0 : java.time.Duration.between(Instant.now(), nextAttempt).toMillis();
        return millis <= 0 ? Texts.get("status.reconnectingNow") : Texts.get("status.reconnectingIn", (millis + 999) / 1000);
    }

    private void set(Kind next, String message) {
        if (next != Kind.RECONNECTING) {
            ticker.stop();
            nextAttempt = null;
        }
        kind.set(next);
        text.set(message);
    }
}
