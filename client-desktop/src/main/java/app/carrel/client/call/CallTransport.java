package app.carrel.client.call;

import app.carrel.protocol.Peer;
import app.carrel.protocol.ServerMessage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * How a call's media is carried once we are seated: the seam between the room (who is there,
 * what they send, see {@link RoomCall}) and the connections. Today's one way is the mesh
 * ({@link MeshTransport}: a peer connection to each participant); an SFU transport goes beside it,
 * chosen in {@link JoinWorkflow#transportFor}. Everything runs on the engine thread except
 * {@link #remoteMedia}, which any thread may read.
 */
interface CallTransport {

    /** We just joined and found {@code present} there. */
    void start(List<Peer> present);

    /** Someone joined after us. */
    void peerJoined(Peer peer);

    /** Someone left: close what carried them and forget what arrived from them. */
    void peerLeft(String peerId);

    /** An offer, answer or ICE candidate the server relayed from another participant. */
    void onRelayed(ServerMessage message);

    /**
     * We are back after a signaling outage, seated as {@code joined.self()} with
     * {@code joined.peers()}; {@code fresh} when the seat was lost and we came back as a new
     * participant (the leavers have already been told to {@link #peerLeft}).
     */
    void resumed(ServerMessage.Joined joined, boolean fresh);

    /** Our microphone was switched: start or stop sending audio, without renegotiating. */
    void audioChanged();

    /**
     * Our camera was switched ({@link LocalTracks#camera} is a new track): send it instead of the
     * old one, without renegotiating, and let go of the old track before this returns (the room
     * frees it next).
     */
    void cameraChanged();

    /** Our screen share started or stopped. */
    void screenChanged();

    /**
     * Whose video the person is shown now (a page of tiles, the speaker, a pinned screen). A
     * transport may stop receiving the others' video to save bandwidth; audio is never affected.
     */
    void showVideoOf(Set<String> peerIds);

    /**
     * Whose tiles among those shown are large (the stage). A transport that receives several sizes
     * of each video gives these the largest; the default, for one that receives one size, ignores it.
     */
    default void showLargeVideoOf(Set<String> peerIds) {
    }

    /** "mesh" or "sfu": how this call is carried, for reports. */
    String kind();

    /** Where one participant's decoded video goes (null: nowhere); nothing for someone not here. */
    default void setSink(String peerId, RemoteVideoSink sink) {
        RemoteMedia remote = remoteMedia(peerId);
        if (remote != null) {
            remote.setSink(sink);
        }
    }

    /** What has arrived from one participant, or null; any thread. */
    RemoteMedia remoteMedia(String peerId);

    /** The state of what carries one participant, or null when nothing does. */
    ConnectionState connectionState(String peerId);

    /** The participants something carries, in the order they came. */
    List<String> connectedPeerIds();

    CompletableFuture<PeerStats> stats(String peerId);

    /** Every byte our connections have sent (uplink) and received (downlink) so far. */
    CompletableFuture<Traffic> traffic();

    /** Lets go of every connection; our own media is closed by the room after this. */
    void close();
}
