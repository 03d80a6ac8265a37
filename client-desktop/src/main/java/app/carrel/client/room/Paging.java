package app.carrel.client.room;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which tiles the page being looked at shows, decided in plain Java (no JavaFX) so the rules are
 * tested on their own. Immutable: each change returns the next value; its owner (TilePages, on
 * the FX thread) keeps the current one.
 * <ul>
 * <li>{@code order}: every tile id, ours first, then by arrival; cut into pages of the capacity.
 * <li>The stage (a pinned tile or a shared screen) is first on every page and outside the
 *     count; while someone has it the others page through the strip's smaller capacity.
 * <li>When there is more than one page, the speaker has the last place of every page and the
 *     others page through the places left. Swapping the speaker into the page looked at was
 *     tried first: the one swapped out was then always on the other page (seen in the app
 *     with ten people on two pages), so someone could not be seen at all.
 * <li>A new page size (a resize, the stage taken or given back) keeps the {@code anchor} in
 *     view: the first tile of the page the person last turned to. Not the page's current first
 *     tile, which drifts: a stage taken and given back would land a page earlier.
 * </ul>
 */
record Paging(List<String> order, int index, PageCapacity capacity, String staged, String anchor, String speaker) {

    Paging {
        order = List.copyOf(order);
        staged = staged != null && order.contains(staged) ? staged : null;
        anchor = anchor != null && order.contains(anchor) ? anchor : null;
        speaker = speaker != null && order.contains(speaker) && !speaker.equals(staged) ? speaker : null;
        index = Math.max(0, Math.min(index, Cut.of(order, capacity, staged, speaker).count() - 1));
    }

    static Paging of(List<String> order, PageCapacity capacity) {
        return new Paging(order, 0, capacity, null, null, null);
    }

    Page page() {
        Cut cut = cut();
        List<String> tiles = new ArrayList<>();
        if (staged != null) {
            tiles.add(staged);
        }
        tiles.addAll(cut.paged().subList(Math.min(index * cut.per(), cut.paged().size()),
                Math.min((index + 1) * cut.per(), cut.paged().size())));
        if (cut.reserved() != null) {
            tiles.add(cut.reserved());
        }
        return new Page(tiles, index, cut.count());
    }

    Paging next() {
        return turnedTo(index + 1);
    }

    Paging previous() {
        return turnedTo(index - 1);
    }

    /** Someone new comes last: the page being looked at does not change under the person. */
    Paging joined(String id) {
        if (order.contains(id)) {
            return this;
        }
        List<String> more = new ArrayList<>(order);
        more.add(id);
        return new Paging(more, index, capacity, staged, anchor, speaker);
    }

    Paging left(String id) {
        List<String> fewer = new ArrayList<>(order);
        fewer.remove(id);
        return new Paging(fewer, index, capacity, staged, anchor, speaker);
    }

    Paging resized(PageCapacity now) {
        return keepingAnchor(new Paging(order, 0, now, staged, anchor, speaker));
    }

    /** Null: nobody has the stage. */
    Paging staged(String id) {
        return keepingAnchor(new Paging(order, 0, capacity, id, anchor, speaker));
    }

    /** The room's speaker (null: nobody yet), kept on every page while there are several. */
    Paging spoke(String id) {
        return Objects.equals(id, speaker) ? this : keepingAnchor(new Paging(order, 0, capacity, staged, anchor, id));
    }

    private Paging turnedTo(int wanted) {
        Paging turned = new Paging(order, wanted, capacity, staged, null, speaker);
        return new Paging(order, turned.index, capacity, staged, turned.firstTile(), speaker);
    }

    private Paging keepingAnchor(Paging next) {
        List<String> paged = next.cut().paged();
        String kept = anchor != null && paged.contains(anchor) ? anchor : firstTile();
        int at = kept == null || !paged.contains(kept) ? 0 : paged.indexOf(kept);
        return new Paging(order, at / next.cut().per(), next.capacity, next.staged, anchor, next.speaker);
    }

    /** The first tile of this page that pages (not the stage, not the speaker's place); null on none. */
    private String firstTile() {
        List<String> paged = cut().paged();
        return page().tiles().stream().filter(paged::contains).findFirst().orElse(null);
    }

    private Cut cut() {
        return Cut.of(order, capacity, staged, speaker);
    }

    /**
     * How the tiles are cut into pages: {@code paged} in pages of {@code per}, and {@code reserved}
     * (the speaker, or null) added to every page.
     */
    private record Cut(List<String> paged, int per, String reserved) {

        static Cut of(List<String> order, PageCapacity capacity, String staged, String speaker) {
            List<String> others = staged == null ? order : order.stream().filter(id -> !id.equals(staged)).toList();
            int size = staged == null ? capacity.grid() : capacity.strip();
            // One page needs no place kept; nor can a page of one tile spare one.
            if (speaker == null || others.size() <= size || size < 2) {
                return new Cut(others, size, null);
            }
            return new Cut(others.stream().filter(id -> !id.equals(speaker)).toList(), size - 1, speaker);
        }

        int count() {
            return Math.max(1, (paged.size() + per - 1) / per);
        }
    }
}
