package app.carrel.client.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which tiles a page of a 50-person hall shows: pages, the speaker, the stage, resizes, leaves. */
class PagingTest {

    private static final PageCapacity NINE = new PageCapacity(9, 4);
    /** Us first, then 49 others by arrival. */
    private static final List<String> HALL = IntStream.range(0, 50).mapToObj(i -> i == 0 ? "self" : "p" + i).toList();

    @Test
    void fiftyPeopleMakeSixPagesOfNineAndEachIsOnExactlyOnePage() {
        Paging paging = Paging.of(HALL, NINE);
        assertEquals(6, paging.page().count());
        assertEquals(List.of("self", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"), paging.page().tiles());
        assertEveryoneOnExactlyOnePage(paging, 9);
        Paging last = paging.next().next().next().next().next();
        assertEquals(5, last.page().index());
        assertEquals(List.of("p45", "p46", "p47", "p48", "p49"), last.page().tiles());
    }

    @Test
    void pagesStopAtBothEnds() {
        Paging first = Paging.of(HALL, NINE);
        assertFalse(first.page().hasPrevious());
        assertEquals(0, first.previous().page().index());
        Paging last = first;
        for (int i = 0; i < 10; i++) {
            last = last.next();
        }
        assertEquals(5, last.page().index());
        assertFalse(last.page().hasNext());
    }

    @Test
    void aSpeakerHasTheLastPlaceOfEveryPageAndTheOthersStayReachable() {
        Paging paging = Paging.of(HALL, NINE).next().spoke("p40");
        assertEquals(List.of("p8", "p9", "p10", "p11", "p12", "p13", "p14", "p15", "p40"), paging.page().tiles(),
                "the page turned to (from p9) stays in view, with the speaker last");
        assertEquals(7, paging.page().count(), "49 others in pages of eight, and the speaker");
        for (Paging p = first(paging); ; p = p.next()) {
            List<String> tiles = p.page().tiles();
            assertEquals("p40", tiles.get(tiles.size() - 1), p.page().toString());
            if (!p.page().hasNext()) {
                break;
            }
        }
        assertEveryoneOnExactlyOnePage(paging, 9);
    }

    @Test
    void tenPeopleOnTwoPagesWithAStageAndASpeakerCanAllBeSeen() {
        // Seen in the app: the speaker was swapped into whichever page was looked at, and the one
        // it displaced went to the other page each time, so one person was never in view.
        List<String> ten = HALL.subList(0, 10);
        Paging paging = Paging.of(ten, new PageCapacity(9, 6)).staged("p1").spoke("p9");
        List<String> seen = new ArrayList<>();
        for (Paging p = paging; ; p = p.next()) {
            seen.addAll(p.page().tiles());
            if (!p.page().hasNext()) {
                break;
            }
        }
        assertEquals(Set.copyOf(ten), Set.copyOf(seen));
        assertEquals(paging.page(), paging.next().previous().page(), "turning back shows the same page");
    }

    @Test
    void aSpeakerInARoomThatFitsOnePageKeepsTheirOwnPlace() {
        Paging nine = Paging.of(HALL.subList(0, 9), NINE);
        assertEquals(nine.page(), nine.spoke("p3").page());
        assertEquals(nine.page(), nine.spoke("gone").page());
    }

    @Test
    void theStageIsFirstOnEveryPageAndTheOthersPageThroughTheStrip() {
        Paging staged = Paging.of(HALL, NINE).staged("p20");
        assertEquals(13, staged.page().count(), "49 others in strips of 4");
        for (Paging p = staged.previous().previous(); ; p = p.next()) {
            assertEquals("p20", p.page().tiles().get(0));
            assertEquals(1, p.page().tiles().stream().filter("p20"::equals).count());
            assertTrue(p.page().tiles().size() <= 5);
            if (!p.page().hasNext()) {
                break;
            }
        }
        assertEquals(staged.page(), staged.spoke("p20").page(), "the stage is in view on every page anyway");
    }

    @Test
    void takingAndGivingBackTheStageKeepsThePlace() {
        Paging pageThree = Paging.of(HALL, NINE).next().next(); // p18 … p26
        Paging staged = pageThree.staged("p2");
        assertTrue(staged.page().tiles().contains("p18"), "the first tile of the page stays in view: " + staged.page());
        Paging back = staged.staged(null);
        assertEquals(pageThree.page(), back.page(), "a screen given back goes to its own page, not ours");
    }

    @Test
    void aResizeChangesThePageSizeAndKeepsTheFirstTileInView() {
        PageCapacity small = PageCapacity.of(700, 330);
        PageCapacity large = PageCapacity.of(1264, 650);
        assertTrue(small.grid() < large.grid(), small + " vs " + large);
        assertEquals(16, large.grid(), "never more than 4×4");
        Paging paging = Paging.of(HALL, small);
        for (int i = 0; i < 4; i++) {
            paging = paging.next();
        }
        String first = paging.page().tiles().get(0);
        Paging grown = paging.resized(large);
        assertEquals(Math.min(16, 50 - grown.page().index() * 16), grown.page().tiles().size());
        assertTrue(grown.page().tiles().contains(first), first + " on " + grown.page());
        assertEquals((50 + 15) / 16, grown.page().count());
        assertEveryoneOnExactlyOnePage(grown, 16);
    }

    @Test
    void aFullMeshRoomFitsOnOnePageInTheSmallestWindowWithChatOpen() {
        // RoomView at 720×480 with the chat open leaves the grid about 404×340 (measured in the app).
        PageCapacity smallest = PageCapacity.of(404, 340);
        assertTrue(smallest.grid() >= 8, smallest.toString());
    }

    @Test
    void aShareWithSevenOthersBesideItIsOnePageInAnOrdinaryWindow() {
        // RoomView at 1280×800 (no chat) leaves the grid about 1264×650.
        PageCapacity ordinary = PageCapacity.of(1264, 650);
        assertTrue(ordinary.strip() >= 7, ordinary.toString());
    }

    @Test
    void whenThePageBeingLookedAtEmptiesTheViewMovesBack() {
        List<String> ten = HALL.subList(0, 10);
        Paging last = Paging.of(ten, NINE).next();
        assertEquals(List.of("p9"), last.page().tiles());
        Paging left = last.left("p9");
        assertEquals(1, left.page().count());
        assertEquals(0, left.page().index());
        assertEquals(last.page(), last.joined("p9").page(), "someone already there does not come twice");
        assertEquals(List.of("p9", "p10"), last.joined("p10").page().tiles(), "a newcomer comes last");
    }

    private static Paging first(Paging paging) {
        return new Paging(paging.order(), 0, paging.capacity(), paging.staged(), null, paging.speaker());
    }

    private static void assertEveryoneOnExactlyOnePage(Paging any, int size) {
        List<String> seen = new ArrayList<>();
        if (any.speaker() != null) {
            seen.add(any.speaker()); // on every page, counted once
        }
        Paging p = first(any);
        while (true) {
            assertTrue(p.page().tiles().size() <= size, p.page().toString());
            p.page().tiles().stream().filter(id -> !id.equals(any.speaker())).forEach(seen::add);
            if (!p.page().hasNext()) {
                break;
            }
            p = p.next();
        }
        assertEquals(HALL.size(), seen.size(), "nobody twice: " + seen);
        assertEquals(new java.util.HashSet<>(HALL), new java.util.HashSet<>(seen), "nobody missing");
    }
}
