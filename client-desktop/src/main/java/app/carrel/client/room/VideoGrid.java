package app.carrel.client.room;

import java.util.HashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Lays out one tile per participant (1–8) in the column count that gives the biggest 4:3
 * tiles for the space, centred. Tiles are made once per participant and kept while they stay.
 */
public final class VideoGrid extends Pane {

    private static final double GAP = 8;
    // Cameras (and the synthetic one) send 4:3 by default; wider video is letterboxed.
    private static final double ASPECT = 4.0 / 3.0;

    private final Map<Participant, VideoTile> tiles = new HashMap<>();

    public VideoGrid(ObservableList<Participant> participants) {
        setId("video-grid");
        sync(participants);
        participants.addListener((ListChangeListener<Participant>) c -> sync(participants));
    }

    private void sync(ObservableList<Participant> participants) {
        tiles.keySet().retainAll(participants);
        getChildren().setAll(participants.stream().map(p -> tiles.computeIfAbsent(p, VideoTile::new)).toList());
    }

    @Override
    protected void layoutChildren() {
        int n = getChildren().size();
        if (n == 0) {
            return;
        }
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double bestW = 0;
        int bestCols = 1;
        for (int cols = 1; cols <= n; cols++) {
            int rows = (n + cols - 1) / cols;
            double tileW = Math.min((w - GAP * (cols - 1)) / cols, ((h - GAP * (rows - 1)) / rows) * ASPECT);
            if (tileW > bestW) {
                bestW = tileW;
                bestCols = cols;
            }
        }
        double tileW = Math.max(0, Math.floor(bestW));
        double tileH = Math.floor(tileW / ASPECT);
        int rows = (n + bestCols - 1) / bestCols;
        double top = snappedTopInset() + (h - rows * tileH - (rows - 1) * GAP) / 2;
        for (int i = 0; i < n; i++) {
            int row = i / bestCols;
            int inRow = Math.min(bestCols, n - row * bestCols);
            double left = snappedLeftInset() + (w - inRow * tileW - (inRow - 1) * GAP) / 2;
            Node tile = getChildren().get(i);
            tile.resizeRelocate(left + (i % bestCols) * (tileW + GAP), top + row * (tileH + GAP), tileW, tileH);
        }
    }
}
