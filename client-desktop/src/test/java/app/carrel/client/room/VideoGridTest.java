package app.carrel.client.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.protocol.MediaFlags;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The grid gives 1–8 people equal 4:3 tiles that fit the space and never overlap. */
class VideoGridTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void oneToEightTilesFitWithoutOverlapAndShrinkAsPeopleJoin() throws Exception {
        double previousWidth = Double.MAX_VALUE;
        for (int n = 1; n <= 8; n++) {
            List<Bounds> tiles = layout(n, 1000, 700);
            assertEquals(n, tiles.size());
            double w = tiles.get(0).getWidth();
            assertTrue(w <= previousWidth, n + " tiles are not smaller than " + (n - 1));
            previousWidth = w;
            for (int i = 0; i < n; i++) {
                Bounds a = tiles.get(i);
                assertEquals(w, a.getWidth(), 0.5, "equal tiles");
                assertEquals(4.0 / 3.0, a.getWidth() / a.getHeight(), 0.02, "4:3 tiles");
                assertTrue(a.getMinX() >= 0 && a.getMinY() >= 0 && a.getMaxX() <= 1000 && a.getMaxY() <= 700,
                        n + " tiles: tile " + i + " leaves the grid: " + a);
                for (int j = i + 1; j < n; j++) {
                    Bounds b = tiles.get(j);
                    boolean apart = a.getMaxX() <= b.getMinX() || b.getMaxX() <= a.getMinX()
                            || a.getMaxY() <= b.getMinY() || b.getMaxY() <= a.getMinY();
                    assertTrue(apart, n + " tiles: " + i + " and " + j + " overlap");
                }
            }
        }
    }

    private static List<Bounds> layout(int n, double width, double height) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            ObservableList<Participant> people = FXCollections.observableArrayList();
            for (int i = 0; i < n; i++) {
                people.add(new Participant("p" + i, "Person " + i, i == 0, new MediaFlags(true, true, false)));
            }
            VideoGrid grid = new VideoGrid(people);
            grid.resize(width, height);
            grid.layout();
            return grid.getChildren().stream().map(Node::getBoundsInParent).toList();
        }).get(10, TimeUnit.SECONDS);
    }
}
