package app.carrel.client.bot;

import app.carrel.client.call.CallEngine;
import app.carrel.client.call.CallListener;
import app.carrel.client.call.JoinedRoom;
import app.carrel.protocol.Peer;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A bot looks at everyone: in a study hall only the video shown is sent, and the bot's report
 * needs every participant's frames. Called on the engine thread, in order; owns its set.
 */
final class ShowEveryone implements CallListener {
    private final CallEngine engine;
    private final Set<String> present = new LinkedHashSet<>();

    ShowEveryone(CallEngine engine) {
        this.engine = engine;
    }

    @Override
    public void onJoined(JoinedRoom joined) {
        present.clear();
        joined.peers().stream().map(Peer::id).forEach(present::add);
        engine.showVideoOf(present);
    }

    @Override
    public void onPeerJoined(Peer peer) {
        present.add(peer.id());
        engine.showVideoOf(present);
    }

    @Override
    public void onPeerLeft(String peerId) {
        present.remove(peerId);
        engine.showVideoOf(present);
    }
}
