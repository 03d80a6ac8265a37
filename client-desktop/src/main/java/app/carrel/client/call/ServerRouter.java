package app.carrel.client.call;

import app.carrel.protocol.ServerMessage;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each message the server pushes goes: lobby, chat, timer and errors to the listeners,
 * the rest to the room we are in (and from it, relayed negotiation to its transport).
 * Engine thread.
 */
final class ServerRouter {

    private static final Logger log = LoggerFactory.getLogger(ServerRouter.class);

    private final CallListeners listeners;
    private final Supplier<RoomCall> room;
    /** The server put us out of the room (deleted, or removed by its owner): why, in words. */
    private final Consumer<String> evicted;

    ServerRouter(CallListeners listeners, Supplier<RoomCall> room, Consumer<String> evicted) {
        this.listeners = listeners;
        this.room = room;
        this.evicted = evicted;
    }

    void route(ServerMessage message) {
        RoomCall r = room.get();
        if (message instanceof ServerMessage.Rooms rooms) {
            listeners.fire(l -> l.onRooms(rooms.rooms()));
        } else if (message instanceof ServerMessage.Chat chat) {
            listeners.fire(l -> l.onChat(chat));
        } else if (message instanceof ServerMessage.Timer timer) {
            listeners.fire(l -> l.onTimer(timer));
        } else if (message instanceof ServerMessage.Error error) {
            listeners.fire(l -> l.onProblem(error.code().wire() + ": " + error.message()));
        } else if (r == null) {
            log.debug("Ignoring {} outside a room", message.getClass().getSimpleName());
        } else if (message instanceof ServerMessage.Offer || message instanceof ServerMessage.Answer
                || message instanceof ServerMessage.Ice || message instanceof ServerMessage.SfuOffer
                || message instanceof ServerMessage.SfuRestart) {
            r.onRelayed(message);
        } else if (message instanceof ServerMessage.PeerJoined joined) {
            r.onPeerJoined(joined.peer());
        } else if (message instanceof ServerMessage.PeerLeft left) {
            r.onPeerLeft(left.peer());
        } else if (message instanceof ServerMessage.MediaState media) {
            r.onMediaState(media);
        } else if (message instanceof ServerMessage.RoomUpdated updated) {
            listeners.fire(l -> l.onRoomUpdated(updated.room()));
        } else if (message instanceof ServerMessage.GoalChanged goal) {
            listeners.fire(l -> l.onGoal(goal.participant(), goal.goal()));
        } else if (message instanceof ServerMessage.PresenceChanged presence) {
            listeners.fire(l -> l.onPresence(presence.participant(), presence.presence()));
        } else if (message instanceof ServerMessage.CheckedIn checkedIn) {
            listeners.fire(l -> l.onCheckedIn(checkedIn.participant(), checkedIn.result()));
        } else if (message instanceof ServerMessage.MuteRequest ask) {
            listeners.fire(l -> l.onMuteRequested(ask.byName()));
        } else if (message instanceof ServerMessage.RoomDeleted deleted) {
            evicted.accept(Evictions.deleted(deleted));
        } else if (message instanceof ServerMessage.Removed removed) {
            evicted.accept(Evictions.removed(removed));
        } else {
            log.debug("Ignoring {}", message.getClass().getSimpleName());
        }
    }
}
