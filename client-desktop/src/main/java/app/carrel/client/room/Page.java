package app.carrel.client.room;

import java.util.List;

/**
 * One page of the room as the grid shows it: the tile ids in order (the stage first, when someone
 * has it), and which page of how many this is (from 0).
 */
record Page(List<String> tiles, int index, int count) {

    Page {
        tiles = List.copyOf(tiles);
    }

    boolean hasPrevious() {
        return index > 0;
    }

    boolean hasNext() {
        return index < count - 1;
    }
}
