package app.carrel.client.room;

import app.carrel.client.text.Glyphs;
import app.carrel.client.text.WorldNames;
import app.carrel.protocol.MediaFlags;
import atlantafx.base.theme.PrimerLight;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Tiles of people named in every script show the name and the initials, not boxes. */
class VideoTileTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void namesAndInitialsInEveryScriptAreDrawn() throws Exception {
        for (String name : WorldNames.ALL) {
            WaitForAsyncUtils.asyncFx(() -> {
                Participant person = new Participant("p", name, false, new MediaFlags(true, false, false));
                VideoTile tile = new VideoTile(person);
                Scene scene = new Scene(tile, 480, 360);
                scene.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                scene.getStylesheets().add(VideoTile.class.getResource("room.css").toExternalForm());
                tile.applyCss();
                tile.layout();
                Glyphs.assertDrawn(tile.lookup(".tile-name"), name);
                Glyphs.assertDrawn(tile.lookup(".tile-initials"), person.initials());
                return null;
            }).get(30, TimeUnit.SECONDS);
        }
    }
}
