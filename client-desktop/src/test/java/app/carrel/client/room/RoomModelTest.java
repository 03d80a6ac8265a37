package app.carrel.client.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import app.carrel.client.call.CallConfig;
import app.carrel.client.call.CallEngine;
import app.carrel.client.call.CallState;
import app.carrel.client.call.JoinedRoom;
import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.MediaFactory;
import app.carrel.client.status.StatusModel;
import app.carrel.protocol.MediaFlags;
import app.carrel.protocol.Peer;
import app.carrel.protocol.Room;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The room's view-model, fed engine events as the FX listener delivers them. The engine is real
 * but never connects: only the model's own decisions are under test here.
 */
class RoomModelTest {

    private static final Peer BEA = new Peer("b", "Bea", true, true, false);
    private static final Peer CY = new Peer("c", "Cy", true, true, false);

    private final CallEngine engine = new CallEngine(CallConfig.builder(URI.create("ws://127.0.0.1:9/signal"), "Ada").build(),
            MediaFactory.create(new AudioBackend(AudioBackend.Kind.HEADLESS, "test")));
    private final StatusModel status = new StatusModel();
    /** Every set of ids the model gave the engine's showVideoOf, in order. */
    private final List<Set<String>> shownVideo = new ArrayList<>();
    private final RoomModel model = new RoomModel(engine, status, "Ada", false, true, () -> false,
            ids -> shownVideo.add(Set.copyOf(ids)));

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void theParticipantsViewStillReportsLeavesAfterAGarbageCollection() {
        model.onJoined(joined(BEA, CY));
        List<String> removed = new ArrayList<>();
        // A listener on the view only, as the video grid has: nothing else holds the view.
        model.participants().addListener((ListChangeListener<Participant>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(p -> removed.add(p.name()));
            }
        });
        System.gc();
        System.gc();
        model.onPeerLeft("c");
        assertEquals(List.of("Cy"), removed);
        assertEquals(List.of("Ada", "Bea"), names());
    }

    @Test
    void aSharedScreenTakesTheStageAndGivesItBackWhenTheShareEnds() {
        model.onJoined(joined(BEA, CY));
        model.onMediaState("b", new MediaFlags(true, true, true));
        assertEquals("Bea", model.stagedProperty().get().name());
        model.onMediaState("b", new MediaFlags(true, true, false));
        assertNull(model.stagedProperty().get());
    }

    @Test
    void aPinOutlastsAShareAndAStagedLeaverLeavesTheStage() {
        model.onJoined(joined(BEA, CY));
        Participant cy = model.participants().get(2);
        model.togglePin(cy);
        model.onMediaState("b", new MediaFlags(true, true, true));
        assertSame(cy, model.stagedProperty().get(), "Bea's share does not take a pinned stage");
        model.onPeerLeft("c");
        assertNull(model.stagedProperty().get());
    }

    @Test
    void someoneAlreadySharingWhenWeJoinHasTheStage() {
        model.onJoined(joined(BEA, new Peer("c", "Cy", true, true, true)));
        assertEquals("Cy", model.stagedProperty().get().name());
    }

    @Test
    void aRefusedRejoinSendsUsBackWithTheReasonAndTheEngineNoLongerSpeaksForTheStatus() {
        List<String> reasons = new ArrayList<>();
        model.onLeftAction(reasons::add);
        status.connected("ws://lobby");
        model.onRoomEnded("The room no longer exists.");
        model.onState(CallState.CLOSED);
        assertEquals(List.of("The room no longer exists."), reasons);
        assertEquals(StatusModel.Kind.CONNECTED, status.kindProperty().get());
    }

    @Test
    void theEngineIsToldWhoseVideoIsOnThePageAsPagesTurn() {
        model.onJoined(joined(hall(49)));
        model.pages().resized(new PageCapacity(9, 4));
        assertEquals(Set.of("p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"), lastShown(), "page 1: us and eight others");
        assertEquals(9, model.pages().shown().size());
        model.pages().next();
        assertEquals(ids(9, 17), lastShown());
        assertEquals(ids(9, 17), Set.copyOf(tileIds()));
        int asked = shownVideo.size();
        model.pages().resized(new PageCapacity(9, 4));
        assertEquals(asked, shownVideo.size(), "the same set is not sent again");
    }

    @Test
    void aSpeakerOnAnotherPageComesOntoThisOneWithABorderAndTheirVideo() {
        model.onJoined(joined(hall(49)));
        model.pages().resized(new PageCapacity(9, 4));
        model.onAudioLevel("p40", 0.3);
        assertTrue(lastShown().contains("p40"), lastShown().toString());
        assertEquals(8, lastShown().size());
        Participant p40 = model.pages().shown().get(8);
        assertEquals("p40", p40.id());
        assertTrue(p40.speakerProperty().get());
        model.onAudioLevel("p41", 0.0);
        model.onAudioLevel("p40", 0.0);
        assertTrue(model.pages().shown().contains(p40), "the speaker stays through a pause");
        model.onAudioLevel("p33", 0.2);
        assertFalse(p40.speakerProperty().get());
        assertTrue(lastShown().contains("p33"), lastShown().toString());
    }

    @Test
    void aMutedPeerIsNeverTheSpeaker() {
        model.onJoined(joined(hall(20)));
        model.pages().resized(new PageCapacity(9, 4));
        model.onMediaState("p15", new MediaFlags(false, true, false));
        model.onAudioLevel("p15", 0.5);
        assertFalse(lastShown().contains("p15"));
    }

    @Test
    void aSharedScreenIsOnEveryPageAndItsVideoAlwaysAsked() {
        model.onJoined(joined(hall(49)));
        model.pages().resized(new PageCapacity(9, 4));
        model.onMediaState("p30", new MediaFlags(true, true, true));
        assertEquals("p30", model.pages().shown().get(0).id());
        assertEquals(5, model.pages().shown().size(), "the stage and a strip of four");
        model.pages().next();
        assertEquals("p30", model.pages().shown().get(0).id());
        assertTrue(lastShown().contains("p30"));
        assertEquals(5, lastShown().size(), lastShown().toString());
    }

    @Test
    void leaversLeaveThePageAndTheEngineHearsTheNewSet() {
        model.onJoined(joined(hall(10)));
        model.pages().resized(new PageCapacity(9, 4));
        model.pages().next();
        assertEquals(Set.of("p9", "p10"), lastShown());
        model.onPeerLeft("p10");
        model.onPeerLeft("p9");
        assertEquals(1, model.pages().pageProperty().get().count());
        assertEquals(ids(1, 8), lastShown());
    }

    private Set<String> lastShown() {
        return shownVideo.get(shownVideo.size() - 1);
    }

    private List<String> tileIds() {
        return model.pages().shown().stream().map(Participant::id).toList();
    }

    private static Set<String> ids(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "p" + i).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aQuietRoomTurnsOurMicrophoneOffAndEveryWayOfTurningItOnSaysWhyInstead() {
        RoomModel talking = new RoomModel(engine, status, "Ada", true, true, () -> false, ids -> { });
        assertTrue(talking.controls().microphoneOnProperty().get());
        talking.onJoined(new JoinedRoom(new Room("q", "Reading room", 2, 30, false, true, true, null, null, null, List.of()),
                "a", "Ada", List.of(BEA), List.of(), null));
        assertTrue(talking.quietProperty().get());
        assertFalse(talking.controls().microphoneOnProperty().get(), "off as soon as we know the room is quiet");
        assertFalse(talking.self().mediaProperty().get().audio(), "and our own tile says so");
        talking.dismissNotice();
        talking.controls().toggleMicrophone();
        assertFalse(talking.controls().microphoneOnProperty().get());
        assertEquals(app.carrel.client.i18n.Texts.get("room.quietNotice"), talking.noticeProperty().get());
        talking.dismissNotice();
        talking.controls().pushToTalk(true);
        assertFalse(talking.controls().microphoneOnProperty().get(), "Space does not open it either");
        assertFalse(talking.controls().pushToTalkProperty().get());
        assertEquals(app.carrel.client.i18n.Texts.get("room.quietNotice"), talking.noticeProperty().get());
        talking.release();
    }

    @Test
    void theRoomsStudyMessagesReachTheRightPersonOurselvesIncluded() {
        model.onJoined(joined(BEA, CY));
        model.onGoal("b", "Read chapter 5");
        model.onPresence("a", app.carrel.protocol.Presence.AWAY);
        model.onCheckedIn("c", app.carrel.protocol.CheckInResult.PARTLY);
        model.onGoal("nobody", "ignored");
        Participant bea = model.participants().stream().filter(p -> p.id().equals("b")).findFirst().orElseThrow();
        Participant cy = model.participants().stream().filter(p -> p.id().equals("c")).findFirst().orElseThrow();
        assertEquals("Read chapter 5", bea.goalProperty().get());
        assertEquals("", cy.goalProperty().get());
        assertEquals(app.carrel.protocol.Presence.AWAY, model.self().presenceProperty().get(), "the server names us by id");
        assertEquals(app.carrel.protocol.CheckInResult.PARTLY, cy.checkInProperty().get());
        model.onGoal("b", null);
        assertEquals("", bea.goalProperty().get(), "a cleared goal is null on the wire");
    }

    @Test
    void aCheckInKeptPrivateReachesTheListenersWithItsNoteAndNothingGoesToTheRoom() throws Exception {
        // The timer's ticker is an FX animation: this one runs on the FX thread.
        org.testfx.api.FxToolkit.registerPrimaryStage();
        org.testfx.util.WaitForAsyncUtils.asyncFx(this::checkInKeptPrivate).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    private void checkInKeptPrivate() {
        model.onJoined(joined(BEA));
        List<CheckIn> heard = new ArrayList<>();
        List<Boolean> shareRemembered = new ArrayList<>();
        model.onCheckIn(heard::add);
        model.study().remember(new StudyRoom.Memory() {
            @Override
            public void rememberShareCheckIns(boolean share) {
                shareRemembered.add(share);
            }
        });
        model.timer().update(new app.carrel.protocol.ServerMessage.Timer(null, app.carrel.protocol.TimerPhase.FOCUS,
                true, 1500, System.currentTimeMillis() + 1000, 1, "b", "Bea", 0));
        assertFalse(model.study().checkInDueProperty().get());
        model.timer().update(new app.carrel.protocol.ServerMessage.Timer(null, app.carrel.protocol.TimerPhase.FOCUS,
                false, 1500, null, 0, "b", "Bea", 1));
        assertTrue(model.study().checkInDueProperty().get(), "due when the focus ran out");
        model.study().checkIn(app.carrel.protocol.CheckInResult.NOT_YET, "  stuck on proof 3 ", false);
        assertFalse(model.study().checkInDueProperty().get());
        assertEquals(1, heard.size());
        CheckIn answer = heard.get(0);
        assertEquals(app.carrel.protocol.CheckInResult.NOT_YET, answer.result());
        assertEquals("stuck on proof 3", answer.note());
        assertFalse(answer.shared());
        assertEquals("r", answer.roomId());
        assertEquals("Study Hall", answer.roomName());
        assertNull(model.self().checkInProperty().get(), "not shared: no mark on our tile");
        assertEquals(List.of(false), shareRemembered);
        model.timer().stop();
    }

    /** {@code n} others, p1 … pn, in the order they arrived. */
    private static Peer[] hall(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new Peer("p" + i, "Person " + i, true, true, false)).toArray(Peer[]::new);
    }

    private List<String> names() {
        return model.participants().stream().map(Participant::name).toList();
    }

    private static JoinedRoom joined(Peer... peers) {
        return new JoinedRoom(new Room("r", "Study Hall", peers.length + 1, 8, false), "a", "Ada", List.of(peers),
                List.of(), null);
    }
}
