package app.carrel.client.call;

import app.carrel.protocol.CheckInResult;
import app.carrel.protocol.MediaFlags;
import app.carrel.protocol.Peer;
import app.carrel.protocol.Presence;
import app.carrel.protocol.Room;
import app.carrel.protocol.ServerMessage;
import java.time.Instant;
import java.util.List;

/**
 * Everything a {@link CallEngine} tells its users. All methods are called on the engine's own
 * thread, in order; they must not block (a UI adapter moves them to its own thread).
 * Every method has a default so a user implements only what it shows.
 */
public interface CallListener {

    default void onState(CallState state) {
    }

    /**
     * The server is out of reach while we are in a room: reconnect attempt {@code attempt} (from
     * 1) starts at {@code nextAttempt}. Fired for every scheduled attempt, so a UI can count down.
     */
    default void onReconnecting(int attempt, Instant nextAttempt) {
    }

    /** Lobby updates, while connected and not in a room. */
    default void onRooms(List<Room> rooms) {
    }

    /** We are in the room: who is there, the chat so far and the timer (may be null). */
    default void onJoined(JoinedRoom joined) {
    }

    default void onPeerJoined(Peer peer) {
    }

    default void onPeerLeft(String peerId) {
    }

    /** A participant turned microphone, camera or screen on or off. */
    default void onMediaState(String peerId, MediaFlags media) {
    }

    /** The peer connection to one participant changed state (connected, failed, …). */
    default void onConnectionState(String peerId, ConnectionState state) {
    }

    /**
     * The level of a participant's audio, 0..1, when it changed noticeably (speaking indicator);
     * our own microphone's level comes under our own participant id.
     */
    default void onAudioLevel(String peerId, double level) {
    }

    /** A chat line, our own included. */
    default void onChat(ServerMessage.Chat chat) {
    }

    default void onTimer(ServerMessage.Timer timer) {
    }

    /** Something went wrong that the user should know about; the engine carries on. */
    default void onProblem(String message) {
    }

    /**
     * The visit ended without our asking (the server refused to seat us again, the room was
     * deleted, its owner removed us); in words for the person.
     */
    default void onRoomEnded(String reason) {
    }

    /** The room's owner (or the admin) renamed it or changed its capacity or password. */
    default void onRoomUpdated(Room room) {
    }

    /** The room's owner asks us to mute; {@code byName} is who, or null when not in the room. */
    default void onMuteRequested(String byName) {
    }

    /**
     * Study (docs/protocol.md §13): {@code participantId}'s session goal changed, ours included
     * (our own change is the answer to our request and comes through its future, not here);
     * null or "" for none.
     */
    default void onGoal(String participantId, String goal) {
    }

    /** Study: {@code participantId} is now focusing, on a break or away. */
    default void onPresence(String participantId, Presence presence) {
    }

    /** Study: {@code participantId} shared a check-in; null clears its mark (a new focus phase). */
    default void onCheckedIn(String participantId, CheckInResult result) {
    }
}
