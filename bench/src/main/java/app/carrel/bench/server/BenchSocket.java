package app.carrel.bench.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * One load-generator connection: the last handler of its Netty WebSocket pipeline (built by
 * {@link Clients}). The socket lives on one event-loop thread: received messages go to the current
 * {@link Handler} there, and every send is written there, a stamped one built at that moment
 * ({@code System.nanoTime()} just before the write), so relay latency excludes queueing in the
 * generator. The default handler files messages in an {@link Inbox} read with {@link #await}.
 */
public final class BenchSocket extends ChannelInboundHandlerAdapter {

    /**
     * Called on the socket's event-loop thread, in arrival order, with the message's UTF-8 bytes
     * (read them with {@link Relay}; {@link Relay#text} decodes). The buffer is released when the
     * call returns.
     */
    public interface Handler {
        void onMessage(BenchSocket socket, ByteBuf json, long arrivedNanos);
    }

    private final Inbox inbox = new Inbox();
    private final Handler toInbox = (s, json, at) -> s.inbox.file(Relay.text(json));
    private volatile Handler handler = toInbox;
    private final CompletableFuture<BenchSocket> opened = new CompletableFuture<>();
    /**
     * Sends handed to the event loop and not yet written. While there are any, a send made on the
     * loop itself queues behind them too: every socket writes in the order {@code send} was called.
     */
    private final AtomicInteger queued = new AtomicInteger();
    /** Whether queued sends are flushed together by the last of them (see {@link #send}). */
    private final boolean coalesce;
    private volatile Channel channel;
    private volatile Throwable failure;
    /** Free for the benchmark that drives this socket (peer id, counters' owner, …). */
    public volatile Object tag;

    BenchSocket(boolean coalesce) {
        this.coalesce = coalesce;
    }

    /** Completes on the event loop when the WebSocket handshake has. */
    CompletableFuture<BenchSocket> opened() {
        return opened;
    }

    /** The TCP connect failed: there will be no handshake. */
    void connectFailed(Throwable cause) {
        noteFailure(cause);
        opened.completeExceptionally(cause);
    }

    public void handler(Handler h) {
        this.handler = h == null ? toInbox : h;
    }

    public void send(String text) {
        send(null, 0, text);
    }

    /**
     * Sends {@code message} stamped with {@code System.nanoTime()} on the event loop just before it
     * is written, and sequence number {@code n}.
     */
    public void sendStamped(Relay.Template message, int n) {
        send(message, n, null);
    }

    private void send(Relay.Template message, int n, String text) {
        Channel ch = channel;
        EventLoop loop = ch.eventLoop();
        if (loop.inEventLoop() && queued.get() == 0) {
            write(ch, message, n, text, true);
        } else {
            queued.incrementAndGet();
            loop.execute(() -> {
                // With coalesce, sends that were queued together leave together: the last one
                // flushes them in one system call, as replies written while a socket reads do.
                boolean last = queued.decrementAndGet() == 0;
                write(ch, message, n, text, last || !coalesce);
            });
        }
    }

    private static void write(Channel ch, Relay.Template message, int n, String text, boolean flush) {
        ByteBuf payload;
        if (text != null) {
            payload = ByteBufUtil.writeUtf8(ch.alloc(), text);
        } else {
            payload = ch.alloc().buffer(message.maxSize());
            message.write(payload, System.nanoTime(), n);
        }
        // Flushed at once, or, when written while this socket is reading (an echo), with the
        // others at the end of that read (FlushConsolidationHandler). A failure reaches
        // exceptionCaught through the void promise.
        if (flush) {
            ch.writeAndFlush(new TextWebSocketFrame(payload), ch.voidPromise());
        } else {
            ch.write(new TextWebSocketFrame(payload), ch.voidPromise());
        }
    }

    /**
     * The first unclaimed message (already received or still to come) that matches; it is taken
     * out of the inbox, others stay. Completes on the event loop: never block in a callback.
     */
    public CompletableFuture<String> expect(Predicate<String> wanted) {
        return inbox.expect(wanted);
    }

    public String await(Predicate<String> wanted, Duration limit)
            throws InterruptedException, TimeoutException, ExecutionException {
        CompletableFuture<String> f = expect(wanted);
        try {
            return f.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(false);
            throw new TimeoutException("no matching message within " + limit + (failure == null ? "" : "; " + failure));
        }
    }

    public Throwable failure() {
        return failure;
    }

    /**
     * Sends a close frame; completes when the connection is closed (the protocol handler closes
     * it when the server's close frame comes back, or after its force-close timeout).
     */
    public CompletableFuture<Void> closeAsync() {
        Channel ch = channel;
        CompletableFuture<Void> closed = new CompletableFuture<>();
        ch.closeFuture().addListener(f -> closed.complete(null));
        if (ch.isActive()) {
            ch.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE, "bench done")).addListener(f -> {
                if (!f.isSuccess()) {
                    noteFailure(f.cause());
                    ch.close();
                }
            });
        }
        return closed;
    }

    /** Closes the TCP connection without a close handshake. */
    public void abort() {
        channel.close();
    }

    private void noteFailure(Throwable e) {
        if (e != null && failure == null) {
            failure = e;
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        long at = System.nanoTime();
        try {
            if (msg instanceof TextWebSocketFrame text) {
                handler.onMessage(this, text.content(), at);
            } else {
                noteFailure(new IOException("unexpected frame from the server: " + msg));
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            opened.complete(this);
        } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            connectFailed(new TimeoutException("no WebSocket handshake response"));
            ctx.close();
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        // Every socket closes at the end: only build the exception (and its stack) when it is news.
        if (!opened.isDone()) {
            opened.completeExceptionally(new IOException("closed before the WebSocket handshake completed"
                    + (failure == null ? "" : ": " + failure)));
        }
        ctx.fireChannelInactive();
    }

    /** I/O errors close the channel by themselves; a failed handshake is closed here. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        noteFailure(cause);
        if (!opened.isDone()) {
            opened.completeExceptionally(cause);
            ctx.close();
        }
    }
}
