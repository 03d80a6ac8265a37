package app.carrel.client.fx;

import app.carrel.client.call.CallListener;
import app.carrel.client.call.CallState;
import app.carrel.client.call.ConnectionState;
import app.carrel.client.call.JoinedRoom;
import app.carrel.protocol.MediaFlags;
import app.carrel.protocol.Peer;
import app.carrel.protocol.Room;
import app.carrel.protocol.ServerMessage;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * Moves a call engine's events onto the FX thread, in the order the engine fired them. The
 * engine calls on its own thread and must never wait on the UI, so this only queues.
 */
public final class FxCallListener implements CallListener {

    private final CallListener target;
    private final Executor fx;

    public FxCallListener(CallListener target) {
        this(target, Platform::runLater);
    }

    FxCallListener(CallListener target, Executor fx) {
        this.target = target;
        this.fx = fx;
    }

    @Override
    public void onState(CallState state) {
        fx.execute(() -> target.onState(state));
    }

    @Override
    public void onReconnecting(int attempt, Instant nextAttempt) {
        fx.execute(() -> target.onReconnecting(attempt, nextAttempt));
    }

    @Override
    public void onRooms(List<Room> rooms) {
        fx.execute(() -> target.onRooms(rooms));
    }

    @Override
    public void onJoined(JoinedRoom joined) {
        fx.execute(() -> target.onJoined(joined));
    }

    @Override
    public void onPeerJoined(Peer peer) {
        fx.execute(() -> target.onPeerJoined(peer));
    }

    @Override
    public void onPeerLeft(String peerId) {
        fx.execute(() -> target.onPeerLeft(peerId));
    }

    @Override
    public void onMediaState(String peerId, MediaFlags media) {
        fx.execute(() -> target.onMediaState(peerId, media));
    }

    @Override
    public void onConnectionState(String peerId, ConnectionState state) {
        fx.execute(() -> target.onConnectionState(peerId, state));
    }

    @Override
    public void onAudioLevel(String peerId, double level) {
        fx.execute(() -> target.onAudioLevel(peerId, level));
    }

    @Override
    public void onChat(ServerMessage.Chat chat) {
        fx.execute(() -> target.onChat(chat));
    }

    @Override
    public void onTimer(ServerMessage.Timer timer) {
        fx.execute(() -> target.onTimer(timer));
    }

    @Override
    public void onProblem(String message) {
        fx.execute(() -> target.onProblem(message));
    }

    @Override
    public void onRoomEnded(String reason) {
        fx.execute(() -> target.onRoomEnded(reason));
    }

    @Override
    public void onRoomUpdated(app.carrel.protocol.Room room) {
        fx.execute(() -> target.onRoomUpdated(room));
    }

    @Override
    public void onMuteRequested(String byName) {
        fx.execute(() -> target.onMuteRequested(byName));
    }

    @Override
    public void onGoal(String participantId, String goal) {
        fx.execute(() -> target.onGoal(participantId, goal));
    }

    @Override
    public void onPresence(String participantId, app.carrel.protocol.Presence presence) {
        fx.execute(() -> target.onPresence(participantId, presence));
    }

    @Override
    public void onCheckedIn(String participantId, app.carrel.protocol.CheckInResult result) {
        fx.execute(() -> target.onCheckedIn(participantId, result));
    }
}
