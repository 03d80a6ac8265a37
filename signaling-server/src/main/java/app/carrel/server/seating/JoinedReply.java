package app.carrel.server.seating;

import app.carrel.protocol.Peer;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.chat.ChatLogs;
import app.carrel.server.rooms.LiveRoom;
import app.carrel.server.rooms.Participant;
import app.carrel.server.security.IceServers;
import app.carrel.server.timer.RoomTimers;
import java.util.ArrayList;
import java.util.List;

/**
 * What a joiner is told: its room and itself, the peers already there, ICE servers, and what the
 * room shares (the chat replay, the timer; a long break told as a break to a client without study
 * features). Rooms thread only.
 */
public final class JoinedReply {
    private final IceServers iceServers;
    private final ChatLogs chat;
    private final RoomTimers timers;

    public JoinedReply(IceServers iceServers, ChatLogs chat, RoomTimers timers) {
        this.iceServers = iceServers;
        this.chat = chat;
        this.timers = timers;
    }

    ServerMessage.Joined to(String requestId, Participant p, String token, long now) {
        LiveRoom room = p.room();
        List<Peer> peers = new ArrayList<>(room.seated().size());
        for (Participant other : room.seated()) {
            if (other != p) {
                peers.add(other.asPeer());
            }
        }
        ServerMessage.Timer timer = timers.toMessage(room, now);
        if (timer != null && !p.connection().study()) {
            timer = timer.forV1();
        }
        return new ServerMessage.Joined(requestId, room.toRoom(), p.asSelf(), token, peers,
                iceServers.forParticipant(p.id(), now), chat.replay(room), timer);
    }
}
