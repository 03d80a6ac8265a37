package app.carrel.server.hall;

import app.carrel.protocol.StreamKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a hall member's subscriber connection should carry, and the change from what it carries:
 * audio from every live publisher, video (camera and screen) only from those the member views.
 * Streams whose publisher is gone are left to Janus, which drops them itself. Pure.
 */
record SubscriptionPlan(List<FeedStream> subscribe, List<FeedStream> unsubscribe) {

    /**
     * @param live     every other member whose publisher is up: feed id to what it publishes
     * @param viewed   the feed ids whose video the member views
     * @param current  what the subscriber connection carries now
     */
    static SubscriptionPlan of(Map<Long, List<PublishedStream>> live, Set<Long> viewed,
                               List<SubscribedStream> current) {
        Set<FeedStream> wanted = new LinkedHashSet<>();
        live.forEach((feed, streams) -> {
            for (PublishedStream s : streams) {
                if (s.kind() == StreamKind.AUDIO || viewed.contains(feed)) {
                    wanted.add(new FeedStream(feed, s.mid()));
                }
            }
        });
        Set<FeedStream> have = new LinkedHashSet<>();
        for (SubscribedStream s : current) {
            if (s.source() != null) {
                have.add(s.source());
            }
        }
        List<FeedStream> subscribe = new ArrayList<>();
        for (FeedStream s : wanted) {
            if (!have.contains(s)) {
                subscribe.add(s);
            }
        }
        List<FeedStream> unsubscribe = new ArrayList<>();
        for (FeedStream s : have) {
            if (!wanted.contains(s) && live.containsKey(s.feed())) {
                unsubscribe.add(s);
            }
        }
        return new SubscriptionPlan(List.copyOf(subscribe), List.copyOf(unsubscribe));
    }

    boolean empty() {
        return subscribe.isEmpty() && unsubscribe.isEmpty();
    }
}
