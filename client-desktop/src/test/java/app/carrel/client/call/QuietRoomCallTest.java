package app.carrel.client.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.NoLeaksExtension;
import app.carrel.client.media.AudioBackend;
import app.carrel.protocol.Codec;
import app.carrel.protocol.Decoded;
import app.carrel.protocol.ServerMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quiet rooms with real webrtc-java peers (docs/protocol.md §13): the server's relay makes every
 * audio m-section inactive, so a tone that a loud room carries does not cross a quiet one, though
 * the sender's client believes its microphone is on. The engine knows nothing of quiet rooms here:
 * the server alone keeps the audio off the wire.
 */
@ExtendWith(NoLeaksExtension.class)
class QuietRoomCallTest {
    private static final double SPEAKING = 0.05;
    /** Camera frames b decodes from a before its audio is judged: 3 s at the fixture's 15 fps. */
    private static final int FRAMES = 45;

    @TempDir
    Path dir;

    @Test
    void aQuietRoomCarriesVideoButNoAudioWhateverTheClientSends() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            double loud = loudestToneAtB(call, call.createRoom(call.engine("x", CallFixture.GREEN, new EventRecorder()),
                    "Loud", 2), "loud");
            assertTrue(loud > SPEAKING, "the control: in a loud room b hears a's tone (" + loud + ")");
            double quiet = loudestToneAtB(call, createQuietRoom(call.uri(), 2), "quiet");
            assertTrue(quiet < AudioLevels.SILENT, "a's tone crossed the quiet room at " + quiet);
        }
    }

    /** a (a tone) and b join the room; once b has decoded 3 s of a's video, the loudest a was at b. */
    static double loudestToneAtB(CallFixture call, String room, String label) throws Exception {
        EventRecorder atB = new EventRecorder();
        CallEngine a = call.engine("a-" + label, CallFixture.RED, new EventRecorder(), AudioBackend.synthetic("test tone"));
        CallEngine b = call.engine("b-" + label, CallFixture.BLUE, atB);
        call.join(a, room);
        call.join(b, room);
        String aId = a.selfId();
        b.showVideoOf(List.of(aId));
        CallFixture.awaitFrames(b, aId, FRAMES);
        boolean mesh = !"sfu".equals(b.transportKind());
        String remote = mesh ? b.inspect(r -> ((MeshTransport) r.transport()).sessionTo(aId).remoteSdp()) : null;
        String audioDirection = mesh ? audioDirection(remote) : "(hall: Janus's)";
        double loudest = 0;
        for (EventRecorder.Event e : atB.drain()) {
            if (e.kind().equals("audio-level") && aId.equals(e.peerId())) {
                loudest = Math.max(loudest, (double) e.value());
            }
        }
        System.out.printf("QuietRoomCallTest: %s room: a's microphone switch %s, audio %s in a's SDP at b,"
                + " a's loudest at b %.4f%n", label, a.localMedia().audio() ? "on" : "off", audioDirection, loudest);
        if (mesh && label.equals("quiet")) {
            assertEquals("a=inactive", audioDirection, remote);
        }
        return loudest;
    }

    private static String audioDirection(String sdp) {
        boolean inAudio = false;
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("m=")) {
                inAudio = line.startsWith("m=audio");
            } else if (inAudio && List.of("a=sendrecv", "a=sendonly", "a=recvonly", "a=inactive").contains(line)) {
                return line;
            }
        }
        return null;
    }

    /** The engine has no quiet option (that is the client's work): the room is made over a plain socket. */
    static String createQuietRoom(URI server, int capacity) throws Exception {
        Codec codec = new Codec();
        CompletableFuture<String> roomId = new CompletableFuture<>();
        StringBuilder partial = new StringBuilder();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(server, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    Decoded<ServerMessage> decoded = codec.decodeServer(partial.toString());
                    partial.setLength(0);
                    if (decoded instanceof Decoded.Ok<ServerMessage> ok
                            && ok.message() instanceof ServerMessage.RoomCreated created) {
                        roomId.complete(created.room().id());
                    }
                }
                ws.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        try {
            socket.sendText("{\"type\":\"create-room\",\"id\":\"q\",\"name\":\"Quiet\",\"capacity\":" + capacity
                            + ",\"quiet\":true}", true)
                    .get(10, TimeUnit.SECONDS);
            return roomId.get(10, TimeUnit.SECONDS);
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
            socket.abort();
        }
    }
}
