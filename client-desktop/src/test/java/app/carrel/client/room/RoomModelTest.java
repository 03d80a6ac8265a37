package app.carrel.client.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    private final RoomModel model = new RoomModel(engine, status, "Ada", false, true, () -> false);

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

    private List<String> names() {
        return model.participants().stream().map(Participant::name).toList();
    }

    private static JoinedRoom joined(Peer... peers) {
        return new JoinedRoom(new Room("r", "Study Hall", peers.length + 1, 8, false), "a", "Ada", List.of(peers),
                List.of(), null);
    }
}
