package app.carrel.client.room;

import app.carrel.protocol.ErrorCode;

/** A join that did not happen: a sentence for the person, and the server's code when it gave one. */
public final class JoinFailure extends RuntimeException {

    private final ErrorCode code;

    JoinFailure(String message, ErrorCode code) {
        super(message);
        this.code = code;
    }

    /** Null when the server gave no code (it could not be reached, or the failure was ours). */
    public ErrorCode code() {
        return code;
    }

    public boolean wrongPassword() {
        return code == ErrorCode.WRONG_PASSWORD;
    }
}
