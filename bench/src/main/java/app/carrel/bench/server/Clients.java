package app.carrel.bench.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The generator's WebSocket clients: Netty on a few event-loop threads (epoll where the native
 * transport loads, else NIO), each socket owned by one of them for its I/O and callbacks, so
 * thousands of sockets cost no thread each. The JDK's java.net.http client it replaces spent
 * more CPU per join and per message than the server it measured. Every socket opened here is
 * closed by {@link #close()}.
 */
public final class Clients implements AutoCloseable {
    /** Offers and answers are ~5 KB; the server allows 64 KiB. */
    private static final int MAX_MESSAGE = 64 * 1024;
    private static final int TIMEOUT_MS = 20_000;

    static {
        // Netty's default leak detection records a stack trace for one buffer in 128 and again
        // when it is released: 2.7% of the event loop's time in a negotiate run (perf). Still on
        // with -Dio.netty.leakDetection.level=simple when a change to the buffer handling needs it.
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }

    private final EventLoopGroup loops;
    private final Bootstrap bootstrap;
    private final WebSocketClientProtocolConfig protocol;
    private final String transport;
    private final boolean coalesce;
    private final int maxMessage;
    private final List<BenchSocket> open = new ArrayList<>();

    /**
     * {@code coalesce}: sends queued for one socket at once leave in one write (see
     * {@link ServerOptions#coalesceSends}); otherwise each message is its own write.
     */
    public Clients(URI uri, int threads, boolean coalesce) {
        this(uri, threads, coalesce, MAX_MESSAGE);
    }

    /** {@code maxMessage}: the largest message a socket accepts (a v1 lobby list of 5,000 rooms is ~0.55 MB). */
    public Clients(URI uri, int threads, boolean coalesce, int maxMessage) {
        this.coalesce = coalesce;
        this.maxMessage = maxMessage;
        boolean epoll = Epoll.isAvailable();
        this.transport = (epoll ? "epoll" : "NIO (" + Epoll.unavailabilityCause() + ")") + ", " + threads
                + " event-loop thread" + (threads == 1 ? "" : "s") + (coalesce ? ", queued sends coalesced" : "");
        this.loops = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("bench-ws", true),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        this.bootstrap = new Bootstrap().group(loops)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, TIMEOUT_MS)
                .option(ChannelOption.TCP_NODELAY, true)
                // Reads start at 16 KiB: Netty's adaptive default starts at 2 KiB, and a socket
                // reads too few messages to grow it, so a 5 KB offer would take three reads.
                .option(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(64, 16 * 1024, MAX_MESSAGE))
                .remoteAddress(new InetSocketAddress(uri.getHost(), uri.getPort()));
        // Client frames are masked (the default, and RFC 6455 requires it). The server's text is
        // not UTF-8-validated here: decoding it is all the generator needs.
        this.protocol = WebSocketClientProtocolConfig.newBuilder().webSocketUri(uri)
                .maxFramePayloadLength(maxMessage).handshakeTimeoutMillis(TIMEOUT_MS)
                .withUTF8Validator(false).build();
    }

    /** "epoll, 1 event-loop thread", for the run's log. */
    public String transport() {
        return transport;
    }

    public CompletableFuture<BenchSocket> connect() {
        BenchSocket s = new BenchSocket(coalesce);
        bootstrap.clone().handler(pipeline(s)).connect().addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                s.connectFailed(f.cause());
            }
        });
        return s.opened().thenApply(x -> {
            synchronized (open) {
                open.add(s);
            }
            return s;
        });
    }

    private ChannelInitializer<Channel> pipeline(BenchSocket socket) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(
                        // Replies written while a socket is reading leave in one write at the
                        // end of that read, not one system call each.
                        new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, false),
                        new HttpClientCodec(),
                        new HttpObjectAggregator(8192),
                        new WebSocketClientProtocolHandler(protocol),
                        new WebSocketFrameAggregator(maxMessage),
                        socket);
            }
        };
    }

    /**
     * Opens {@code count} sockets, at most {@code parallel} handshakes at once, and runs
     * {@code afterOpen} on each (its future must end when that client is ready); returns them in
     * order of index.
     */
    public <T> List<T> openMany(int count, int parallel, Duration limit,
                                java.util.function.BiFunction<Integer, BenchSocket, CompletableFuture<T>> afterOpen)
            throws InterruptedException, TimeoutException {
        Semaphore permits = new Semaphore(parallel);
        List<CompletableFuture<T>> all = new ArrayList<>(count);
        long deadline = System.nanoTime() + limit.toNanos();
        for (int i = 0; i < count; i++) {
            if (!permits.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new TimeoutException("opening " + count + " clients took longer than " + limit);
            }
            int index = i;
            CompletableFuture<T> f = connect().thenCompose(s -> afterOpen.apply(index, s))
                    .whenComplete((x, e) -> permits.release());
            all.add(f);
        }
        List<T> result = new ArrayList<>(count);
        for (CompletableFuture<T> f : all) {
            try {
                result.add(f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a client failed to open: " + e.getCause(), e.getCause());
            }
        }
        return result;
    }

    /** Completes when the socket's welcome arrived, as a set-up step for {@link #openMany}. */
    public static CompletableFuture<BenchSocket> welcomed(BenchSocket s) {
        return s.expect(m -> Wire.isType(m, "welcome")).thenApply(m -> s);
    }

    /** Closes the given sockets (close handshake, bounded), forgetting them. */
    public void closeAll(List<BenchSocket> sockets, Duration limit) {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (BenchSocket s : sockets) {
            closing.add(s.closeAsync());
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            System.err.println("some sockets did not close within " + limit + "; aborting them");
        }
        for (BenchSocket s : sockets) {
            s.abort();
        }
        synchronized (open) {
            open.removeAll(sockets);
        }
    }

    @Override
    public void close() {
        List<BenchSocket> all;
        synchronized (open) {
            all = new ArrayList<>(open);
        }
        closeAll(all, Duration.ofSeconds(10));
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
