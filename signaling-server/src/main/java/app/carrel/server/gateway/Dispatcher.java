package app.carrel.server.gateway;

import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.ErrorCode;
import app.carrel.server.access.AccessGate;
import app.carrel.server.chat.ChatHandler;
import app.carrel.server.hall.Halls;
import app.carrel.server.lobby.LobbyHandler;
import app.carrel.server.owners.Moderation;
import app.carrel.server.owners.OwnerHandler;
import app.carrel.server.relay.RelayHandler;
import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.Outbox;
import app.carrel.server.rooms.Participant;
import app.carrel.server.rooms.RequestOrder;
import app.carrel.server.seating.JoinHandler;
import app.carrel.server.seating.Seating;
import app.carrel.server.study.StudyHandler;
import app.carrel.server.timer.TimerHandler;

/**
 * The entry point of room logic: takes (connection, message) on the rooms thread and hands it to
 * the feature that answers it, in the connection's request order. Java 17 has no pattern switch,
 * hence the instanceof chain.
 *
 * <p>All room state is owned by the rooms thread; nothing here is synchronized.
 */
public final class Dispatcher {
    private final RequestOrder order;
    private final Outbox outbox;
    private final LobbyHandler lobby;
    private final JoinHandler join;
    private final Seating seating;
    private final RelayHandler relay;
    private final ChatHandler chat;
    private final TimerHandler timer;
    private final Halls halls;
    private final AccessGate access;
    private final OwnerHandler owners;
    private final Moderation moderation;
    private final StudyHandler study;

    /** The owners' requests need no seat: an owner acts from the lobby too. */
    public Dispatcher(RequestOrder order, Outbox outbox, LobbyHandler lobby, JoinHandler join, Seating seating,
                      RelayHandler relay, ChatHandler chat, TimerHandler timer, Halls halls, AccessGate access,
                      OwnerHandler owners, Moderation moderation, StudyHandler study) {
        this.study = study;
        this.access = access;
        this.owners = owners;
        this.moderation = moderation;
        this.halls = halls;
        this.order = order;
        this.outbox = outbox;
        this.lobby = lobby;
        this.join = join;
        this.seating = seating;
        this.relay = relay;
        this.chat = chat;
        this.timer = timer;
    }

    /** A handler that throws is answered with {@code server-error} by {@link RequestOrder}. */
    public void onMessage(Connection c, ClientMessage m) {
        order.run(c, m.id(), () -> route(c, m));
    }

    /** A message that could not be decoded, answered in its turn like any other. */
    public void onInvalid(Connection c, String id, ErrorCode code, String reason) {
        order.run(c, id, () -> outbox.error(c, id, code, reason));
    }

    /** A socket opened: counted against its address, or refused and closed (access). */
    public void onOpen(Connection c) {
        access.opened(c);
    }

    public void onDisconnect(Connection c) {
        access.closed(c);
        seating.onDisconnect(c);
    }

    private boolean routeOwners(Connection c, ClientMessage m) {
        if (m instanceof ClientMessage.UpdateRoom update) {
            owners.onUpdateRoom(c, update);
        } else if (m instanceof ClientMessage.DeleteRoom delete) {
            owners.onDeleteRoom(c, delete);
        } else if (m instanceof ClientMessage.RemoveParticipant remove) {
            moderation.onRemove(c, remove);
        } else if (m instanceof ClientMessage.AskMute ask) {
            moderation.onAskMute(c, ask);
        } else {
            return false;
        }
        return true;
    }

    private void route(Connection c, ClientMessage m) {
        if (!access.admits(c, m)) {
            return; // answered by the access gate (join code), or refused at open and closing
        }
        if (m instanceof ClientMessage.ListRooms list) {
            lobby.onListRooms(c, list);
            return;
        }
        if (m instanceof ClientMessage.CreateRoom create) {
            lobby.onCreateRoom(c, create);
            return;
        }
        if (m instanceof ClientMessage.Join j) {
            join.onJoin(c, j);
            return;
        }
        if (routeOwners(c, m)) {
            return;
        }
        Participant p = c.participant();
        if (p == null) {
            outbox.error(c, m.id(), ErrorCode.NOT_IN_ROOM, "Join a room first");
            return;
        }
        if (m instanceof ClientMessage.Ice ice) {
            relay.onIce(c, p, ice);
        } else if (m instanceof ClientMessage.Offer offer) {
            relay.onOffer(c, p, offer);
        } else if (m instanceof ClientMessage.Answer answer) {
            relay.onAnswer(c, p, answer);
        } else if (m instanceof ClientMessage.MediaState media) {
            seating.onMediaState(c, p, media);
        } else if (m instanceof ClientMessage.Chat line) {
            chat.onChat(c, p, line);
        } else if (m instanceof ClientMessage.Timer t) {
            timer.onTimer(c, p, t);
        } else if (m instanceof ClientMessage.SfuIce ice) {
            halls.onIce(c, p, ice);
        } else if (m instanceof ClientMessage.SfuPublish publish) {
            halls.onPublish(c, p, publish);
        } else if (m instanceof ClientMessage.SfuAnswer answer) {
            halls.onAnswer(c, p, answer);
        } else if (m instanceof ClientMessage.SfuView view) {
            halls.onView(c, p, view);
        } else if (m instanceof ClientMessage.SetGoal goal) {
            study.onSetGoal(c, p, goal);
        } else if (m instanceof ClientMessage.SetPresence presence) {
            study.onSetPresence(c, p, presence);
        } else if (m instanceof ClientMessage.CheckIn checkIn) {
            study.onCheckIn(c, p, checkIn);
        } else if (m instanceof ClientMessage.Leave leave) {
            seating.onLeave(c, p, leave);
        } else {
            throw new IllegalStateException("Unhandled message type " + m.getClass().getSimpleName());
        }
    }
}
