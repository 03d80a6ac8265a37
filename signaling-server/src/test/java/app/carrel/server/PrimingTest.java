package app.carrel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.rooms.RoomSizes;
import app.carrel.server.storage.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up warm-up runs the whole script, and leaves nothing of it in the server. */
class PrimingTest {

    @Test
    void everyOfferAnswerAndCandidateOfTheScriptReachesItsReceiver() {
        int all = Priming.PAIRS * (2 + 2 * Priming.CANDIDATES);
        assertEquals(all, Priming.run(new RoomSizes(8, 4, false)));
        assertEquals(all, Priming.run(new RoomSizes(2, 2, false)), "on the smallest rooms a server allows, too");
    }

    @Test
    void aServerThatPrimedItselfHasNoRoomsOfItInItsDatabase(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("carrel.db");
        CarrelServer.start(ServerConfig.builder().bind("127.0.0.1").port(0).database(db).build()).close();
        assertTrue(Files.exists(db));
        try (Storage storage = Storage.open(db)) {
            assertEquals(0, storage.snapshot().rooms().size());
        }
    }
}
