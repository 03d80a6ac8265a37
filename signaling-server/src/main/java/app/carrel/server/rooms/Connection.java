package app.carrel.server.rooms;

import java.util.ArrayDeque;

/**
 * One client connection as room logic sees it. Who owns what:
 * <ul>
 *   <li>{@code outlet} is fixed at open and thread-safe.</li>
 *   <li>Everything else is owned by the rooms thread; nothing here is synchronized.</li>
 * </ul>
 * The access fields ({@code address}, {@code accessRefused}, {@code accessAdmitted}) are
 * {@code access.AccessGate}'s, on the rooms thread like the rest; {@code address} is fixed at open.
 * What only the socket side needs (the rate limiter, when the client was last heard) is kept
 * beside it in {@code gateway.Inlet}, so room logic never sees it.
 */
public final class Connection {
    private final Outlet outlet;

    private Participant participant;
    private boolean lobbySubscriber;
    private boolean closed;
    /** This client joined with {@code "moderation":true}: it understands the owner messages. */
    private boolean moderation;
    /** This client joined with {@code "study":true}: goal, presence, check-in messages and long breaks. */
    private boolean study;
    /** True while a request of this connection waits on slow work (a password hash). */
    private boolean busy;
    /** Requests that arrived while busy, run in order once it is done. */
    private final ArrayDeque<Runnable> backlog = new ArrayDeque<>();

    /** The quota key of a connection whose remote address is not known (unit tests). */
    public static final String NO_ADDRESS = "(none)";

    /** Whose per-address quota this connection counts against ({@code access.AddressKey}). */
    private final String address;
    /** Refused at open (its address had too many connections): closing, answered nothing more. */
    private boolean accessRefused;
    /** Gave the server's join code. */
    private boolean accessAdmitted;

    public Connection(Outlet outlet) {
        this(outlet, NO_ADDRESS);
    }

    public Connection(Outlet outlet, String address) {
        this.outlet = outlet;
        this.address = address;
    }

    public String address() {
        return address;
    }

    public boolean accessRefused() {
        return accessRefused;
    }

    public void refuseAccess() {
        accessRefused = true;
    }

    public boolean accessAdmitted() {
        return accessAdmitted;
    }

    public void admitAccess() {
        accessAdmitted = true;
    }

    public Outlet outlet() {
        return outlet;
    }

    /** Sends unless the connection is gone; a vanished socket is not an error here. */
    public void send(String json) {
        if (!closed) {
            outlet.send(json);
        }
    }

    /** Like {@link #send(String)}, for a message encoded once for many receivers ({@link Outlet#sendEncoded}). */
    public void sendEncoded(byte[] utf8) {
        if (!closed) {
            outlet.sendEncoded(utf8);
        }
    }

    public Participant participant() {
        return participant;
    }

    /** Seating's: this connection now speaks for {@code p} (see {@link Participant#connection}). */
    public void seat(Participant p) {
        this.participant = p;
    }

    public void unseat() {
        this.participant = null;
    }

    public boolean lobbySubscriber() {
        return lobbySubscriber;
    }

    public void lobbySubscriber(boolean subscribed) {
        this.lobbySubscriber = subscribed;
    }

    public boolean moderation() {
        return moderation;
    }

    public void moderation(boolean understands) {
        this.moderation = understands;
    }

    public boolean study() {
        return study;
    }

    public void study(boolean understands) {
        this.study = understands;
    }

    public boolean closed() {
        return closed;
    }

    /** The socket is gone: nothing more is sent, and requests still queued are dropped. */
    public void markClosed() {
        closed = true;
        backlog.clear();
    }

    boolean busy() {
        return busy;
    }

    void busy(boolean busy) {
        this.busy = busy;
    }

    ArrayDeque<Runnable> backlog() {
        return backlog;
    }
}
