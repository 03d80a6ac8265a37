package app.carrel.server.testing;

import app.carrel.server.rooms.RoomsExecutor;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * A rooms executor the test drives: tasks queue like on the real thread and run on
 * {@link #runQueued()}/{@link #runAll()}; timed tasks run when {@link #advance} moves the fake clock past them; slow
 * work runs inline but hands its result back only on {@link #runAll()}. The test thread is the rooms thread.
 */
public final class ManualRoomsExecutor implements RoomsExecutor {
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final ArrayDeque<Runnable> slowDone = new ArrayDeque<>();
    private final List<Timed> timed = new ArrayList<>();
    private long now = 1_732_190_000_000L;
    private long sequence;
    private boolean slowWorkFails;
    private boolean slowWorkAnswersNull;

    private record Timed(long due, long order, Runnable task, boolean[] cancelled) {
    }

    @Override
    public void execute(Runnable task) {
        queue.add(task);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        timed.add(new Timed(now + delay.toMillis(), sequence++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** From now on slow work (password hashing) fails, as a broken crypto provider would. */
    public void failSlowWork() {
        slowWorkFails = true;
    }

    /**
     * From now on slow work succeeds with {@code null}, as a buggy hasher would: the step that runs
     * after it (the password check's callback) is what fails.
     */
    public void slowWorkAnswersNull() {
        slowWorkAnswersNull = true;
    }

    @Override
    public <T> void offload(Callable<T> work, BiConsumer<T, Throwable> then) {
        if (slowWorkAnswersNull) {
            slowDone.add(() -> then.accept(null, null));
            return;
        }
        if (slowWorkFails) {
            slowDone.add(() -> then.accept(null, new IllegalStateException("slow work failed (test)")));
            return;
        }
        try {
            T result = work.call();
            slowDone.add(() -> then.accept(result, null));
        } catch (Exception e) {
            slowDone.add(() -> then.accept(null, e));
        }
    }

    @Override
    public long now() {
        return now;
    }

    /** Runs queued room tasks; slow work finished meanwhile waits for {@link #runAll()}. */
    public void runQueued() {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
    }

    /** Runs queued tasks and hands back finished slow work until nothing is left. */
    public void runAll() {
        runQueued();
        while (!slowDone.isEmpty()) {
            queue.add(slowDone.poll());
            runQueued();
        }
    }

    public void advance(Duration by) {
        long until = now + by.toMillis();
        runAll();
        while (true) {
            Timed next = timed.stream().filter(t -> t.due() <= until)
                    .min(Comparator.comparingLong(Timed::due).thenComparingLong(Timed::order)).orElse(null);
            if (next == null) {
                break;
            }
            timed.remove(next);
            now = Math.max(now, next.due());
            if (!next.cancelled()[0]) {
                next.task().run();
            }
            runAll();
        }
        now = until;
    }
}
