package app.carrel.client.lobby;

import app.carrel.protocol.TextRules;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Name, capacity and an optional password for a new room; the lobby model validates. */
final class CreateRoomDialog extends Dialog<ButtonType> {

    private final TextField name = new TextField();
    private final Spinner<Integer> capacity = new Spinner<>(TextRules.MIN_CAPACITY, 8, 4);
    private final PasswordField password = new PasswordField();

    CreateRoomDialog(Window owner) {
        initOwner(owner);
        setTitle("New study room");
        setHeaderText("Create a study room");
        name.setId("create-room-name");
        name.setPromptText("e.g. Algorithms");
        capacity.setId("create-room-capacity");
        capacity.setEditable(true);
        password.setId("create-room-password");
        password.setPromptText("optional");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Capacity"), capacity);
        grid.addRow(2, new Label("Password"), password);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).setId("create-room-ok");
        setOnShown(e -> name.requestFocus());
    }

    String roomName() {
        return name.getText();
    }

    int capacity() {
        return capacity.getValue();
    }

    String password() {
        return password.getText();
    }
}
