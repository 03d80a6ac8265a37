package app.carrel.client.call;

/**
 * One participant's connection at a moment: the camera video we receive from them, bitrates both
 * ways (kbit/s since the previous sample, 0 on the first), round trip, loss, and the type of the
 * selected local ICE candidate (host, srflx, prflx, relay; null before one is selected).
 * {@code bytesSent} and {@code bytesReceived} are the media payload this connection has sent and
 * received (in a hall: received from this participant) since it was made (RTP headers and
 * padding excluded), for averages over a longer run than one sample.
 */
public record PeerStats(String peerId, ConnectionState state, long framesDecoded, double fps, int width, int height,
                        long kbpsIn, long kbpsOut, Double rttMs, long packetsLost, double lossPercent,
                        String candidateType, long bytesSent, long bytesReceived) {
}
