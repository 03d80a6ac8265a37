package app.carrel.server.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rooms' turn: who runs a task, in which order, and that none is left behind. */
class RoomsTurnTest {
    private final RoomsTurn turn = new RoomsTurn();

    @AfterEach
    void close() {
        turn.close();
    }

    @Test
    void aTaskRunsAtOnceOnTheThreadThatQueuedItWhenNobodyHoldsTheTurn() {
        List<Thread> ranOn = new ArrayList<>();
        List<Boolean> current = new ArrayList<>();
        turn.execute(() -> {
            ranOn.add(Thread.currentThread());
            current.add(turn.isCurrent());
        });
        assertEquals(List.of(Thread.currentThread()), ranOn, "run before execute returned, on the caller");
        assertEquals(List.of(true), current);
        assertTrue(!turn.isCurrent(), "the turn is let go afterwards");
    }

    @Test
    void tasksFromManyThreadsRunOneAtATimeEachThreadsInOrderAndNoneIsLeftBehind() throws Exception {
        int threads = 4;
        int each = 20_000;
        CountDownLatch allRan = new CountDownLatch(threads * each);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger outOfOrder = new AtomicInteger();
        int[] lastSeen = new int[threads]; // written only by whoever holds the turn
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int producer = t;
            producers.add(new Thread(() -> {
                for (int i = 1; i <= each; i++) {
                    int n = i;
                    turn.execute(() -> {
                        if (inside.incrementAndGet() != 1) {
                            overlaps.incrementAndGet();
                        }
                        if (lastSeen[producer] != n - 1) {
                            outOfOrder.incrementAndGet();
                        }
                        lastSeen[producer] = n;
                        inside.decrementAndGet();
                        allRan.countDown();
                    });
                }
            }));
        }
        producers.forEach(Thread::start);
        for (Thread p : producers) {
            p.join();
        }
        assertTrue(allRan.await(10, TimeUnit.SECONDS), allRan.getCount() + " tasks were never run");
        assertEquals(0, overlaps.get(), "two threads held the turn at once");
        assertEquals(0, outOfOrder.get(), "a thread's tasks ran out of order");
    }

    @Test
    void aCallerRunsOneBurstAndTheRoomsThreadRunsWhatItLeft() throws Exception {
        int more = 3 * RoomsTurn.MAX_BURST;
        CountDownLatch allRan = new CountDownLatch(more);
        Map<String, AtomicInteger> byThread = new ConcurrentHashMap<>();
        turn.execute(() -> {
            for (int i = 0; i < more; i++) {
                turn.execute(() -> {
                    byThread.computeIfAbsent(Thread.currentThread().getName(), k -> new AtomicInteger()).incrementAndGet();
                    allRan.countDown();
                });
            }
        });
        assertTrue(allRan.await(10, TimeUnit.SECONDS), allRan.getCount() + " tasks were never run");
        // The first burst held the queueing task and MAX_BURST - 1 of the tasks it queued.
        assertEquals(RoomsTurn.MAX_BURST - 1, byThread.get(Thread.currentThread().getName()).get());
        assertEquals(more - (RoomsTurn.MAX_BURST - 1), byThread.get("carrel-rooms").get());
    }

    @Test
    void aBatchHoldsItsTasksBackAndRunsThemInOneBurstWhenItEnds() {
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger bursts = new AtomicInteger();
        List<Integer> ranDuringBatch = new ArrayList<>();
        turn.afterBurst(bursts::incrementAndGet);
        turn.batch(() -> {
            for (int i = 0; i < 3; i++) {
                turn.execute(ran::incrementAndGet);
                ranDuringBatch.add(ran.get());
            }
        });
        assertEquals(List.of(0, 0, 0), ranDuringBatch, "nothing runs while the read is being decoded");
        assertEquals(3, ran.get(), "all three ran when the batch ended");
        assertEquals(1, bursts.get(), "in one burst, so one flush of the output");
    }

    @Test
    void closingRunsWhatIsQueuedAndDropsWhatComesLater() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        Thread holder = new Thread(() -> turn.execute(() -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        while (!isHeldBy(holder)) {
            Thread.onSpinWait();
        }
        turn.execute(ran::incrementAndGet); // the turn is taken: this one waits in the queue
        Thread closer = new Thread(turn::close);
        closer.start();
        release.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(15));
        assertEquals(1, ran.get(), "the queued task ran before close returned");
        turn.execute(ran::incrementAndGet);
        assertEquals(1, ran.get(), "a task after close is dropped");
    }

    private boolean isHeldBy(Thread thread) {
        return thread.getState() == Thread.State.TIMED_WAITING || thread.getState() == Thread.State.WAITING;
    }
}
