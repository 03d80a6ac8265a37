package app.carrel.server.hall;

import app.carrel.server.rooms.Participant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One participant's side of a hall in Janus: its publisher handle (joined with its own token and
 * feed id), what it publishes, and its subscriber connection. Replaced by a fresh one when the
 * hall moves to another Janus instance. Owned by the rooms thread.
 */
final class HallMember {
    final Participant participant;
    final String token;
    final long feed;
    /** Completes on the rooms thread once the publisher handle has joined the Janus room. */
    final CompletableFuture<Void> joined = new CompletableFuture<>();
    long publisherHandle;
    long privateId;
    /** Set when the first offer goes to Janus: later offers are renegotiations. */
    boolean publishSent;
    /** The publisher's PeerConnection is up, so others can subscribe to it. */
    boolean live;
    List<PublishedStream> streams = List.of();
    /** The participant ids whose video this member views. */
    Set<String> view = Set.of();
    /** The simulcast layer (Janus substream) this member receives video in: 0 smallest, 2 full. */
    int layer = 2;
    /** The viewed participants whose tile is large (the stage): their video comes in layer 2. */
    Set<String> large = Set.of();
    /** {@link #layer} or {@link #large} changed and Janus has not been told yet: it is, once the subscription is settled. */
    boolean layerChanged;
    long subscriberHandle;
    List<SubscribedStream> subscribed = List.of();
    /**
     * A subscription change is in flight (asked, or Janus's offer not yet answered); {@link #dirty}
     * asks for another when it ends. One at a time keeps Janus from postponing and merging updates.
     */
    boolean subscribing;
    /** An offer went to the member and its answer has not yet been started in Janus. */
    boolean awaitingAnswer;
    boolean dirty;

    /** The layer this member receives {@code peerId}'s video in. */
    int layerOf(String peerId) {
        return large.contains(peerId) ? 2 : layer;
    }

    HallMember(Participant participant, String token, long feed) {
        this.participant = participant;
        this.token = token;
        this.feed = feed;
    }
}
