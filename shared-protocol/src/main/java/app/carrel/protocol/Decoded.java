package app.carrel.protocol;

/**
 * The outcome of decoding one text frame: the message, or what was wrong with it. Malformed
 * input is a value, never an exception, so each fault keeps its own code.
 */
public sealed interface Decoded<T> {

    record Ok<T>(T message) implements Decoded<T> {
    }

    /**
     * Input that is not a valid message. {@code id} is the request id when one could be read
     * (a string of at most 64 code points), so the error can echo it.
     */
    record Invalid<T>(String id, ErrorCode code, String reason) implements Decoded<T> {
    }
}
