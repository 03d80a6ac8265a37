package app.carrel.client.call;

import java.time.Duration;

/** The engine's state with timed waits; listeners hear each change on the thread that made it. */
final class StateHolder {

    private final CallListeners listeners;
    private CallState state = CallState.IDLE;

    StateHolder(CallListeners listeners) {
        this.listeners = listeners;
    }

    synchronized CallState get() {
        return state;
    }

    void set(CallState next) {
        synchronized (this) {
            if (state == next || state == CallState.CLOSED) {
                return;
            }
            state = next;
            notifyAll();
        }
        listeners.fire(l -> l.onState(next));
    }

    synchronized boolean await(CallState wanted, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (state != wanted) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
