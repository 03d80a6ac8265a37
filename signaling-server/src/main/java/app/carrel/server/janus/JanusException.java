package app.carrel.server.janus;

/** Janus refused a request, or the connection to it was lost before it answered. */
public final class JanusException extends RuntimeException {
    private final int code;

    public JanusException(int code, String reason) {
        super(reason + (code == 0 ? "" : " (Janus error " + code + ")"));
        this.code = code;
    }

    /** Janus's error code (core or plugin), 0 when the connection failed. */
    public int code() {
        return code;
    }
}
