package app.carrel.server.hall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.protocol.StreamKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure decisions of a hall: what a publisher sends, what a member receives, where a hall goes. */
class HallPlanTest {

    private static final String OFFER = String.join("\r\n", "v=0", "m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=mid:0",
            "a=sendrecv", "m=video 9 UDP/TLS/RTP/SAVPF 96", "a=mid:1", "a=sendonly", "a=rid:0 send", "a=rid:1 send",
            "a=simulcast:send 0;1", "m=video 9 UDP/TLS/RTP/SAVPF 96", "a=mid:2", "a=sendonly",
            "m=video 0 UDP/TLS/RTP/SAVPF 96", "a=mid:3", "a=inactive", "m=application 9 UDP/DTLS/SCTP", "a=mid:4", "");

    @Test
    void anOfferSaysWhatIsPublishedInWhichLayers() {
        assertEquals(List.of(new PublishedStream("0", StreamKind.AUDIO, 1), new PublishedStream("1", StreamKind.CAMERA, 2),
                new PublishedStream("2", StreamKind.SCREEN, 1)), PublishedStreams.of(OFFER, "2"));
    }

    @Test
    void layersAreCountedFromTheTop() {
        PublishedStream two = new PublishedStream("1", StreamKind.CAMERA, 2);
        assertEquals(1, two.substream(2));
        assertEquals(0, two.substream(1));
        assertEquals(0, two.substream(0));
        PublishedStream three = new PublishedStream("1", StreamKind.CAMERA, 3);
        assertEquals(1, three.substream(1));
        assertEquals(0, new PublishedStream("0", StreamKind.AUDIO).substream(2));
    }

    @Test
    void audioFromEveryoneVideoOnlyFromTheViewedAndGoneFeedsAreLeftToJanus() {
        Map<Long, List<PublishedStream>> live = new LinkedHashMap<>();
        live.put(1L, List.of(new PublishedStream("0", StreamKind.AUDIO), new PublishedStream("1", StreamKind.CAMERA)));
        live.put(2L, List.of(new PublishedStream("0", StreamKind.AUDIO), new PublishedStream("1", StreamKind.CAMERA)));
        SubscriptionPlan first = SubscriptionPlan.of(live, Set.of(1L), List.of());
        assertEquals(List.of(new FeedStream(1, "0"), new FeedStream(1, "1"), new FeedStream(2, "0")), first.subscribe());
        assertTrue(first.unsubscribe().isEmpty());

        // Now viewing 2 instead of 1; feed 3, which left, is Janus's to drop, not ours.
        List<SubscribedStream> current = List.of(new SubscribedStream("0", new FeedStream(1, "0")),
                new SubscribedStream("1", new FeedStream(1, "1")), new SubscribedStream("2", new FeedStream(2, "0")),
                new SubscribedStream("3", new FeedStream(3, "1")), new SubscribedStream("4", null));
        SubscriptionPlan next = SubscriptionPlan.of(live, Set.of(2L), current);
        assertEquals(List.of(new FeedStream(2, "1")), next.subscribe());
        assertEquals(List.of(new FeedStream(1, "1")), next.unsubscribe());
        assertTrue(SubscriptionPlan.of(live, Set.of(1L), current.subList(0, 3)).empty());
    }

    @Test
    void aHallGoesToTheLeastLoadedInstanceTheFirstOnATie() {
        Map<String, Integer> loads = new LinkedHashMap<>();
        loads.put("a", 3);
        loads.put("b", 1);
        loads.put("c", 1);
        assertEquals(Optional.of("b"), Placement.leastLoaded(loads));
        assertEquals(Optional.empty(), Placement.leastLoaded(Map.of()));
    }
}
