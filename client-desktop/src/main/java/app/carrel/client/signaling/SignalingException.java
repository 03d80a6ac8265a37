package app.carrel.client.signaling;

import app.carrel.protocol.ErrorCode;

/** A request the server refused ({@code code} set), or a connection that failed (no code). */
public final class SignalingException extends RuntimeException {

    private final ErrorCode code;

    public SignalingException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public SignalingException(String message, Throwable cause) {
        super(message, cause);
        this.code = null;
    }

    /** The server's error code, or {@code null} when the connection itself failed. */
    public ErrorCode code() {
        return code;
    }

    /** Strips the CompletionException/ExecutionException wrappers futures put around a failure. */
    public static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The one-line reason a person reads: the wire code first when there is one. */
    public String reason() {
        return code == null ? getMessage() : code.wire() + ": " + getMessage();
    }
}
