package app.carrel.protocol;

/**
 * One m-line of a hall subscriber's offer: which participant's what arrives on {@code mid}.
 * {@code peer} is null for an m-line Janus keeps inactive after its stream went away.
 */
public record SfuStream(String mid, String peer, StreamKind kind) {
}
