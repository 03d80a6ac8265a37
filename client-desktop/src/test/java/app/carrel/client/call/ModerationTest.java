package app.carrel.client.call;

import static app.carrel.client.call.CallFixture.BLUE;
import static app.carrel.client.call.CallFixture.GREEN;
import static app.carrel.client.call.CallFixture.LIMIT;
import static app.carrel.client.call.CallFixture.RED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.i18n.Texts;
import app.carrel.protocol.Room;
import app.carrel.protocol.ServerMessage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine with a room's owner among real engines (docs/protocol.md §10): the others hear a
 * rename and a request to mute with who asked, a removed one is out of the room and told by whom,
 * and deleting the room ends everyone's visit, the owner's included.
 */
@org.junit.jupiter.api.extension.ExtendWith(app.carrel.client.NoLeaksExtension.class)
class ModerationTest {

    @TempDir
    Path dir;

    @Test
    void theOwnerRenamesAsksToMuteRemovesAndDeletes() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            EventRecorder atOwner = new EventRecorder();
            EventRecorder atBen = new EventRecorder();
            EventRecorder atCleo = new EventRecorder();
            CallEngine olga = call.engine("Olga", RED, atOwner);
            CallEngine ben = call.engine("Ben", GREEN, atBen);
            CallEngine cleo = call.engine("Cleo", BLUE, atCleo);
            ServerMessage.RoomCreated created = olga.createOwnedRoom("Owned", 4, null).get(10, TimeUnit.SECONDS);
            String room = created.room().id();
            String token = created.owner();
            call.join(olga, room);
            call.join(ben, room);
            call.join(cleo, room);

            olga.updateRoom(room, token, "Renamed", null, null, null).get(10, TimeUnit.SECONDS);
            EventRecorder.Event renamed = atBen.next("room-updated", LIMIT, e -> e.kind().equals("room-updated"));
            assertEquals("Renamed", ((Room) renamed.value()).name());

            assertTrue(olga.askMute(room, token, ben.selfId()).get(10, TimeUnit.SECONDS).delivered(),
                    "our engine opts in to moderation on join");
            assertEquals("Olga", atBen.next("mute-requested", LIMIT, e -> e.kind().equals("mute-requested")).value());

            String benId = ben.selfId();
            olga.removeParticipant(room, token, benId, 10).get(10, TimeUnit.SECONDS);
            EventRecorder.Event removed = atBen.next("room-ended", LIMIT, e -> e.kind().equals("room-ended"));
            assertEquals(Texts.get("room.removedBy", "Olga"), removed.value());
            assertTrue(ben.awaitState(CallState.LOBBY, LIMIT), "out of the room, still connected");
            atCleo.next("Ben gone", LIMIT, e -> e.kind().equals("peer-left") && benId.equals(e.peerId()));

            olga.deleteRoom(room, token).get(10, TimeUnit.SECONDS);
            assertEquals(Texts.get("room.deletedByYou"),
                    atOwner.next("room-ended", LIMIT, e -> e.kind().equals("room-ended")).value());
            assertEquals(Texts.get("room.deletedBy", "Olga"),
                    atCleo.next("room-ended", LIMIT, e -> e.kind().equals("room-ended")).value());
            assertTrue(cleo.awaitState(CallState.LOBBY, LIMIT));
            assertTrue(olga.awaitState(CallState.LOBBY, LIMIT));
        }
    }
}
