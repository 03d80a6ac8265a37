package app.carrel.server.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Coalesces what the rooms thread sends during one burst of work, so a connection that is sent
 * several messages in a burst gets them in one socket write instead of one write (and one
 * selector wake-up) each; under load most of the selector thread's time went into those writes.
 * <p>
 * Ownership: the list of outlets with something pending belongs to the thread holding the rooms'
 * turn ({@link #add} and {@link #flush} run only there; {@code RoomsTurn} calls {@link #flush} at
 * the end of each burst, before it lets go of the turn). What is pending for one connection
 * belongs to its outlet, which guards it with its own lock, since any thread may flush it (a close
 * does). Sends from a thread not holding the turn ({@code welcome}, sent by the selector as the
 * connection opens) are not collected: they go out at once.
 */
public final class OutputBatch {

    /** One connection's pending output. */
    public interface Pending {
        /** Hands everything pending to the socket in order; any thread. */
        void flush();
    }

    private final BooleanSupplier onRoomsThread;
    private final List<Pending> dirty = new ArrayList<>();

    public OutputBatch(BooleanSupplier onRoomsThread) {
        this.onRoomsThread = onRoomsThread;
    }

    /** True when the caller is the rooms thread, whose sends wait for the end of its burst. */
    public boolean collecting() {
        return onRoomsThread.getAsBoolean();
    }

    /** Rooms thread: {@code pending} has output to flush at the end of this burst. */
    public void add(Pending pending) {
        dirty.add(pending);
    }

    /** Rooms thread: writes out everything collected, connection by connection. */
    public void flush() {
        for (int i = 0; i < dirty.size(); i++) {
            dirty.get(i).flush();
        }
        dirty.clear();
    }
}
