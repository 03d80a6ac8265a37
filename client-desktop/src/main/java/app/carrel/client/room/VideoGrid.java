package app.carrel.client.room;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.ContextMenu;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Lays out one tile per participant of the page (up to 4×4) in the column count that gives the
 * biggest 4:3 tiles for the space, centred. With someone on the stage (a shared screen, or a
 * pinned tile) their tile takes the space and the others line up small beside it (below it in a
 * tall window). Tiles are made once per participant and kept while they are on the page. Tells
 * its owner how many tiles fit (PageCapacity) whenever its size changes.
 */
public final class VideoGrid extends Pane {

    private static final double GAP = PageCapacity.GAP;
    private static final double ASPECT = PageCapacity.ASPECT;
    private static final PseudoClass STAGED = PseudoClass.getPseudoClass("staged");

    private final Map<Participant, VideoTile> tiles = new HashMap<>();
    private final ObservableValue<Participant> staged;
    private final Consumer<Participant> onDoubleClick;
    private final Consumer<PageCapacity> onCapacity;
    private boolean measuring;
    /** The menu a right click on a tile opens, built then (what it offers may have changed). */
    private Function<Participant, ContextMenu> tileMenu = p -> null;

    public VideoGrid(ObservableList<Participant> participants) {
        this(participants, new SimpleObjectProperty<>(), p -> { }, capacity -> { });
    }

    /**
     * {@code participants}: the tiles to show (a page); {@code staged}: who has the stage (null:
     * nobody); a double click on a tile asks for it; {@code onCapacity} hears how many tiles fit.
     */
    public VideoGrid(ObservableList<Participant> participants, ObservableValue<Participant> staged,
                     Consumer<Participant> onDoubleClick, Consumer<PageCapacity> onCapacity) {
        this.staged = staged;
        this.onDoubleClick = onDoubleClick;
        setId("video-grid");
        sync(participants);
        participants.addListener((ListChangeListener<Participant>) c -> sync(participants));
        this.onCapacity = onCapacity;
        widthProperty().addListener(obs -> measureLater());
        heightProperty().addListener(obs -> measureLater());
        staged.addListener((obs, old, now) -> {
            tiles.forEach((p, tile) -> tile.pseudoClassStateChanged(STAGED, p == now));
            requestLayout();
        });
    }

    /**
     * Measured after the layout pass, not in layoutChildren: a new page size changes the children,
     * which must not happen inside a layout pass. Once per pulse: a resize sets the width and the
     * height one after the other, and the half-resized size in between is no page size.
     */
    private void measureLater() {
        if (!measuring) {
            measuring = true;
            Platform.runLater(() -> {
                measuring = false;
                double w = getWidth() - snappedLeftInset() - snappedRightInset();
                double h = getHeight() - snappedTopInset() - snappedBottomInset();
                if (w > 0 && h > 0) {
                    onCapacity.accept(PageCapacity.of(w, h));
                }
            });
        }
    }

    private void sync(ObservableList<Participant> participants) {
        tiles.keySet().retainAll(participants);
        getChildren().setAll(participants.stream().map(p -> tiles.computeIfAbsent(p, this::tileFor)).toList());
    }

    private VideoTile tileFor(Participant participant) {
        VideoTile tile = new VideoTile(participant);
        tile.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                onDoubleClick.accept(participant);
            }
        });
        tile.pseudoClassStateChanged(STAGED, participant == staged.getValue());
        tile.setOnContextMenuRequested(e -> {
            ContextMenu menu = tileMenu.apply(participant);
            if (menu != null) {
                menu.show(tile, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
        return tile;
    }

    /** What a right click on a participant's tile offers. */
    void tileMenu(Function<Participant, ContextMenu> menus) {
        this.tileMenu = menus;
    }

    @Override
    protected void layoutChildren() {
        int n = getChildren().size();
        if (n == 0) {
            return;
        }
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        VideoTile onStage = tiles.get(staged.getValue());
        if (onStage != null && n > 1) {
            layoutStage(onStage, w, h);
            return;
        }
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

    private void layoutStage(VideoTile onStage, double w, double h) {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        List<Node> others = getChildren().stream().filter(t -> t != onStage).toList();
        boolean beside = PageCapacity.stripBeside(w, h);
        double strip = PageCapacity.strip(w, h);
        if (beside) {
            onStage.resizeRelocate(left, top, Math.max(0, w - strip - GAP), h);
            double tileH = Math.min(Math.floor(strip / ASPECT), (h - GAP * (others.size() - 1)) / others.size());
            double tileW = Math.floor(tileH * ASPECT);
            for (int i = 0; i < others.size(); i++) {
                others.get(i).resizeRelocate(left + w - strip + (strip - tileW) / 2, top + i * (tileH + GAP), tileW, tileH);
            }
        } else {
            onStage.resizeRelocate(left, top, w, Math.max(0, h - strip - GAP));
            double tileW = Math.min(Math.floor(strip * ASPECT), (w - GAP * (others.size() - 1)) / others.size());
            double tileH = Math.floor(tileW / ASPECT);
            for (int i = 0; i < others.size(); i++) {
                others.get(i).resizeRelocate(left + i * (tileW + GAP), top + h - strip + (strip - tileH) / 2, tileW, tileH);
            }
        }
    }
}
