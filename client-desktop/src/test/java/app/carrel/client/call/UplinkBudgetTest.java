package app.carrel.client.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UplinkBudgetTest {

    // The default capture, 640x480 at 30 fps.
    private final UplinkBudget budget = new UplinkBudget(480, 30, Duration.ofSeconds(3));

    @Test
    void aTwoPersonCallSendsEverythingAsCaptured() {
        VideoCaps caps = budget.capsFor(1, false);
        assertEquals(new VideoCap(UplinkBudget.TOTAL_BPS, 1, 30), caps.camera());
        assertNull(caps.screen());
    }

    @Test
    void roomsOfThreeAndFourShareTheBudgetAt360LinesAnd20Fps() {
        assertEquals(new VideoCap(1_250_000, 480 / 360.0, 20), budget.capsFor(2, false).camera());
        assertEquals(new VideoCap(833_333, 480 / 360.0, 20), budget.capsFor(3, false).camera());
    }

    @Test
    void roomsOfFiveAndMoreGoDownTo240LinesAnd15Fps() {
        assertEquals(new VideoCap(625_000, 2, 15), budget.capsFor(4, false).camera());
        assertEquals(new VideoCap(357_142, 2, 15), budget.capsFor(7, false).camera());
    }

    @Test
    void theWholeUplinkNeverExceedsTheBudget() {
        for (int peers = 1; peers <= 7; peers++) {
            for (boolean screen : new boolean[] {false, true}) {
                VideoCaps caps = budget.capsFor(peers, screen);
                long each = caps.camera().maxBitrateBps() + (screen ? caps.screen().maxBitrateBps() : 0);
                assertTrue(each * peers <= UplinkBudget.TOTAL_BPS, peers + " peers, screen " + screen + ": " + caps);
            }
        }
    }

    @Test
    void aSharedScreenTakesMostOfTheShareAtFullResolutionAndTheCameraShrinks() {
        VideoCaps caps = budget.capsFor(3, true);
        assertEquals(new VideoCap(555_555, 1, 8), caps.screen());
        assertEquals(new VideoCap(833_333 - 555_555, 2, 15), caps.camera());
    }

    @Test
    void aSmallCameraIsNeverScaledUpNorSpedUp() {
        VideoCap cap = new UplinkBudget(240, 15, Duration.ofSeconds(3)).capsFor(3, false).camera();
        assertEquals(1, cap.scaleResolutionDownBy());
        assertEquals(15, cap.maxFramerate());
    }
}
