package app.carrel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.carrel.server.hall.HallConfig;
import app.carrel.server.janus.LocalJanus;
import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Eventually;
import app.carrel.server.testing.JanusProbe;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.ServerFixture;
import app.carrel.server.testing.TestJanus;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** In a study hall, removal ends the person's Janus publisher and deletion ends the VideoRoom. */
@ContractTest
class HallOwnersContractTest {
    private static final String SECRET = "owners-secret";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static LocalJanus janus;

    @BeforeAll
    static void startJanus() throws Exception {
        janus = TestJanus.start("carrel-janus-owners", SECRET, "23100-23199");
    }

    @AfterAll
    static void stopJanus() throws Exception {
        TestJanus.stop(janus);
    }

    @RegisterExtension
    final ServerFixture server = new ServerFixture().maxCapacity(12)
            .halls(new HallConfig(List.of(janus.uri()), SECRET, HallConfig.DEFAULT_BITRATE));

    @Test
    void removalEndsThePublisherAndDeletionEndsTheVideoRoom() throws Exception {
        JsonNode created = server.createOwnedRoom("Hall", 12);
        String room = created.path("room").path("id").asText();
        String token = created.path("owner").asText();
        Member owner = server.join(room, "Olga", "halls", true, "moderation", true);
        Member ann = server.join(room, "Ann", "halls", true, "moderation", true);
        try (JanusProbe probe = new JanusProbe(janus.uri(), SECRET)) {
            long videoRoom = Eventually.await("the hall's VideoRoom", WAIT, () -> probe(probe::rooms),
                    rooms -> rooms.size() == 1).get(0);
            Eventually.await("both publishers in VideoRoom " + videoRoom, WAIT,
                    () -> probe(() -> probe.participants(videoRoom)), ps -> ps.size() == 2);

            owner.send("type", "remove-participant", "id", "rm", "room", room, "owner", token, "peer", ann.id());
            ann.expect("removed");
            List<String> left = Eventually.await("Ann's publisher gone", WAIT,
                    () -> probe(() -> probe.participants(videoRoom)), ps -> ps.size() == 1);
            assertEquals(List.of(owner.id()), left);

            owner.send("type", "delete-room", "id", "del", "room", room, "owner", token);
            owner.client().nextOfType("room-deleted");
            Eventually.await("the VideoRoom destroyed", WAIT, () -> probe(probe::rooms), List::isEmpty);
        }
    }

    interface Probe<T> {
        T get() throws Exception;
    }

    private static <T> T probe(Probe<T> probe) {
        try {
            return probe.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
