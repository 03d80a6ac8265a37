package app.carrel.protocol;

/**
 * A trickled ICE candidate. An empty {@code candidate} string signals the end of candidates.
 */
public record IceCandidate(String candidate, String sdpMid, Integer sdpMLineIndex) {
}
