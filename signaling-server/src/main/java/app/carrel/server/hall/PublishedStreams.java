package app.carrel.server.hall;

import app.carrel.protocol.StreamKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a publisher sends from its SDP offer: audio and video m-lines with their mids, the
 * one named as the screen marked so. The server needs it to subscribe others stream by stream
 * (audio from everyone, video only from whom they view). Pure.
 */
final class PublishedStreams {

    private PublishedStreams() {
    }

    static List<PublishedStream> of(String sdp, String screenMid) {
        List<PublishedStream> streams = new ArrayList<>();
        String media = null;
        boolean rejected = false;
        String mid = null;
        boolean sending = true;
        int rids = 0;
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("m=")) {
                add(streams, media, rejected, mid, sending, screenMid, rids);
                rids = 0;
                String[] parts = line.substring(2).split(" ");
                media = parts[0];
                rejected = parts.length > 1 && "0".equals(parts[1]);
                mid = null;
                sending = true;
            } else if (line.startsWith("a=mid:")) {
                mid = line.substring("a=mid:".length()).trim();
            } else if (line.equals("a=inactive") || line.equals("a=recvonly")) {
                sending = false;
            } else if (line.startsWith("a=rid:") && line.endsWith(" send")) {
                rids++;
            }
        }
        add(streams, media, rejected, mid, sending, screenMid, rids);
        return List.copyOf(streams);
    }

    private static void add(List<PublishedStream> streams, String media, boolean rejected, String mid,
                            boolean sending, String screenMid, int rids) {
        if (media == null || rejected || mid == null || !sending) {
            return;
        }
        if (media.equals("audio")) {
            streams.add(new PublishedStream(mid, StreamKind.AUDIO));
        } else if (media.equals("video")) {
            streams.add(new PublishedStream(mid, mid.equals(screenMid) ? StreamKind.SCREEN : StreamKind.CAMERA,
                    Math.max(1, rids)));
        }
    }
}
