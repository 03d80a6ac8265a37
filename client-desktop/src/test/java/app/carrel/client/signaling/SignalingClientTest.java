package app.carrel.client.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.NoLeaksExtension;
import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.CarrelServer;
import app.carrel.server.ServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every outcome of a request or connect reaches the caller on the client's executor: answers,
 * error answers, refused connections, closes and timeouts alike. The executor here runs nothing
 * until the test pumps it, so a future completed anywhere else is caught.
 */
@ExtendWith(NoLeaksExtension.class)
class SignalingClientTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final PumpedExecutor executor = new PumpedExecutor();
    private CarrelServer server;
    private SignalingClient client;

    @BeforeEach
    void startServer() {
        server = CarrelServer.start(ServerConfig.builder().bind("127.0.0.1").port(0)
                .database(dir.resolve("carrel.db")).build());
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (client != null) {
            client.closeBlocking(java.time.Duration.ofSeconds(5));
        }
        server.close();
    }

    @Test
    void anErrorAnswerFailsTheRequestOnTheExecutor() throws Exception {
        client = connected(Duration.ofSeconds(5));
        CompletableFuture<ServerMessage> join = client.request(id ->
                new ClientMessage.Join(id, UUID.randomUUID().toString(), "Ann", null, null, null, null, null));
        AtomicBoolean onExecutor = watch(join);
        Throwable failure = executor.failureOf(join);
        assertEquals(ErrorCode.ROOM_NOT_FOUND, ((SignalingException) failure).code());
        assertTrue(onExecutor.get(), "the error answer completed off the executor");
    }

    @Test
    void aRequestWithoutAnswerTimesOutOnTheExecutor() throws Exception {
        client = connected(Duration.ofMillis(300));
        String room = ((ServerMessage.RoomCreated) executor.valueOf(client.request(id ->
                new ClientMessage.CreateRoom(id, "Quiet", 2, null)))).room().id();
        executor.valueOf(client.request(id -> new ClientMessage.Join(id, room, "Ann", null, null, null, null, null)));
        // media-state has no direct answer: the request can only time out.
        CompletableFuture<ServerMessage> silent = client.request(id -> new ClientMessage.MediaState(id, false, null, null));
        AtomicBoolean onExecutor = watch(silent);
        assertInstanceOf(SignalingException.class, executor.failureOf(silent));
        assertTrue(onExecutor.get(), "the timeout completed off the executor");
    }

    @Test
    void aCloseFailsPendingRequestsOnTheExecutor() throws Exception {
        client = connected(Duration.ofSeconds(5));
        CompletableFuture<ServerMessage> pending = client.request(ClientMessage.ListRooms::new);
        AtomicBoolean onExecutor = watch(pending);
        client.closeBlocking(java.time.Duration.ofSeconds(5));
        executor.settle(pending);
        assertTrue(onExecutor.get(), "the close completed the request off the executor");
    }

    @Test
    void aServerThatCannotBeReachedFailsTheConnectOnTheExecutor() throws Exception {
        URI gone = server.uri();
        server.close();
        server = CarrelServer.start(ServerConfig.builder().bind("127.0.0.1").port(0)
                .database(dir.resolve("other.db")).build());
        client = new SignalingClient(gone, executor, new Ignoring(), Duration.ofSeconds(5));
        CompletableFuture<ServerMessage.Welcome> connect = client.connect(Duration.ofSeconds(5));
        AtomicBoolean onExecutor = watch(connect);
        assertInstanceOf(SignalingException.class, executor.failureOf(connect));
        assertTrue(onExecutor.get(), "the refused connect completed off the executor");
    }

    @Test
    @Timeout(20) // without the limit, closeBlocking never returned here
    void closingGivesUpOnAServerThatNeverAnswersTheCloseHandshake() throws Exception {
        try (MuteServer mute = new MuteServer()) {
            SignalingClient stuck = new SignalingClient(mute.uri(), executor, new Ignoring(), LIMIT);
            executor.valueOf(stuck.connect(LIMIT));
            long start = System.nanoTime();
            stuck.closeBlocking(Duration.ofMillis(500));
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            // Before the limit existed this waited forever (the window hung on quit).
            assertTrue(took < 3000, "closeBlocking returned after " + took + " ms; the limit was 500 ms");
            assertFalse(stuck.isOpen());
        }
    }

    /**
     * A server at its connection limit sends welcome, the refusal and its close together; the
     * app's first request (the lobby's list) then finds the socket closed, and must still fail
     * with the refusal's code, which the lobby says in our words, not with "not connected".
     */
    @Test
    void aRefusalThatArrivesWithTheCloseFailsTheNextRequestWithItsCode() throws Exception {
        try (MuteServer refusing = MuteServer.refusing("{\"type\":\"error\",\"code\":\"too-many-connections\","
                + "\"message\":\"Your network already has 1 connections open\"}")) {
            SignalingClient refused = new SignalingClient(refusing.uri(), executor, new Ignoring(), LIMIT);
            CompletableFuture<ServerMessage.Welcome> connect = refused.connect(LIMIT);
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (!refused.isClosed() && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // the close is in: the request below finds the socket closed
            }
            assertTrue(refused.isClosed(), "the refusing server's close never arrived");
            executor.valueOf(connect);
            CompletableFuture<ServerMessage> list = refused.request(ClientMessage.ListRooms::new);
            assertEquals(ErrorCode.TOO_MANY_CONNECTIONS, ((SignalingException) executor.failureOf(list)).code());
        }
    }

    private SignalingClient connected(Duration requestTimeout) throws Exception {
        SignalingClient fresh = new SignalingClient(server.uri(), executor, new Ignoring(), requestTimeout);
        executor.valueOf(fresh.connect(LIMIT));
        return fresh;
    }

    /** Records whether the future completed while the executor ran one of its tasks. */
    private AtomicBoolean watch(CompletableFuture<?> future) {
        AtomicBoolean onExecutor = new AtomicBoolean();
        future.whenComplete((v, e) -> onExecutor.set(executor.runningHere()));
        return onExecutor;
    }

    private static final class Ignoring implements SignalingListener {
        @Override
        public void onMessage(ServerMessage message) {
        }

        @Override
        public void onClosed(int code, String reason, boolean byUs) {
        }
    }

    /** Queues tasks; the test thread runs them, one at a time, while it waits for a future. */
    private static final class PumpedExecutor implements Executor {
        private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
        private volatile Thread running;

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        boolean runningHere() {
            return running == Thread.currentThread();
        }

        void settle(CompletableFuture<?> future) throws InterruptedException {
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (!future.isDone()) {
                Runnable task = tasks.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (task == null) {
                    throw new AssertionError("Timed out waiting for the future on the executor");
                }
                running = Thread.currentThread();
                try {
                    task.run();
                } finally {
                    running = null;
                }
            }
        }

        <T> T valueOf(CompletableFuture<T> future) throws Exception {
            settle(future);
            return future.get(0, TimeUnit.SECONDS);
        }

        Throwable failureOf(CompletableFuture<?> future) throws InterruptedException {
            settle(future);
            assertTrue(future.isCompletedExceptionally(), "expected a failure");
            Throwable failure = future.handle((v, e) -> e).join();
            Throwable cause = SignalingException.unwrap(failure);
            assertFalse(cause == null, "no cause");
            return cause;
        }
    }
}
