package app.carrel.client.call;

import app.carrel.protocol.Peer;
import app.carrel.protocol.Room;
import app.carrel.protocol.Self;
import app.carrel.protocol.ServerMessage;
import java.util.List;

/**
 * The room as we found it on joining. {@code timer} is null until someone starts one;
 * {@code self} is us as the server seated us (with the study fields: our goal, presence, since).
 */
public record JoinedRoom(Room room, String selfId, String selfName, List<Peer> peers,
                         List<ServerMessage.Chat> chat, ServerMessage.Timer timer, Self self) {

    public JoinedRoom {
        peers = List.copyOf(peers);
        chat = List.copyOf(chat);
        self = self != null ? self : new Self(selfId, selfName);
    }

    public JoinedRoom(Room room, String selfId, String selfName, List<Peer> peers,
                      List<ServerMessage.Chat> chat, ServerMessage.Timer timer) {
        this(room, selfId, selfName, peers, chat, timer, null);
    }

    static JoinedRoom of(ServerMessage.Joined joined) {
        return new JoinedRoom(joined.room(), joined.self().id(), joined.self().name(),
                joined.peers(), joined.chat(), joined.timer(), joined.self());
    }
}
