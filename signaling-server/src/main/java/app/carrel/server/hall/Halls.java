package app.carrel.server.hall;

import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.IceCandidate;
import app.carrel.protocol.SfuPc;
import app.carrel.protocol.SfuStream;
import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.StreamKind;
import app.carrel.server.janus.JanusLink;
import app.carrel.server.janus.JanusReply;
import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.LiveRoom;
import app.carrel.server.rooms.Outbox;
import app.carrel.server.rooms.Participant;
import app.carrel.server.rooms.RoomsExecutor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Study halls: Carrel rooms whose media goes through a Janus VideoRoom. The server owns the Janus
 * side: it creates the VideoRoom when a hall is first sat in, admits each seated participant with
 * a token of its own, forwards publish offers, subscriber answers and ICE, chooses what each
 * member's subscriber connection carries (audio from all, video from whom it views), destroys the
 * VideoRoom when the hall empties, and moves a hall to another instance when its own is lost.
 * Presence, chat and the timer stay on Carrel's signaling. Rooms thread only; Janus answers come
 * back to it through {@link #rooms}.
 */
public final class Halls implements JanusInstances.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(Halls.class);
    private static final String PLUGIN = "janus.plugin.videoroom";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Janus room and feed numbers travel as JSON numbers: keep them exact in a double. */
    private static final long MAX_NUMBER = 1L << 52;

    /** Carrel's clients list simulcast encodings smallest first (SimulcastLayers); Janus assumes the reverse. */
    /** When a layer change is asked again (see askLayers): past libwebrtc's 300 ms key-frame throttle. */
    private static final List<Duration> LAYER_RETRIES = List.of(Duration.ofMillis(500), Duration.ofMillis(1500));
    private static final Map<String, String> RID_ORDER = Map.of("rid_order", "lmh");

    private final HallConfig config;
    private final Outbox outbox;
    private final Executor rooms;
    private final JanusInstances instances;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Hall> halls = new HashMap<>();
    /** Halls whose instance was lost while no other was up: placed again when one comes. */
    private final Map<String, LiveRoom> homeless = new LinkedHashMap<>();

    public Halls(HallConfig config, RoomsExecutor executor, Outbox outbox) {
        this.config = config;
        this.outbox = outbox;
        this.rooms = executor::execute;
        this.instances = new JanusInstances(config.janus(), config.secret(), executor, this);
    }

    /** Connects to the Janus instances; rooms thread. Completes when each has been tried once. */
    public CompletableFuture<Void> start() {
        return instances.start();
    }

    /** Whether a hall can be carried right now: some Janus instance is up. */
    public boolean available() {
        return !instances.live().isEmpty();
    }

    public void close() {
        instances.close();
    }

    /** A participant took a seat in a hall: admit it to the hall's VideoRoom. */
    public void seated(Participant p) {
        LiveRoom room = p.room();
        Hall hall = halls.get(room.id());
        if (hall == null) {
            hall = place(room);
            if (hall == null) {
                homeless.put(room.id(), room);
                return;
            }
        }
        admit(hall, p);
    }

    /**
     * A participant resumed its seat (after our restart, or a lost signaling connection). Its
     * media never went through us, so it carries on; only a member we no longer know (the server
     * restarted) is admitted afresh and told to publish again.
     */
    public void resumed(Participant p) {
        Hall hall = halls.get(p.room().id());
        if (hall != null && hall.members.containsKey(p.id())) {
            return;
        }
        seated(p);
        restart(p, "The server restarted");
    }

    /** A participant left a hall for good: let go of its Janus side; the last one closes it. */
    public void unseated(Participant p) {
        Hall hall = halls.get(p.room().id());
        if (hall == null) {
            if (p.room().seated().isEmpty()) {
                homeless.remove(p.room().id());
            }
            return;
        }
        HallMember member = hall.members.remove(p.id());
        if (member != null) {
            release(hall, member);
        }
        if (hall.members.isEmpty()) {
            halls.remove(hall.roomId);
            destroy(hall);
        } else {
            hall.members.values().forEach(other -> reconcile(hall, other));
        }
    }

    public void onPublish(Connection c, Participant p, ClientMessage.SfuPublish m) {
        withMember(c, p, m.id(), (hall, member) -> {
            boolean first = !member.publishSent;
            member.publishSent = true;
            member.joined
                    .thenCompose(v -> hall.link.message(member.publisherHandle,
                            VideoRoomRequests.publish(first, m.screenMid()), "offer", m.sdp(), RID_ORDER))
                    .whenCompleteAsync((reply, failure) -> {
                        if (!current(hall, member)) {
                            return;
                        }
                        if (failure != null || reply.sdp() == null) {
                            refuse(p, m.id(), "Publishing to the hall failed", failure);
                            return;
                        }
                        member.streams = PublishedStreams.of(m.sdp(), m.screenMid());
                        silenced(hall, member).whenCompleteAsync((muted, muteFailure) -> {
                            if (!current(hall, member)) {
                                return;
                            }
                            if (muteFailure != null) {
                                refuse(p, m.id(), "Muting a quiet hall's microphones failed", muteFailure);
                                return;
                            }
                            p.deliver(outbox.encode(new ServerMessage.SfuPublished(m.id(), reply.sdp())));
                            if (member.live) {
                                hall.members.values().forEach(other -> reconcile(hall, other));
                            }
                        }, rooms);
                    }, rooms);
        });
    }

    /**
     * A quiet hall (docs/protocol.md §13) has Janus mute every audio m-line a publisher sends
     * (VideoRoom {@code moderate}) before the publisher gets its answer, so no audio is forwarded
     * from the first packet on, whatever the client sends. Done for every publish: a renegotiation
     * may add an audio m-line. Completes at once for other halls.
     */
    private CompletableFuture<Void> silenced(Hall hall, HallMember member) {
        if (!hall.room.study().quiet()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
        for (PublishedStream stream : member.streams) {
            if (stream.kind() == StreamKind.AUDIO) {
                all = all.thenCompose(v -> hall.created).thenCompose(admin -> hall.link.message(admin,
                        VideoRoomRequests.moderate(hall.number, hall.secret, member.feed, stream.mid(), true),
                        null, null)).thenApply(reply -> null);
            }
        }
        return all;
    }

    public void onAnswer(Connection c, Participant p, ClientMessage.SfuAnswer m) {
        withMember(c, p, m.id(), (hall, member) -> {
            if (member.subscriberHandle == 0) {
                outbox.error(c, m.id(), ErrorCode.BAD_REQUEST, "No subscriber offer to answer");
                return;
            }
            hall.link.message(member.subscriberHandle, VideoRoomRequests.start(), "answer", m.sdp())
                    .whenCompleteAsync((reply, failure) -> {
                        if (!current(hall, member)) {
                            return;
                        }
                        member.awaitingAnswer = false;
                        if (failure != null) {
                            refuse(p, m.id(), "The hall refused our answer", failure);
                        }
                        if (member.dirty || member.layerChanged) {
                            reconcile(hall, member);
                        }
                    }, rooms);
        });
    }

    public void onIce(Connection c, Participant p, ClientMessage.SfuIce m) {
        withMember(c, p, m.id(), (hall, member) -> {
            JsonNode candidate = janusCandidate(m.candidate());
            if (m.pc() == SfuPc.PUBLISHER) {
                member.joined.thenRunAsync(() -> {
                    if (current(hall, member)) {
                        hall.link.trickle(member.publisherHandle, candidate);
                    }
                }, rooms);
            } else if (member.subscriberHandle != 0) {
                hall.link.trickle(member.subscriberHandle, candidate);
            }
        });
    }

    public void onView(Connection c, Participant p, ClientMessage.SfuView m) {
        if (m.layer() != null && (m.layer() < 0 || m.layer() > 2)) {
            outbox.error(c, m.id(), ErrorCode.BAD_REQUEST, "'layer' must be 0, 1 or 2");
            return;
        }
        withMember(c, p, m.id(), (hall, member) -> {
            member.view = Set.copyOf(m.peers());
            if (m.layer() != null && m.layer() != member.layer) {
                member.layer = m.layer();
                member.layerChanged = true;
            }
            reconcile(hall, member);
        });
    }

    // ---- Janus events (JanusInstances.Listener), rooms thread ----

    @Override
    public void onUp(JanusLink link) {
        for (LiveRoom room : List.copyOf(homeless.values())) {
            Hall hall = place(room);
            if (hall == null) {
                return;
            }
            homeless.remove(room.id());
            for (Participant p : List.copyOf(room.seated())) {
                admit(hall, p);
                restart(p, "The hall's media server is back");
            }
        }
    }

    /** The instance is gone with every VideoRoom on it: rebuild its halls elsewhere. */
    @Override
    public void onLost(JanusLink link) {
        for (Hall lost : List.copyOf(halls.values())) {
            if (lost.link != link) {
                continue;
            }
            halls.remove(lost.roomId);
            Hall moved = place(lost.room);
            if (moved == null) {
                LOG.warn("Hall {} lost its Janus and no other is up; waiting for one", lost.roomId);
                homeless.put(lost.roomId, lost.room);
                for (HallMember member : lost.members.values()) {
                    restart(member.participant, "The hall's media server was lost");
                }
                continue;
            }
            LOG.info("Hall {} moves from {} to {}", lost.roomId, link.uri(), moved.link.uri());
            for (HallMember member : lost.members.values()) {
                admit(moved, member.participant).view = member.view;
                restart(member.participant, "The hall moved to another media server");
            }
        }
    }

    @Override
    public void onEvent(JanusLink link, long handle, JanusReply event) {
        for (Hall hall : halls.values()) {
            if (hall.link != link) {
                continue;
            }
            for (HallMember member : hall.members.values()) {
                if (member.subscriberHandle == handle) {
                    onSubscriberEvent(hall, member, event);
                    return;
                }
            }
        }
    }

    @Override
    public void onWebrtcUp(JanusLink link, long handle) {
        for (Hall hall : halls.values()) {
            if (hall.link != link) {
                continue;
            }
            for (HallMember member : hall.members.values()) {
                if (member.publisherHandle == handle && !member.live) {
                    member.live = true;
                    LOG.debug("{} publishes in hall {}", member.participant.id(), hall.roomId);
                    hall.members.values().forEach(other -> reconcile(hall, other));
                    return;
                }
            }
        }
    }

    // ---- the Janus side of a hall ----

    private Hall place(LiveRoom room) {
        String roomId = room.id();
        Map<JanusLink, Integer> loads = new LinkedHashMap<>();
        for (JanusLink link : instances.live()) {
            loads.put(link, 0);
        }
        for (Hall hall : halls.values()) {
            loads.computeIfPresent(hall.link, (link, load) -> load + hall.members.size());
        }
        JanusLink link = Placement.leastLoaded(loads).orElse(null);
        if (link == null) {
            return null;
        }
        Hall hall = new Hall(room, link, 1 + nextNumber(), secret());
        halls.put(roomId, hall);
        int publishers = room.capacity();
        link.attach(PLUGIN)
                .thenCompose(admin -> link.message(admin, VideoRoomRequests.create(hall.number, config.secret(),
                        hall.secret, publishers, config.bitrate()), null, null).thenApply(created -> admin))
                .whenCompleteAsync((admin, failure) -> {
                    if (failure != null) {
                        LOG.error("Creating the VideoRoom of hall {} on {} failed", roomId, link.uri(), failure);
                        hall.created.completeExceptionally(failure);
                    } else {
                        LOG.info("Hall {} is VideoRoom {} on {}", roomId, hall.number, link.uri());
                        hall.created.complete(admin);
                    }
                }, rooms);
        return hall;
    }

    private HallMember admit(Hall hall, Participant p) {
        HallMember member = new HallMember(p, secret(), 1 + nextNumber());
        HallMember old = hall.members.put(p.id(), member);
        if (old != null) {
            member.view = old.view;
            release(hall, old);
        }
        JanusLink link = hall.link;
        hall.created
                .thenCompose(admin -> link.message(admin,
                        VideoRoomRequests.allowed(hall.number, hall.secret, "add", member.token), null, null))
                .thenCompose(allowed -> link.attach(PLUGIN))
                .thenComposeAsync(handle -> {
                    member.publisherHandle = handle;
                    return link.message(handle, VideoRoomRequests.joinPublisher(hall.number, member.feed, p.id(),
                            member.token), null, null);
                }, rooms)
                .whenCompleteAsync((joined, failure) -> {
                    if (!current(hall, member)) {
                        return;
                    }
                    if (failure != null) {
                        LOG.error("{} could not join hall {} in Janus", p.id(), hall.roomId, failure);
                        member.joined.completeExceptionally(failure);
                        refuse(p, null, "The hall's media server refused us", failure);
                        return;
                    }
                    member.privateId = joined.data().path("private_id").asLong();
                    member.joined.complete(null);
                    reconcile(hall, member);
                }, rooms);
        return member;
    }

    private void release(Hall hall, HallMember member) {
        if (member.publisherHandle != 0) {
            hall.link.detach(member.publisherHandle);
        }
        if (member.subscriberHandle != 0) {
            hall.link.detach(member.subscriberHandle);
        }
        hall.created.thenAccept(admin -> hall.link.message(admin,
                VideoRoomRequests.allowed(hall.number, hall.secret, "remove", member.token), null, null));
    }

    private void destroy(Hall hall) {
        hall.created.thenAccept(admin -> hall.link.message(admin, VideoRoomRequests.destroy(hall.number, hall.secret),
                        null, null)
                .whenComplete((r, failure) -> {
                    hall.link.detach(admin);
                    if (failure == null) {
                        LOG.info("Hall {} emptied: VideoRoom {} destroyed", hall.roomId, hall.number);
                    }
                }));
    }

    /**
     * Brings a member's subscriber connection in line with what it should carry. One change at a
     * time: a change asked for meanwhile runs when the current one is answered.
     */
    private void reconcile(Hall hall, HallMember member) {
        if (!member.joined.isDone() || member.joined.isCompletedExceptionally()) {
            return;
        }
        if (member.subscribing || member.awaitingAnswer) {
            member.dirty = true;
            return;
        }
        Map<Long, List<PublishedStream>> live = new LinkedHashMap<>();
        Set<Long> viewed = new HashSet<>();
        for (HallMember other : hall.members.values()) {
            if (other != member && other.live && !other.streams.isEmpty()) {
                live.put(other.feed, other.streams);
                if (member.view.contains(other.participant.id())) {
                    viewed.add(other.feed);
                }
            }
        }
        SubscriptionPlan plan = SubscriptionPlan.of(live, viewed, member.subscribed);
        if (plan.empty()) {
            if (member.layerChanged) {
                member.layerChanged = false;
                switchLayer(hall, member);
            }
            return;
        }
        JanusLink link = hall.link;
        CompletableFuture<JanusReply> change;
        member.subscribing = true;
        member.dirty = false;
        if (member.subscriberHandle == 0) {
            if (plan.subscribe().isEmpty()) {
                member.subscribing = false;
                return;
            }
            change = link.attach(PLUGIN).thenComposeAsync(handle -> {
                member.subscriberHandle = handle;
                return link.message(handle, VideoRoomRequests.joinSubscriber(hall.number, member.privateId,
                        plan.subscribe(), s -> substream(hall, s, member.layer)), null, null);
            }, rooms);
        } else {
            change = link.message(member.subscriberHandle,
                    VideoRoomRequests.update(plan.subscribe(), plan.unsubscribe(), s -> substream(hall, s, member.layer)),
                    null, null);
        }
        change.whenCompleteAsync((reply, failure) -> {
            if (!current(hall, member)) {
                return;
            }
            member.subscribing = false;
            if (failure != null) {
                LOG.warn("Changing what {} receives in hall {} failed: {}", member.participant.id(), hall.roomId,
                        failure.toString());
            } else if ("updating".equals(reply.data().path("videoroom").asText())) {
                // Janus postponed it; its offer comes as an event of its own (onEvent).
                member.subscribing = true;
                return;
            } else {
                onSubscriberEvent(hall, member, reply);
            }
            if (member.dirty || member.layerChanged) {
                reconcile(hall, member);
            }
        }, rooms);
    }

    /**
     * The member's tiles changed size: every video it receives moves to its new layer, no offer.
     * Only once its subscription is settled (no change out, no offer unanswered): a layer set
     * while Janus renegotiated the subscriber was lost, and the picture stayed at the old size.
     */
    private void switchLayer(Hall hall, HallMember member) {
        if (member.subscriberHandle == 0) {
            return; // the next subscribe carries the layer
        }
        Map<String, Integer> substreams = new LinkedHashMap<>();
        for (SubscribedStream s : member.subscribed) {
            PublishedStream published = s.source() == null ? null : published(hall, s.source());
            if (published != null && published.layers() > 1) {
                substreams.put(s.mid(), published.substream(member.layer));
            }
        }
        if (!substreams.isEmpty()) {
            askLayers(hall, member, substreams, 0);
        }
    }

    /**
     * Janus moves a video down to a smaller layer only at that layer's next key frame, and asks the
     * publisher for one (a PLI) just once. libwebrtc ignores a key-frame request that comes within
     * 300 ms of the last one for the same layer, which happens as soon as two members switch
     * together: that member then kept the old layer for good (seen in HallCallTest). So the same
     * request goes again after {@link #LAYER_RETRIES}; once the layer is reached, Janus only
     * confirms it.
     */
    private void askLayers(Hall hall, HallMember member, Map<String, Integer> substreams, int attempt) {
        hall.link.message(member.subscriberHandle, VideoRoomRequests.layers(substreams), null, null)
                .exceptionally(e -> {
                    LOG.debug("Layer change for {} refused: {}", member.participant.id(), e.toString());
                    return null;
                });
        if (attempt < LAYER_RETRIES.size()) {
            int layer = member.layer;
            long handle = member.subscriberHandle;
            CompletableFuture.delayedExecutor(LAYER_RETRIES.get(attempt).toMillis(), TimeUnit.MILLISECONDS, rooms)
                    .execute(() -> {
                        if (current(hall, member) && member.layer == layer && member.subscriberHandle == handle) {
                            askLayers(hall, member, substreams, attempt + 1);
                        }
                    });
        }
    }

    /** The Janus substream of {@code s} nearest the layer a member wants (audio and single-layer: 0). */
    private static int substream(Hall hall, FeedStream s, int layer) {
        PublishedStream published = published(hall, s);
        return published == null ? 0 : published.substream(layer);
    }

    private static PublishedStream published(Hall hall, FeedStream s) {
        HallMember source = hall.memberByFeed(s.feed());
        return source == null ? null : source.streams.stream()
                .filter(p -> p.mid().equals(s.mid())).findFirst().orElse(null);
    }

    /** Janus described the subscriber connection anew; with an offer, the member must answer. */
    private void onSubscriberEvent(Hall hall, HallMember member, JanusReply event) {
        JsonNode streams = event.data().get("streams");
        if (streams != null && streams.isArray()) {
            List<SubscribedStream> subscribed = new ArrayList<>();
            for (JsonNode s : streams) {
                boolean active = s.path("active").asBoolean(true) && s.has("feed_id");
                subscribed.add(new SubscribedStream(s.path("mid").asText(),
                        active ? new FeedStream(s.path("feed_id").asLong(), s.path("feed_mid").asText()) : null));
            }
            member.subscribed = List.copyOf(subscribed);
        }
        if (event.sdp() != null) {
            member.subscribing = false;
            member.awaitingAnswer = true;
            member.participant.deliver(outbox.encode(new ServerMessage.SfuOffer(event.sdp(), describe(hall, member))));
        }
    }

    /** Whose each m-line of the member's subscriber connection is, in Carrel's words. */
    private static List<SfuStream> describe(Hall hall, HallMember member) {
        List<SfuStream> out = new ArrayList<>();
        for (SubscribedStream s : member.subscribed) {
            HallMember source = s.source() == null ? null : hall.memberByFeed(s.source().feed());
            PublishedStream published = source == null ? null : source.streams.stream()
                    .filter(p -> p.mid().equals(s.source().mid())).findFirst().orElse(null);
            out.add(published == null
                    ? new SfuStream(s.mid(), null, StreamKind.AUDIO)
                    : new SfuStream(s.mid(), source.participant.id(), published.kind()));
        }
        return out;
    }

    private void withMember(Connection c, Participant p, String requestId, MemberAction action) {
        if (!p.room().hall()) {
            outbox.error(c, requestId, ErrorCode.BAD_REQUEST, "Room '" + p.room().name() + "' is not a study hall");
            return;
        }
        Hall hall = halls.get(p.room().id());
        HallMember member = hall == null ? null : hall.members.get(p.id());
        if (member == null) {
            outbox.error(c, requestId, ErrorCode.HALL_UNAVAILABLE, "The hall's media server is not reachable");
            return;
        }
        action.run(hall, member);
    }

    private interface MemberAction {
        void run(Hall hall, HallMember member);
    }

    /** Whether a Janus answer still concerns the hall and member it was asked for. */
    private boolean current(Hall hall, HallMember member) {
        return halls.get(hall.roomId) == hall && hall.members.get(member.participant.id()) == member;
    }

    private void refuse(Participant p, String requestId, String what, Throwable failure) {
        LOG.warn("{} in hall {}: {}", what, p.room().id(), failure == null ? "no answer" : failure.toString());
        p.deliver(outbox.encode(new ServerMessage.Error(requestId, ErrorCode.HALL_UNAVAILABLE,
                what + "; try leaving and joining again")));
    }

    private void restart(Participant p, String reason) {
        p.deliver(outbox.encode(new ServerMessage.SfuRestart(reason)));
    }

    /** 128 random bits: a room secret or a member's admission token. */
    private String secret() {
        return Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    }

    private long nextNumber() {
        return Math.floorMod(random.nextLong(), MAX_NUMBER - 1);
    }

    private static JsonNode janusCandidate(IceCandidate candidate) {
        if (candidate.candidate().isEmpty()) {
            return null;
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("candidate", candidate.candidate());
        if (candidate.sdpMid() != null) {
            node.put("sdpMid", candidate.sdpMid());
        }
        if (candidate.sdpMLineIndex() != null) {
            node.put("sdpMLineIndex", candidate.sdpMLineIndex());
        }
        return node;
    }
}
