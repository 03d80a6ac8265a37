package app.carrel.client.room;

import java.util.ArrayList;
import java.util.List;

/**
 * Which tiles the page being looked at shows, decided in plain Java (no JavaFX) so the rules are
 * tested on their own. Immutable: each change returns the next value; its owner (TilePages, on
 * the FX thread) keeps the current one.
 * <ul>
 * <li>{@code order}: every tile id, ours first, then by arrival; cut into pages of the capacity.
 * <li>The stage (a pinned tile or a shared screen) is first on every page and outside the
 *     count; while someone has it the others page through the strip's smaller capacity.
 * <li>A speaker on another page swaps places in the order with the last tile of this one: two
 *     tiles change, not the whole page, and the one swapped out stays reachable on the
 *     speaker's old page.
 * <li>A new page size (a resize, the stage taken or given back) keeps the {@code anchor} in view:
 *     the first tile of the page the person last turned to. Not the page's current first tile,
 *     which drifts: a stage taken and given back would land a page earlier.
 * </ul>
 */
record Paging(List<String> order, int index, PageCapacity capacity, String staged, String anchor) {

    Paging {
        order = List.copyOf(order);
        staged = staged != null && order.contains(staged) ? staged : null;
        anchor = anchor != null && order.contains(anchor) ? anchor : null;
        index = Math.max(0, Math.min(index, pageCount(order.size() - (staged == null ? 0 : 1), size(capacity, staged)) - 1));
    }

    static Paging of(List<String> order, PageCapacity capacity) {
        return new Paging(order, 0, capacity, null, null);
    }

    Page page() {
        List<String> others = others();
        int size = pageSize();
        List<String> tiles = new ArrayList<>();
        if (staged != null) {
            tiles.add(staged);
        }
        tiles.addAll(others.subList(Math.min(index * size, others.size()), Math.min((index + 1) * size, others.size())));
        return new Page(tiles, index, pageCount(others.size(), size));
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
        return new Paging(more, index, capacity, staged, anchor);
    }

    Paging left(String id) {
        List<String> fewer = new ArrayList<>(order);
        fewer.remove(id);
        return new Paging(fewer, index, capacity, staged, anchor);
    }

    Paging resized(PageCapacity now) {
        return keepingAnchor(new Paging(order, 0, now, staged, anchor));
    }

    /** Null: nobody has the stage. */
    Paging staged(String id) {
        return keepingAnchor(new Paging(order, 0, capacity, id, anchor));
    }

    /** The speaker (null: nobody) is brought onto this page if it is not on it already. */
    Paging spoke(String speaker) {
        if (speaker == null || speaker.equals(staged) || !order.contains(speaker) || page().tiles().contains(speaker)) {
            return this;
        }
        List<String> tiles = page().tiles();
        String last = tiles.get(tiles.size() - 1);
        List<String> swapped = new ArrayList<>(order);
        swapped.set(order.indexOf(speaker), last);
        swapped.set(order.indexOf(last), speaker);
        return new Paging(swapped, index, capacity, staged, anchor);
    }

    int pageSize() {
        return size(capacity, staged);
    }

    private Paging turnedTo(int wanted) {
        Paging turned = new Paging(order, wanted, capacity, staged, null);
        return new Paging(order, turned.index, capacity, staged, turned.firstTile());
    }

    private Paging keepingAnchor(Paging next) {
        List<String> others = next.others();
        String kept = anchor != null && others.contains(anchor) ? anchor : firstTile();
        int at = kept == null || !others.contains(kept) ? 0 : others.indexOf(kept);
        return new Paging(order, at / next.pageSize(), next.capacity, next.staged, anchor);
    }

    /** The first tile of this page that is not the stage; null on an empty page. */
    private String firstTile() {
        return page().tiles().stream().filter(id -> !id.equals(staged)).findFirst().orElse(null);
    }

    private List<String> others() {
        return staged == null ? order : order.stream().filter(id -> !id.equals(staged)).toList();
    }

    private static int size(PageCapacity capacity, String staged) {
        return staged == null ? capacity.grid() : capacity.strip();
    }

    private static int pageCount(int tiles, int size) {
        return Math.max(1, (tiles + size - 1) / size);
    }
}
