package app.carrel.server.rooms;

import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.ErrorCode;
import app.carrel.server.chat.ChatHandler;
import app.carrel.server.lobby.LobbyHandler;
import app.carrel.server.relay.RelayHandler;
import app.carrel.server.timer.TimerHandler;

/**
 * The entry point of room logic: takes (connection, message) on the rooms thread and hands it to
 * the feature that answers it. Java 17 has no pattern switch, hence the instanceof chain.
 *
 * <p>All room state is owned by the rooms thread; nothing here is synchronized.
 */
public final class Dispatcher {
    private final RoomsContext ctx;
    private final LobbyHandler lobby;
    private final JoinHandler join;
    private final Seating seating;
    private final RelayHandler relay;
    private final ChatHandler chat;
    private final TimerHandler timer;

    public Dispatcher(RoomsContext ctx) {
        this.ctx = ctx;
        this.lobby = new LobbyHandler(ctx);
        this.seating = new Seating(ctx);
        this.join = new JoinHandler(ctx, seating);
        this.relay = new RelayHandler(ctx.directory(), ctx.outbox(), ctx.metrics());
        this.chat = new ChatHandler(ctx);
        this.timer = new TimerHandler(ctx);
    }

    public Seating seating() {
        return seating;
    }

    public TimerHandler timer() {
        return timer;
    }

    /** A handler that throws is answered with {@code server-error} by {@link RequestOrder}. */
    public void onMessage(Connection c, ClientMessage m) {
        ctx.order().run(c, m.id(), () -> route(c, m));
    }

    /** A message that could not be decoded, answered in its turn like any other. */
    public void onInvalid(Connection c, String id, ErrorCode code, String reason) {
        ctx.order().run(c, id, () -> ctx.outbox().error(c, id, code, reason));
    }

    public void onDisconnect(Connection c) {
        seating.onDisconnect(c);
    }

    private void route(Connection c, ClientMessage m) {
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
        Participant p = c.participant();
        if (p == null) {
            ctx.outbox().error(c, m.id(), ErrorCode.NOT_IN_ROOM, "Join a room first");
            return;
        }
        if (m instanceof ClientMessage.Ice ice) {
            relay.onIce(c, p, ice);
        } else if (m instanceof ClientMessage.Offer offer) {
            relay.onOffer(c, p, offer);
        } else if (m instanceof ClientMessage.Answer answer) {
            relay.onAnswer(c, p, answer);
        } else if (m instanceof ClientMessage.MediaState media) {
            seating.onMediaState(p, media);
        } else if (m instanceof ClientMessage.Chat line) {
            chat.onChat(c, p, line);
        } else if (m instanceof ClientMessage.Timer t) {
            timer.onTimer(c, p, t);
        } else if (m instanceof ClientMessage.Leave leave) {
            seating.onLeave(c, p, leave);
        } else {
            throw new IllegalStateException("Unhandled message type " + m.getClass().getSimpleName());
        }
    }
}
