package app.carrel.server.hall;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Where a new hall goes: the live Janus instance carrying the fewest hall members (its load), the
 * first configured on a tie. Pure.
 */
final class Placement {

    private Placement() {
    }

    /** @param loads live instances, in configured order, with their load */
    static <I> Optional<I> leastLoaded(Map<I, Integer> loads) {
        return loads.entrySet().stream()
                .min(Comparator.comparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey);
    }
}
