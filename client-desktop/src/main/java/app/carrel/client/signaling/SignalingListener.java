package app.carrel.client.signaling;

import app.carrel.protocol.ServerMessage;

/** What a {@link SignalingClient} reports; every call arrives on the executor it was given. */
public interface SignalingListener {

    /** A message that is not the answer to one of our requests (pushes, relays, broadcasts). */
    void onMessage(ServerMessage message);

    /** The socket closed; {@code byUs} when {@link SignalingClient#close()} asked for it. */
    void onClosed(int code, String reason, boolean byUs);
}
