package app.carrel.client.call;

import static app.carrel.client.call.CallFixture.LIMIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.Await;
import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.FrameColor;
import app.carrel.client.media.VideoFormat;
import app.carrel.server.janus.JanusException;
import app.carrel.server.janus.JanusLink;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Study halls: engines in a room carried by a real Janus VideoRoom through a real server. */
class HallCallTest {

    @TempDir
    Path dir;

    @Test
    void eightInAHallEachDecodeEveryOtherAndUploadOneStream() throws Exception {
        int n = 8;
        try (JanusFixture janus = new JanusFixture(dir, 1);
             CallFixture call = new CallFixture(dir, b -> b.maxCapacity(10).halls(janus.hallConfig()), null)) {
            List<CallEngine> engines = new ArrayList<>();
            List<Integer> colours = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int rgb = Color.HSBtoRGB(i / (float) n, 0.8f, 0.9f) & 0xFFFFFF;
                colours.add(rgb);
                engines.add(call.engine("P" + i, rgb, new EventRecorder()));
            }
            String room = call.createRoom(engines.get(0), "Hall", 10);
            for (CallEngine e : engines) {
                call.join(e, room);
                assertEquals("sfu", e.transportKind());
            }
            List<String> ids = engines.stream().map(CallEngine::selfId).toList();
            for (CallEngine e : engines) {
                e.showVideoOf(ids.stream().filter(id -> !id.equals(e.selfId())).toList());
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i != j) {
                        awaitColour(engines.get(i), ids.get(j), colours.get(j));
                    }
                }
            }
            // Each uplink is one stream however many watch it (a mesh sender would send 7): over
            // one window, what each sent is compared with what one of its receivers got from it.
            List<Traffic> before = traffic(engines);
            long[][] got0 = receivedFrom(engines, ids);
            Await.until("100 kB more at P1", LIMIT.multipliedBy(2), () -> traffic(engines.get(1)).received()
                    - before.get(1).received() > 100_000, () -> "(before " + before.get(1) + ", now "
                    + traffic(engines.get(1)) + ")");
            List<Traffic> after = traffic(engines);
            long[][] got1 = receivedFrom(engines, ids);
            for (int j = 0; j < n; j++) {
                long fromJ = 0;
                for (int i = 0; i < n; i++) {
                    fromJ += got1[i][j] - got0[i][j];
                }
                double perStream = fromJ / (double) (n - 1);
                long sent = after.get(j).sent() - before.get(j).sent();
                assertTrue(sent > 0 && sent <= 1.5 * perStream,
                        "P" + j + " sent " + sent + " B; each of its receivers got " + (long) perStream + " B of it");
            }
        }
    }

    @Test
    void leaveRejoinCameraOffOnAndScreenShareInAHall() throws Exception {
        try (JanusFixture janus = new JanusFixture(dir, 1);
             CallFixture call = new CallFixture(dir, b -> b.maxCapacity(6).halls(janus.hallConfig()), null)) {
            CallEngine ann = call.engine("Ann", CallFixture.RED, new EventRecorder(), ANY_AUDIO,
                    b -> b.screen(() -> new RecordingCamera(CallFixture.SMALL, SCREEN, "screen")));
            CallEngine bob = call.engine("Bob", CallFixture.GREEN, new EventRecorder());
            CallEngine cy = call.engine("Cy", CallFixture.BLUE, new EventRecorder());
            String room = call.joinedTogether("Hall", 6, ann, bob, cy);
            List<CallEngine> all = List.of(ann, bob, cy);
            all.forEach(e -> showEveryone(e, all));
            awaitColour(ann, bob.selfId(), CallFixture.GREEN);
            awaitColour(ann, cy.selfId(), CallFixture.BLUE);
            awaitColour(cy, ann.selfId(), CallFixture.RED);

            // Cy leaves: gone from Ann's view, and Bob's video keeps coming.
            String cyId = cy.selfId();
            cy.leave().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            Await.until("Cy gone at Ann", LIMIT, () -> ann.peers().stream().noneMatch(p -> p.id().equals(cyId)));
            assertEquals(0, ann.videoReception(cyId, VideoKind.CAMERA).frames());
            awaitMoreFrames(ann, bob.selfId(), VideoKind.CAMERA);

            // ... and comes back as a new participant, seen again.
            call.join(cy, room);
            all.forEach(e -> showEveryone(e, all));
            awaitColour(ann, cy.selfId(), CallFixture.BLUE);
            awaitColour(cy, bob.selfId(), CallFixture.GREEN);

            // Bob's camera off: his frames stop at Ann; on again: they come back.
            bob.setCamera(false).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            Await.until("Bob's camera off at Ann", LIMIT,
                    () -> ann.peers().stream().anyMatch(p -> p.id().equals(bob.selfId()) && !p.video()));
            long stopped = ann.videoReception(bob.selfId(), VideoKind.CAMERA).frames();
            bob.setCamera(true).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            Await.until("Bob's camera back at Ann", LIMIT,
                    () -> ann.videoReception(bob.selfId(), VideoKind.CAMERA).frames() > stopped + 10);

            // Ann shares her screen: Bob and Cy receive it as a screen, beside her camera.
            ann.startScreenShare().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            for (CallEngine viewer : List.of(bob, cy)) {
                Await.until("Ann's screen at " + viewer.selfId(), LIMIT, () -> {
                    VideoReception screen = viewer.videoReception(ann.selfId(), VideoKind.SCREEN);
                    return screen.frames() > 5 && FrameColor.distance(screen.avgRgb(), SCREEN) < 80;
                }, () -> viewer.videoReception(ann.selfId(), VideoKind.SCREEN).toString());
                awaitMoreFrames(viewer, ann.selfId(), VideoKind.CAMERA);
            }
            ann.stopScreenShare().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            awaitMoreFrames(bob, ann.selfId(), VideoKind.CAMERA);
        }
    }

    /** Only the video on screen is sent: Bob shows Ann, not Cy, then Cy, not Ann; audio stays. */
    @Test
    void aHallSendsOnlyTheVideoOnScreen() throws Exception {
        try (JanusFixture janus = new JanusFixture(dir, 1);
             CallFixture call = new CallFixture(dir, b -> b.maxCapacity(6).halls(janus.hallConfig()), null)) {
            CallEngine ann = call.engine("Ann", CallFixture.RED, new EventRecorder());
            CallEngine bob = call.engine("Bob", CallFixture.GREEN, new EventRecorder());
            CallEngine cy = call.engine("Cy", CallFixture.BLUE, new EventRecorder());
            call.joinedTogether("Pages", 6, ann, bob, cy);
            bob.showVideoOf(List.of(ann.selfId()));
            awaitColour(bob, ann.selfId(), CallFixture.RED);
            // Cy's video has had as long as Ann's to arrive, and Ann's keeps coming: none of Cy's.
            awaitMoreFrames(bob, ann.selfId(), VideoKind.CAMERA);
            assertEquals(0, bob.videoReception(cy.selfId(), VideoKind.CAMERA).frames(), "Cy is off Bob's page");

            bob.showVideoOf(List.of(cy.selfId()));
            awaitColour(bob, cy.selfId(), CallFixture.BLUE);
            long annFrames = bob.videoReception(ann.selfId(), VideoKind.CAMERA).frames();
            awaitMoreFrames(bob, cy.selfId(), VideoKind.CAMERA);
            awaitMoreFrames(bob, cy.selfId(), VideoKind.CAMERA);
            assertTrue(bob.videoReception(ann.selfId(), VideoKind.CAMERA).frames() <= annFrames + 2,
                    "Ann's video stopped once she left Bob's page");
        }
    }

    /**
     * Simulcast: Ann's 640x480 camera publishes a half and a full layer; Bob, who shows only her,
     * gets the full picture, Cy, who shows a page of two, the half one; when Bob's page grows to
     * two, his copy of Ann drops to the half layer without a new connection.
     */
    @Test
    void aLoneTileGetsTheFullLayerAPageOfTilesTheHalfOneAndTheStageTheFullOne() throws Exception {
        try (JanusFixture janus = new JanusFixture(dir, 1);
             CallFixture call = new CallFixture(dir, b -> b.maxCapacity(6).halls(janus.hallConfig()), null)) {
            CallEngine ann = call.engine("Ann", CallFixture.RED, new EventRecorder(),
                    new AudioBackend(AudioBackend.Kind.HEADLESS, "test"), config -> config.format(new VideoFormat(640, 480, 15)));
            CallEngine bob = call.engine("Bob", CallFixture.GREEN, new EventRecorder());
            CallEngine cy = call.engine("Cy", CallFixture.BLUE, new EventRecorder());
            call.joinedTogether("Layers", 6, ann, bob, cy);
            bob.showVideoOf(List.of(ann.selfId()));
            cy.showVideoOf(List.of(ann.selfId(), bob.selfId()));
            awaitWidth(bob, ann.selfId(), 640);
            awaitWidth(cy, ann.selfId(), 320);
            awaitColour(bob, ann.selfId(), CallFixture.RED);

            bob.showVideoOf(List.of(ann.selfId(), cy.selfId()));
            awaitWidth(bob, ann.selfId(), 320);

            // Ann pinned (or sharing her screen): her tile is the stage and comes in full again,
            // while the page stays as it is; unpinned, back to the page's layer.
            bob.showLargeVideoOf(ann.selfId());
            awaitWidth(bob, ann.selfId(), 640);
            bob.showLargeVideoOf(null);
            awaitWidth(bob, ann.selfId(), 320);
        }
    }

    @Test
    void hallsSpreadOverTwoJanusAndMoveWhenOneDies() throws Exception {
        try (JanusFixture janus = new JanusFixture(dir, 2);
             CallFixture call = new CallFixture(dir, b -> b.maxCapacity(6).halls(janus.hallConfig()), null)) {
            EventRecorder annEvents = new EventRecorder();
            CallEngine ann = call.engine("Ann", CallFixture.RED, annEvents);
            CallEngine bob = call.engine("Bob", CallFixture.GREEN, new EventRecorder());
            CallEngine cy = call.engine("Cy", CallFixture.BLUE, new EventRecorder());
            CallEngine dee = call.engine("Dee", 0xE0E020, new EventRecorder());
            call.joinedTogether("One", 6, ann, bob);
            call.joinedTogether("Two", 6, cy, dee);
            for (List<CallEngine> pair : List.of(List.of(ann, bob), List.of(cy, dee))) {
                pair.forEach(e -> showEveryone(e, pair));
            }
            awaitColour(ann, bob.selfId(), CallFixture.GREEN);
            awaitColour(cy, dee.selfId(), 0xE0E020);

            // Spread by load: each instance carries one hall.
            List<Long> first;
            List<Long> second;
            try (JanusPeek a = new JanusPeek(janus.get(0).uri(), JanusFixture.SECRET);
                 JanusPeek b = new JanusPeek(janus.get(1).uri(), JanusFixture.SECRET)) {
                first = a.rooms(JanusFixture.SECRET);
                second = b.rooms(JanusFixture.SECRET);
            }
            assertEquals(1, first.size(), "halls on the first Janus: " + first);
            assertEquals(1, second.size(), "halls on the second Janus: " + second);

            // Kill the instance carrying Ann's hall (the first placed goes to the first instance).
            long before = ann.videoReception(bob.selfId(), VideoKind.CAMERA).frames();
            long killedAt = System.nanoTime();
            janus.get(0).kill();
            Await.until("Bob's video back at Ann on the other Janus", LIMIT,
                    () -> ann.videoReception(bob.selfId(), VideoKind.CAMERA).frames() > before + 10);
            long backMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
            System.out.println("HallCallTest: video back " + backMs + " ms after the Janus was killed");
            awaitMoreFrames(bob, ann.selfId(), VideoKind.CAMERA);
            awaitMoreFrames(cy, dee.selfId(), VideoKind.CAMERA);
            // Presence never noticed: nobody left, and chat still goes through.
            List<EventRecorder.Event> seen = annEvents.drain();
            assertTrue(seen.stream().noneMatch(e -> e.kind().equals("peer-left")), "no one left: " + seen);
            bob.sendChat("still here").get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            try (JanusPeek b = new JanusPeek(janus.get(1).uri(), JanusFixture.SECRET)) {
                assertEquals(2, b.rooms(JanusFixture.SECRET).size(), "both halls on the surviving Janus");
            }
        }
    }

    @Test
    void aStrangerWithTheJanusAddressGetsNothing() throws Exception {
        try (JanusFixture janus = new JanusFixture(dir, 1);
             CallFixture call = new CallFixture(dir, b -> b.maxCapacity(6).halls(janus.hallConfig()), null)) {
            CallEngine ann = call.engine("Ann", CallFixture.RED, new EventRecorder());
            CallEngine bob = call.engine("Bob", CallFixture.GREEN, new EventRecorder());
            call.joinedTogether("Private", 6, ann, bob);
            List.of(ann, bob).forEach(e -> showEveryone(e, List.of(ann, bob)));
            awaitColour(bob, ann.selfId(), CallFixture.RED);

            // Without the API secret Janus does not even open a session.
            ExecutionException noSession = assertThrows(ExecutionException.class,
                    () -> JanusLink.open(janus.get(0).uri(), null, null).get(10, TimeUnit.SECONDS));
            assertEquals(403, ((JanusException) noSession.getCause()).code());

            // Even with it (a leaked secret) and the room's number and feeds guessed right, a
            // publisher needs a token the server handed out, and a subscriber a publisher's private id.
            try (JanusPeek stranger = new JanusPeek(janus.get(0).uri(), JanusFixture.SECRET)) {
                long room = stranger.rooms(JanusFixture.SECRET).get(0);
                List<Long> feeds = stranger.feeds(room);
                assertEquals(2, feeds.size(), "Ann and Bob publish: " + feeds);
                ObjectNode publish = JanusPeek.body("join").put("ptype", "publisher").put("room", room)
                        .put("display", "stranger").put("token", "guessed");
                assertEquals(433, refusal(stranger, publish), "a publisher without a token");
                ObjectNode subscribe = JanusPeek.body("join").put("ptype", "subscriber").put("room", room);
                subscribe.putArray("streams").addObject().put("feed", feeds.get(0));
                assertEquals(433, refusal(stranger, subscribe), "a subscriber without a private id");
            }
        }
    }

    private static int refusal(JanusPeek peek, ObjectNode body) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> peek.link.message(peek.handle, body, null, null).get(10, TimeUnit.SECONDS));
        return ((JanusException) e.getCause()).code();
    }

    private static final int SCREEN = 0xF0A000;
    private static final AudioBackend ANY_AUDIO = new AudioBackend(AudioBackend.Kind.HEADLESS, "test");

    private static void showEveryone(CallEngine viewer, List<CallEngine> all) {
        viewer.showVideoOf(all.stream().filter(e -> e != viewer).map(CallEngine::selfId).toList());
    }

    private static void awaitMoreFrames(CallEngine at, String from, VideoKind kind) {
        long now = at.videoReception(from, kind).frames();
        Await.until("more " + kind + " frames from " + from, LIMIT,
                () -> at.videoReception(from, kind).frames() > now + 10);
    }

    /** [i][j]: the bytes engine i has received from engine j so far (0 for itself). */
    private static long[][] receivedFrom(List<CallEngine> engines, List<String> ids) throws Exception {
        long[][] got = new long[engines.size()][engines.size()];
        for (int i = 0; i < engines.size(); i++) {
            for (int j = 0; j < engines.size(); j++) {
                if (i != j) {
                    got[i][j] = engines.get(i).stats(ids.get(j)).get(LIMIT.toSeconds(), TimeUnit.SECONDS).bytesReceived();
                }
            }
        }
        return got;
    }

    private static List<Traffic> traffic(List<CallEngine> engines) {
        return engines.stream().map(HallCallTest::traffic).toList();
    }

    private static Traffic traffic(CallEngine engine) {
        try {
            return engine.traffic().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("No traffic figures", e);
        }
    }

    private static void awaitWidth(CallEngine at, String from, int width) {
        Await.until(at.selfId() + " decoding " + from + " " + width + " wide", LIMIT,
                () -> at.videoReception(from, VideoKind.CAMERA).width() == width,
                () -> "(have " + at.videoReception(from, VideoKind.CAMERA) + ")");
    }

    private static void awaitColour(CallEngine at, String from, int rgb) {
        Await.until("#" + FrameColor.hex(rgb) + " from " + from + " at " + at.selfId(), LIMIT, () -> {
            VideoReception seen = at.videoReception(from, VideoKind.CAMERA);
            return seen.frames() > 0 && FrameColor.distance(seen.avgRgb(), rgb) < 80;
        }, () -> "(have " + at.videoReception(from, VideoKind.CAMERA) + ")");
    }
}
