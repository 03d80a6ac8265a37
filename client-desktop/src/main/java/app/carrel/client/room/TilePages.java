package app.carrel.client.room;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The room's pages of tiles: keeps the current {@link Paging} and the {@link LoudestSpeaker},
 * publishes the participants of the page being looked at, and tells the engine whose video that
 * is whenever the set changes (a page turned, a resize, a join or a leave, the stage, the speaker
 * brought on). The speaker is kept on the page the person looks at, whichever that is.
 * FX thread only.
 */
final class TilePages {

    private final ObservableList<Participant> participants;
    private final Consumer<Set<String>> showVideoOf;
    private final LoudestSpeaker loudest;
    private final ObservableList<Participant> shown = FXCollections.observableArrayList();
    // Kept, not made per call: see RoomModel's participantsView (a weak wrapper loses listeners).
    private final ObservableList<Participant> shownView = FXCollections.unmodifiableObservableList(shown);
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(this, "page");
    private Paging paging;
    /** The ids last given to the engine; null before the first. */
    private Set<String> sent;

    /** {@code showVideoOf} gets the peer ids (never our own tile) of each new visible set. */
    TilePages(ObservableList<Participant> participants, ObservableValue<Participant> staged, double speakingLevel,
              Consumer<Set<String>> showVideoOf) {
        this.participants = participants;
        this.showVideoOf = showVideoOf;
        this.loudest = new LoudestSpeaker(speakingLevel);
        this.paging = Paging.of(participants.stream().map(Participant::id).toList(), PageCapacity.DEFAULT);
        participants.addListener((ListChangeListener<Participant>) this::onParticipantsChanged);
        staged.addListener((obs, old, now) -> update(paging.staged(now == null ? null : now.id())));
        update(paging);
    }

    /** The participants whose tiles this page shows, in order (the stage first). */
    ObservableList<Participant> shown() {
        return shownView;
    }

    ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    void next() {
        update(paging.next());
    }

    void previous() {
        update(paging.previous());
    }

    /** The grid's space changed: so may the page size. */
    void resized(PageCapacity capacity) {
        if (!capacity.equals(paging.capacity())) {
            update(paging.resized(capacity));
        }
    }

    /** A participant's audio level (0 while muted). */
    void heard(String id, double level) {
        String before = loudest.current();
        String now = loudest.heard(id, level);
        if (!Objects.equals(now, before)) {
            markSpeaker(before, now);
            update(paging);
        }
    }

    private void onParticipantsChanged(ListChangeListener.Change<? extends Participant> change) {
        Paging next = paging;
        while (change.next()) {
            for (Participant p : change.getRemoved()) {
                next = next.left(p.id());
                String before = loudest.current();
                markSpeaker(before, loudest.left(p.id()));
            }
            for (Participant p : change.getAddedSubList()) {
                next = next.joined(p.id());
            }
        }
        update(next);
    }

    private void markSpeaker(String before, String now) {
        Map<String, Participant> byId = byId();
        if (before != null && byId.containsKey(before)) {
            byId.get(before).setSpeaker(false);
        }
        if (now != null && byId.containsKey(now)) {
            byId.get(now).setSpeaker(true);
        }
    }

    private void update(Paging next) {
        paging = next.spoke(loudest.current());
        Page now = paging.page();
        Map<String, Participant> byId = byId();
        List<Participant> tiles = now.tiles().stream().map(byId::get).toList();
        if (!tiles.equals(shown)) {
            shown.setAll(tiles);
        }
        page.set(now);
        Set<String> ids = tiles.stream().filter(p -> !p.self()).map(Participant::id).collect(Collectors.toUnmodifiableSet());
        if (!ids.equals(sent)) {
            sent = ids;
            showVideoOf.accept(ids);
        }
    }

    private Map<String, Participant> byId() {
        return participants.stream().collect(Collectors.toMap(Participant::id, Function.identity()));
    }
}
