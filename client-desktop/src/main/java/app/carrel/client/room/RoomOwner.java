package app.carrel.client.room;

import app.carrel.client.call.CallEngine;
import app.carrel.client.i18n.Texts;
import app.carrel.client.owners.RoomActions;
import app.carrel.client.signaling.SignalingException;
import app.carrel.protocol.Room;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The owner's requests from inside the room, on the call's own connection, so the others see who
 * acted ("removed by Olga"). Answers come back to the FX thread; a refusal becomes the room's
 * notice. FX thread only.
 */
final class RoomOwner implements RoomActions {

    private final CallEngine engine;
    private final String token;
    private final Supplier<Room> room;
    private final Consumer<String> notice;
    private final Consumer<Room> updated;
    private final Runnable deleted;
    private final BooleanProperty kept = new SimpleBooleanProperty();

    /** {@code updated}: the room as our own change left it (the others are told by the server). */
    RoomOwner(CallEngine engine, String token, Supplier<Room> room, Consumer<String> notice, Consumer<Room> updated,
              Runnable deleted) {
        this.engine = engine;
        this.deleted = deleted;
        this.updated = updated;
        this.token = token;
        this.room = room;
        this.notice = notice;
    }

    @Override
    public String roomName() {
        return room.get().name();
    }

    @Override
    public int capacity() {
        return room.get().capacity();
    }

    /** The engine ends our visit when the answer comes ("You deleted the room"). */
    @Override
    public void delete() {
        answer(engine.deleteRoom(room.get().id(), token), answer -> deleted.run());
    }

    @Override
    public BooleanProperty kept() {
        return kept;
    }

    void remove(Participant p, int minutes) {
        answer(engine.removeParticipant(room.get().id(), token, p.id(), minutes),
                removed -> notice.accept(Texts.get("owner.removed", p.name())));
    }

    void askMute(Participant p) {
        answer(engine.askMute(room.get().id(), token, p.id()), asked -> notice.accept(asked.delivered()
                ? Texts.get("owner.muteAsked", p.name()) : Texts.get("owner.muteNotDelivered", p.name())));
    }

    @Override
    public void update(String name, Integer capacity, String password, Boolean keep) {
        answer(engine.updateRoom(room.get().id(), token, name, capacity, password, keep),
                answer -> {
                    kept.set(Boolean.TRUE.equals(answer.keep()));
                    updated.accept(answer.room());
                });
    }

    private <T> void answer(CompletableFuture<T> request, Consumer<T> then) {
        request.whenComplete((answer, error) -> Platform.runLater(() -> {
            if (error == null) {
                then.accept(answer);
                return;
            }
            Throwable e = SignalingException.unwrap(error);
            notice.accept(Texts.get("owner.failed", e instanceof SignalingException s && s.code() != null
                    ? Texts.error(s.code()) : String.valueOf(e.getMessage())));
        }));
    }
}
