package app.carrel.client.call;

/** What a {@link PeerSession} reports to its engine, always on the engine thread. */
interface PeerEvents {

    void onConnectionState(String peerId, ConnectionState state);

    void onProblem(String message);
}
