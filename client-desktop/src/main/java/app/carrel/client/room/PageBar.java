package app.carrel.client.room;

import app.carrel.client.i18n.Texts;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** Previous page, "Page 2 of 6", next page: under the grid, only while there is more than one page. */
final class PageBar extends HBox {

    private final TilePages pages;
    private final Button previous = new Button(null, new FontIcon(Material2AL.CHEVRON_LEFT));
    private final Button next = new Button(null, new FontIcon(Material2AL.CHEVRON_RIGHT));
    private final Label label = new Label();

    PageBar(TilePages pages) {
        super(12);
        this.pages = pages;
        createView();
        init();
    }

    private void createView() {
        setId("page-bar");
        getStyleClass().add("page-bar");
        setAlignment(Pos.CENTER);
        previous.setId("page-previous");
        next.setId("page-next");
        label.setId("page-label");
        label.getStyleClass().add("page-label");
        previous.setTooltip(new Tooltip(Texts.get("room.previousPage")));
        next.setTooltip(new Tooltip(Texts.get("room.nextPage")));
        for (Button b : new Button[] {previous, next}) {
            b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.BUTTON_CIRCLE);
            // A page turn must not take the focus from where the person was (Space talks).
            b.setFocusTraversable(false);
        }
        getChildren().addAll(previous, label, next);
    }

    private void init() {
        previous.setOnAction(e -> pages.previous());
        next.setOnAction(e -> pages.next());
        pages.pageProperty().addListener((obs, old, page) -> render(page));
        render(pages.pageProperty().get());
    }

    private void render(Page page) {
        boolean paged = page.count() > 1;
        setVisible(paged);
        setManaged(paged);
        label.setText(Texts.get("room.page", page.index() + 1, page.count()));
        previous.setDisable(!page.hasPrevious());
        next.setDisable(!page.hasNext());
    }
}
