package app.carrel.server.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final long SECOND = RateLimiter.SECOND;

    @Test
    void startsFullAtTheBurstThenRefillsAtTheRate() {
        RateLimiter limiter = new RateLimiter(100, 300, 0);
        int taken = 0;
        while (limiter.tryAcquire(0)) {
            taken++;
        }
        assertEquals(300, taken);
        assertFalse(limiter.tryAcquire(SECOND / 200), "half a token is not a token");
        assertTrue(limiter.tryAcquire(SECOND / 100));
        int refilled = 0;
        while (limiter.tryAcquire(SECOND / 100 + SECOND)) {
            refilled++;
        }
        assertEquals(100, refilled);
    }

    @Test
    void dropsInTenConsecutiveSecondsAreAbuse() {
        RateLimiter limiter = new RateLimiter(100, 300, 0);
        long start = 5 * SECOND;
        for (int s = 0; s < 9; s++) {
            assertFalse(limiter.droppedAndAbusive(start + s * SECOND + 1));
            assertFalse(limiter.droppedAndAbusive(start + s * SECOND + SECOND / 2));
        }
        assertTrue(limiter.droppedAndAbusive(start + 9 * SECOND + 1));
    }

    @Test
    void aSecondWithoutADropStartsTheCountAgain() {
        RateLimiter limiter = new RateLimiter(100, 300, 0);
        for (int s = 0; s < 8; s++) {
            assertFalse(limiter.droppedAndAbusive(s * SECOND));
        }
        long afterGap = 10 * SECOND;
        for (int s = 0; s < 9; s++) {
            assertFalse(limiter.droppedAndAbusive(afterGap + s * SECOND));
        }
        assertTrue(limiter.droppedAndAbusive(afterGap + 9 * SECOND));
    }
}
