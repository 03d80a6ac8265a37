package app.carrel.server.gateway;

/**
 * A connection's token bucket (starts full at {@code burst}, refills at {@code perSecond}) plus
 * the abuse rule: a message dropped in each of 10 consecutive seconds closes the connection. The
 * seconds are counted from the first drop of a streak; a second without a drop ends the streak.
 * Used by the one thread that reads its connection (the socket's selector); synchronized anyway,
 * which is free when uncontended and keeps it correct if that ever changes.
 */
public final class RateLimiter {
    static final long SECOND = 1_000_000_000L;
    static final int ABUSIVE_SECONDS = 10;

    private final double tokensPerNano;
    private final double burst;
    private double tokens;
    private long refilledAt;
    private long streakStart = -1;
    private long streakSecond;

    public RateLimiter(int perSecond, int burst, long nowNanos) {
        this.tokensPerNano = perSecond / (double) SECOND;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = nowNanos;
    }

    /** Takes a token; false means the message must be dropped. */
    public synchronized boolean tryAcquire(long nowNanos) {
        long elapsed = nowNanos - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * tokensPerNano);
            refilledAt = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Records a dropped message; true once drops span 10 consecutive seconds. */
    public synchronized boolean droppedAndAbusive(long nowNanos) {
        if (streakStart >= 0) {
            long second = (nowNanos - streakStart) / SECOND;
            if (second <= streakSecond + 1) {
                streakSecond = second;
                return streakSecond >= ABUSIVE_SECONDS - 1;
            }
        }
        streakStart = nowNanos;
        streakSecond = 0;
        return false;
    }
}
