package app.carrel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodecTest {

    private final Codec codec = new Codec();
    private final ObjectMapper plain = new ObjectMapper();

    private ClientMessage client(String json) {
        Decoded<ClientMessage> decoded = codec.decodeClient(json);
        return assertInstanceOf(Decoded.Ok.class, decoded, () -> "expected valid: " + json + " got " + decoded)
                .message() instanceof ClientMessage m ? m : null;
    }

    private Decoded.Invalid<ClientMessage> invalid(String json) {
        Decoded<ClientMessage> decoded = codec.decodeClient(json);
        @SuppressWarnings("unchecked")
        Decoded.Invalid<ClientMessage> invalid = assertInstanceOf(Decoded.Invalid.class, decoded,
                () -> "expected invalid: " + json + " got " + decoded);
        return invalid;
    }

    /** Asserts the encoded message is the same JSON (as a tree) as the contract's example. */
    private void assertEncodes(String expectedJson, ServerMessage message) throws Exception {
        JsonNode expected = plain.readTree(expectedJson);
        JsonNode actual = plain.readTree(codec.encode(message));
        assertEquals(expected, actual);
        assertEquals(message, ((Decoded.Ok<ServerMessage>) codec.decodeServer(expectedJson)).message());
    }

    private void assertRoundTrip(String json, ClientMessage expected) throws Exception {
        assertEquals(expected, client(json));
        assertEquals(plain.readTree(json), plain.readTree(codec.encode(expected)));
    }

    @Test
    void clientMessagesMatchTheContract() throws Exception {
        assertRoundTrip("{\"type\":\"list-rooms\",\"id\":\"1\"}", new ClientMessage.ListRooms("1"));
        assertRoundTrip("{\"type\":\"create-room\",\"id\":\"2\",\"name\":\"Algorithms\",\"capacity\":4,\"password\":\"optional\"}",
                new ClientMessage.CreateRoom("2", "Algorithms", 4, "optional"));
        assertRoundTrip("{\"type\":\"join\",\"id\":\"3\",\"room\":\"r\",\"name\":\"Alice\",\"password\":\"p\",\"resume\":\"t\",\"audio\":false}",
                new ClientMessage.Join("3", "r", "Alice", "p", "t", false, null, null));
        assertRoundTrip("{\"type\":\"leave\",\"id\":\"4\"}", new ClientMessage.Leave("4"));
        assertRoundTrip("{\"type\":\"offer\",\"to\":\"u\",\"sdp\":\"v=0\"}", new ClientMessage.Offer(null, "u", "v=0"));
        assertRoundTrip("{\"type\":\"answer\",\"to\":\"u\",\"sdp\":\"v=0\"}", new ClientMessage.Answer(null, "u", "v=0"));
        assertRoundTrip("{\"type\":\"ice\",\"to\":\"u\",\"candidate\":{\"candidate\":\"candidate:1\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}",
                new ClientMessage.Ice(null, "u", new IceCandidate("candidate:1", "0", 0)));
        assertRoundTrip("{\"type\":\"media-state\",\"audio\":false,\"video\":true,\"screen\":false}",
                new ClientMessage.MediaState(null, false, true, false));
        assertRoundTrip("{\"type\":\"chat\",\"id\":\"5\",\"text\":\"hi\"}", new ClientMessage.Chat("5", "hi"));
        assertRoundTrip("{\"type\":\"timer\",\"id\":\"6\",\"action\":\"start\",\"phase\":\"focus\",\"seconds\":1500}",
                new ClientMessage.Timer("6", TimerAction.START, TimerPhase.FOCUS, 1500));
        assertRoundTrip("{\"type\":\"timer\",\"action\":\"reset\"}", new ClientMessage.Timer(null, TimerAction.RESET, null, null));
    }

    @Test
    void serverMessagesMatchTheContract() throws Exception {
        Room room = new Room("r1", "Algorithms", 2, 4, false);
        assertEncodes("{\"type\":\"welcome\",\"protocol\":1,\"server\":\"carrel/0.1\"}", new ServerMessage.Welcome(1, "carrel/0.1"));
        assertEncodes("{\"type\":\"rooms\",\"id\":\"1\",\"rooms\":[{\"id\":\"r1\",\"name\":\"Algorithms\",\"participants\":2,\"capacity\":4,\"locked\":false}]}",
                new ServerMessage.Rooms("1", List.of(room)));
        assertEncodes("{\"type\":\"rooms\",\"rooms\":[]}", new ServerMessage.Rooms(null, List.of()));
        assertEncodes("{\"type\":\"room-created\",\"id\":\"2\",\"room\":{\"id\":\"r1\",\"name\":\"Algorithms\",\"participants\":2,\"capacity\":4,\"locked\":false}}",
                new ServerMessage.RoomCreated("2", room));
        ServerMessage.Chat chat = new ServerMessage.Chat(null, "u1", "Alice", "hi", 1732190000000L, 17);
        ServerMessage.Timer timer = new ServerMessage.Timer(null, TimerPhase.FOCUS, true, 1500, 1732191500000L, 1500, "u1");
        assertEncodes("{\"type\":\"joined\",\"id\":\"3\",\"room\":{\"id\":\"r1\",\"name\":\"Algorithms\",\"participants\":2,\"capacity\":4,\"locked\":false},"
                        + "\"self\":{\"id\":\"u2\",\"name\":\"Alice\"},\"resume\":\"tok\","
                        + "\"peers\":[{\"id\":\"u1\",\"name\":\"Bob\",\"audio\":true,\"video\":true,\"screen\":false}],"
                        + "\"iceServers\":[{\"urls\":[\"stun:a\",\"turn:b\"],\"username\":\"x\",\"credential\":\"y\"},{\"urls\":[\"stun:c\"]}],"
                        + "\"chat\":[{\"type\":\"chat\",\"from\":\"u1\",\"name\":\"Alice\",\"text\":\"hi\",\"at\":1732190000000,\"seq\":17}],"
                        + "\"timer\":{\"type\":\"timer\",\"phase\":\"focus\",\"running\":true,\"seconds\":1500,\"endsAt\":1732191500000,\"remaining\":1500,\"by\":\"u1\",\"byName\":null,\"round\":0}}",
                new ServerMessage.Joined("3", room, new Self("u2", "Alice"), "tok",
                        List.of(new Peer("u1", "Bob", true, true, false)),
                        List.of(new IceServer(List.of("stun:a", "turn:b"), "x", "y"), new IceServer(List.of("stun:c"), null, null)),
                        List.of(chat), timer));
        assertEncodes("{\"type\":\"joined\",\"room\":{\"id\":\"r1\",\"name\":\"Algorithms\",\"participants\":2,\"capacity\":4,\"locked\":false},"
                        + "\"self\":{\"id\":\"u2\",\"name\":\"Alice\"},\"resume\":\"tok\",\"peers\":[],\"iceServers\":[],\"chat\":[],\"timer\":null}",
                new ServerMessage.Joined(null, room, new Self("u2", "Alice"), "tok", List.of(), List.of(), List.of(), null));
        assertEncodes("{\"type\":\"peer-joined\",\"peer\":{\"id\":\"u1\",\"name\":\"Alice\",\"audio\":true,\"video\":true,\"screen\":false}}",
                new ServerMessage.PeerJoined(new Peer("u1", "Alice", true, true, false)));
        assertEncodes("{\"type\":\"peer-left\",\"peer\":\"u1\"}", new ServerMessage.PeerLeft("u1"));
        assertEncodes("{\"type\":\"left\",\"id\":\"4\"}", new ServerMessage.Left("4"));
        assertEncodes("{\"type\":\"offer\",\"from\":\"u1\",\"sdp\":\"v=0\"}", new ServerMessage.Offer("u1", "v=0"));
        assertEncodes("{\"type\":\"answer\",\"from\":\"u1\",\"sdp\":\"v=0\"}", new ServerMessage.Answer("u1", "v=0"));
        assertEncodes("{\"type\":\"ice\",\"from\":\"u1\",\"candidate\":{\"candidate\":\"candidate:1\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}",
                new ServerMessage.Ice("u1", new IceCandidate("candidate:1", "0", 0)));
        assertEncodes("{\"type\":\"media-state\",\"from\":\"u1\",\"audio\":false,\"video\":true,\"screen\":false}",
                new ServerMessage.MediaState("u1", false, true, false));
        assertEncodes("{\"type\":\"chat\",\"id\":\"5\",\"from\":\"u1\",\"name\":\"Alice\",\"text\":\"hi\",\"at\":1732190000000,\"seq\":17}",
                chat.withId("5"));
        assertEncodes("{\"type\":\"timer\",\"phase\":\"break\",\"running\":false,\"seconds\":300,\"endsAt\":null,\"remaining\":120,\"by\":\"u1\",\"byName\":null,\"round\":0}",
                new ServerMessage.Timer(null, TimerPhase.BREAK, false, 300, null, 120, "u1"));
        assertEncodes("{\"type\":\"error\",\"id\":\"9\",\"code\":\"room-full\",\"message\":\"Room 'Algorithms' is full (4/4)\"}",
                new ServerMessage.Error("9", ErrorCode.ROOM_FULL, "Room 'Algorithms' is full (4/4)"));
    }

    @Test
    void unknownFieldsAndClientSentFromAreIgnored() {
        assertEquals(new ClientMessage.Offer(null, "u", "v=0"),
                client("{\"type\":\"offer\",\"from\":\"forged\",\"to\":\"u\",\"sdp\":\"v=0\",\"extra\":[1,2]}"));
    }

    @Test
    void anIceCandidateIsRelayedWithEveryFieldExactlyAsSent() {
        String candidate = "{\"candidate\":\"candidate:1 1 udp 2122260223 10.0.0.1 54321 typ host\",\"sdpMid\":null,"
                + "\"sdpMLineIndex\":0,\"usernameFragment\":\"Zx9q\",\"x-future\":{\"list\":[1.50,1e400,"
                + "123456789012345678901234567890,null,true],\"s\":\"\\u00e9\"}}";
        IceCandidate decoded = ((ClientMessage.Ice) client("{\"type\":\"ice\",\"to\":\"u\",\"candidate\":" + candidate + "}"))
                .candidate();
        assertEquals("Zx9q", decoded.usernameFragment());
        assertNull(decoded.sdpMid());
        assertEquals(0, decoded.sdpMLineIndex());
        assertEquals("{\"type\":\"ice\",\"from\":\"u1\",\"candidate\":"
                        + candidate.replace("1e400", "1E+400").replace("\\u00e9", "\u00e9") + "}",
                codec.encode(new ServerMessage.Ice("u1", decoded)),
                "same fields, same order, same numbers; only the spelling of an exponent and an escape may differ");
        assertEquals(decoded, ((ServerMessage.Ice) ((Decoded.Ok<ServerMessage>) codec.decodeServer(
                codec.encode(new ServerMessage.Ice("u1", decoded)))).message()).candidate());
    }

    @Test
    void aLocalCandidateWritesItsThreeFieldsNullsIncluded() throws Exception {
        assertEquals(plain.readTree("{\"candidate\":\"\",\"sdpMid\":null,\"sdpMLineIndex\":null}"),
                plain.readTree(codec.encode(new ServerMessage.Ice("u1", new IceCandidate("", null, null)))).get("candidate"));
    }

    @Test
    void anyJsonIntegerIsACapacityEvenBeyondLong() {
        assertEquals(new java.math.BigInteger("99999999999999999999999"),
                ((ClientMessage.CreateRoom) client("{\"type\":\"create-room\",\"name\":\"A\",\"capacity\":99999999999999999999999}")).capacity());
        assertEquals(ErrorCode.BAD_REQUEST, invalid("{\"type\":\"create-room\",\"id\":\"7\",\"name\":\"A\",\"capacity\":1e3}").code());
    }

    @Test
    void nullInAnOptionalFieldMeansAbsent() {
        assertEquals(new ClientMessage.CreateRoom(null, "A", (Integer) null, null),
                client("{\"type\":\"create-room\",\"name\":\"A\",\"capacity\":null,\"password\":null}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"create-room\",\"id\":\"7\",\"name\":\"A\",\"capacity\":\"4\"}",
            "{\"type\":\"create-room\",\"id\":\"7\",\"name\":\"A\",\"capacity\":2.5}",
            "{\"type\":\"create-room\",\"id\":\"7\",\"name\":\"A\",\"capacity\":4.0}",
            "{\"type\":\"create-room\",\"id\":\"7\",\"name\":5}",
            "{\"type\":\"create-room\",\"id\":\"7\",\"name\":true}",
            "{\"type\":\"create-room\",\"id\":\"7\",\"name\":{}}",
            "{\"type\":\"media-state\",\"id\":\"7\",\"audio\":1}",
            "{\"type\":\"media-state\",\"id\":\"7\",\"audio\":\"true\"}",
            "{\"type\":\"timer\",\"id\":\"7\",\"action\":\"start\",\"phase\":\"focus\",\"seconds\":\"60\"}",
            "{\"type\":\"timer\",\"id\":\"7\",\"action\":\"explode\"}",
            "{\"type\":\"timer\",\"id\":\"7\",\"action\":0}",
            "{\"type\":\"timer\",\"id\":\"7\",\"action\":\"start\",\"phase\":\"nap\",\"seconds\":60}",
            "{\"type\":\"timer\",\"id\":\"7\",\"action\":\"start\",\"seconds\":60}",
            "{\"type\":\"timer\",\"id\":\"7\",\"action\":\"start\",\"phase\":\"focus\"}",
            "{\"type\":\"timer\",\"id\":\"7\"}",
            "{\"type\":\"ice\",\"id\":\"7\",\"to\":\"u\",\"candidate\":\"candidate:1\"}",
            "{\"type\":\"ice\",\"id\":\"7\",\"to\":\"u\",\"candidate\":{\"sdpMid\":\"0\"}}",
            "{\"type\":\"ice\",\"id\":\"7\",\"to\":\"u\",\"candidate\":{\"candidate\":5}}",
            "{\"type\":\"ice\",\"id\":\"7\",\"to\":\"u\",\"candidate\":{\"candidate\":null}}",
            "{\"type\":\"ice\",\"id\":\"7\",\"to\":\"u\",\"candidate\":{\"candidate\":\"c\",\"sdpMid\":0}}",
            "{\"type\":\"ice\",\"id\":\"7\",\"to\":\"u\",\"candidate\":{\"candidate\":\"c\",\"sdpMLineIndex\":\"0\"}}",
            "{\"type\":\"ice\",\"id\":\"7\",\"to\":\"u\",\"candidate\":{\"candidate\":\"c\",\"sdpMLineIndex\":0.0}}",
            "{\"type\":\"ice\",\"id\":\"7\",\"to\":\"u\",\"candidate\":{\"candidate\":\"c\",\"sdpMLineIndex\":4294967296}}",
            "{\"type\":\"ice\",\"id\":\"7\",\"to\":\"u\",\"candidate\":{\"candidate\":\"c\",\"usernameFragment\":5}}",
            "{\"type\":\"ice\",\"id\":\"7\",\"to\":\"u\",\"candidate\":[\"c\"]}",
            "{\"type\":\"offer\",\"id\":\"7\",\"sdp\":\"v=0\"}",
            "{\"type\":\"join\",\"id\":\"7\",\"name\":\"Alice\"}",
            "{\"type\":\"chat\",\"id\":\"7\"}",
            "{\"type\":\"teleport\",\"id\":\"7\"}",
            "{\"id\":\"7\"}",
            "{\"type\":\"list-rooms\",\"id\":\"7\"} trailing",
            "{\"type\":\"list-rooms\",\"id\":\"7\"}{}",
    })
    void malformedRequestsAreBadRequestsThatEchoTheirId(String json) {
        Decoded.Invalid<ClientMessage> invalid = invalid(json);
        assertEquals(ErrorCode.BAD_REQUEST, invalid.code());
        assertEquals("7", invalid.id(), invalid.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "[1,2]",
            "\"list-rooms\"",
            "{\"type\":\"list-rooms\",\"id\":7}",
            "{\"type\":\"list-rooms\",\"id\":{\"a\":1}}",
            "{\"type\":\"list-rooms\",\"id\":\"12345678901234567890123456789012345678901234567890123456789012345\"}",
    })
    void badRequestsWithoutAReadableIdEchoNone(String json) {
        Decoded.Invalid<ClientMessage> invalid = invalid(json);
        assertEquals(ErrorCode.BAD_REQUEST, invalid.code());
        assertNull(invalid.id());
    }

    /** A newer server's error code is still an error, with its message, not an undecodable line. */
    @Test
    void anErrorCodeThisBuildDoesNotKnowIsReadAsUnknown() {
        var error = assertInstanceOf(ServerMessage.Error.class, ((Decoded.Ok<ServerMessage>) codec.decodeServer(
                "{\"type\":\"error\",\"id\":\"4\",\"code\":\"brand-new-code\",\"message\":\"Why\"}")).message());
        assertEquals(ErrorCode.UNKNOWN, error.code());
        assertEquals("4", error.id());
        assertEquals("Why", error.message());
    }

    /** Only ErrorCode has a default: an unknown value of any other enum is still a bad request. */
    @Test
    void otherEnumsStillRefuseUnknownValues() {
        Decoded.Invalid<ClientMessage> invalid = invalid("{\"type\":\"sfu-ice\",\"id\":\"7\",\"pc\":\"bogus\","
                + "\"candidate\":{\"candidate\":\"\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}");
        assertEquals(ErrorCode.BAD_REQUEST, invalid.code());
    }

    @Test
    void idLimitCountsCodePoints() {
        String sixtyFourEmoji = "\uD83D\uDE00".repeat(64);
        assertEquals(sixtyFourEmoji, client("{\"type\":\"list-rooms\",\"id\":\"" + sixtyFourEmoji + "\"}").id());
    }

    @Test
    void resetNeedsNoPhaseOrSeconds() {
        assertEquals(new ClientMessage.Timer(null, TimerAction.PAUSE, null, null), client("{\"type\":\"timer\",\"action\":\"pause\"}"));
    }

    @Test
    void theJoinCodeExtensionMatchesTheProtocolDoc() throws Exception {
        assertEncodes("{\"type\":\"welcome\",\"protocol\":1,\"server\":\"carrel/0.1\",\"joinCode\":true}",
                new ServerMessage.Welcome(1, "carrel/0.1", true));
        assertRoundTrip("{\"type\":\"join-code\",\"id\":\"1\",\"code\":\"maple 42\"}",
                new ClientMessage.JoinCode("1", "maple 42"));
        assertEncodes("{\"type\":\"join-code-accepted\",\"id\":\"1\"}", new ServerMessage.JoinCodeAccepted("1"));
        assertEncodes("{\"type\":\"error\",\"id\":\"2\",\"code\":\"too-many-room-creations\",\"message\":\"m\"}",
                new ServerMessage.Error("2", ErrorCode.TOO_MANY_ROOM_CREATIONS, "m"));
        assertEquals("code", invalid("{\"type\":\"join-code\",\"id\":\"1\"}").reason().replaceAll(".*'(.*)'.*", "$1"));
        assertEquals(false, new ClientMessage.JoinCode("1", "secret").toString().contains("secret"));
    }

    @Test
    void lobbyDeltasAreAskedForOnListRoomsAndCarryTheWholeRoom() throws Exception {
        assertRoundTrip("{\"type\":\"list-rooms\",\"id\":\"1\",\"deltas\":true}", new ClientMessage.ListRooms("1", true));
        assertEquals(false, new ClientMessage.ListRooms("1").wantsDeltas());
        assertEquals(ErrorCode.BAD_REQUEST, invalid("{\"type\":\"list-rooms\",\"deltas\":\"yes\"}").code());
        Room room = new Room("r1", "Algorithms", 2, 4, false);
        assertEncodes("{\"type\":\"room-added\",\"room\":{\"id\":\"r1\",\"name\":\"Algorithms\",\"participants\":2,\"capacity\":4,\"locked\":false}}",
                new ServerMessage.RoomAdded(room));
        assertEncodes("{\"type\":\"room-changed\",\"room\":{\"id\":\"r1\",\"name\":\"Algorithms\",\"participants\":2,\"capacity\":4,\"locked\":false}}",
                new ServerMessage.RoomChanged(room));
        assertEncodes("{\"type\":\"room-removed\",\"room\":\"r1\"}", new ServerMessage.RoomRemoved("r1"));
    }

    @Test
    void studyRequestsMatchTheProtocolDoc() throws Exception {
        assertRoundTrip("{\"type\":\"join\",\"id\":\"3\",\"room\":\"r\",\"name\":\"Alice\",\"study\":true,\"goal\":\"Chapter 4\"}",
                new ClientMessage.Join("3", "r", "Alice", null, null, null, null, null, null, null, true, "Chapter 4"));
        assertEquals(false, new ClientMessage.Join("3", "r", "Alice").takesStudy());
        assertRoundTrip("{\"type\":\"create-room\",\"id\":\"2\",\"name\":\"Quiet hall\",\"quiet\":true,\"longBreakEvery\":4,\"longBreakSeconds\":900}",
                new ClientMessage.CreateRoom("2", "Quiet hall", (Integer) null, null, true, 4, 900));
        assertRoundTrip("{\"type\":\"set-goal\",\"id\":\"g\",\"goal\":\"Read chapter 5\"}", new ClientMessage.SetGoal("g", "Read chapter 5"));
        assertRoundTrip("{\"type\":\"set-goal\",\"goal\":\"\"}", new ClientMessage.SetGoal(null, ""));
        assertRoundTrip("{\"type\":\"set-presence\",\"id\":\"p\",\"presence\":\"away\"}", new ClientMessage.SetPresence("p", Presence.AWAY));
        assertRoundTrip("{\"type\":\"check-in\",\"id\":\"c\",\"result\":\"not-yet\"}", new ClientMessage.CheckIn("c", CheckInResult.NOT_YET));
        assertRoundTrip("{\"type\":\"timer\",\"action\":\"start\",\"phase\":\"long-break\",\"seconds\":900}",
                new ClientMessage.Timer(null, TimerAction.START, TimerPhase.LONG_BREAK, 900));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"set-goal\",\"id\":\"7\"}",
            "{\"type\":\"set-goal\",\"id\":\"7\",\"goal\":null}",
            "{\"type\":\"set-goal\",\"id\":\"7\",\"goal\":5}",
            "{\"type\":\"set-presence\",\"id\":\"7\"}",
            "{\"type\":\"set-presence\",\"id\":\"7\",\"presence\":\"asleep\"}",
            "{\"type\":\"set-presence\",\"id\":\"7\",\"presence\":true}",
            "{\"type\":\"check-in\",\"id\":\"7\"}",
            "{\"type\":\"check-in\",\"id\":\"7\",\"result\":\"maybe\"}",
            "{\"type\":\"check-in\",\"id\":\"7\",\"result\":1}",
            "{\"type\":\"join\",\"id\":\"7\",\"room\":\"r\",\"name\":\"A\",\"study\":\"yes\"}",
            "{\"type\":\"join\",\"id\":\"7\",\"room\":\"r\",\"name\":\"A\",\"goal\":[]}",
            "{\"type\":\"create-room\",\"id\":\"7\",\"name\":\"A\",\"quiet\":1}",
            "{\"type\":\"create-room\",\"id\":\"7\",\"name\":\"A\",\"longBreakEvery\":\"4\"}",
            "{\"type\":\"create-room\",\"id\":\"7\",\"name\":\"A\",\"longBreakSeconds\":90.5}",
    })
    void malformedStudyRequestsAreBadRequests(String json) {
        Decoded.Invalid<ClientMessage> invalid = invalid(json);
        assertEquals(ErrorCode.BAD_REQUEST, invalid.code());
        assertEquals("7", invalid.id(), invalid.reason());
    }

    @Test
    void studyMessagesMatchTheProtocolDoc() throws Exception {
        assertEncodes("{\"type\":\"goal\",\"id\":\"g\",\"participant\":\"u1\",\"goal\":\"Read chapter 5\"}",
                new ServerMessage.GoalChanged("g", "u1", "Read chapter 5"));
        assertEncodes("{\"type\":\"goal\",\"participant\":\"u1\",\"goal\":null}", new ServerMessage.GoalChanged(null, "u1", null));
        assertEncodes("{\"type\":\"presence\",\"participant\":\"u1\",\"presence\":\"break\"}",
                new ServerMessage.PresenceChanged(null, "u1", Presence.BREAK));
        assertEncodes("{\"type\":\"checked-in\",\"participant\":\"u1\",\"result\":\"partly\"}",
                new ServerMessage.CheckedIn(null, "u1", CheckInResult.PARTLY));
        assertEncodes("{\"type\":\"checked-in\",\"participant\":\"u1\",\"result\":null}", new ServerMessage.CheckedIn(null, "u1", null));
        assertEncodes("{\"type\":\"peer-joined\",\"peer\":{\"id\":\"u1\",\"name\":\"Alice\",\"audio\":false,\"video\":true,\"screen\":false,"
                        + "\"goal\":\"Essay\",\"presence\":\"focus\",\"since\":1732190000000,\"checkIn\":\"done\"}}",
                new ServerMessage.PeerJoined(new Peer("u1", "Alice", false, true, false, "Essay", Presence.FOCUS, 1732190000000L, CheckInResult.DONE)));
        ServerMessage.Timer timer = new ServerMessage.Timer("t", TimerPhase.LONG_BREAK, true, 900, 1732191500000L, 900, "u1", "Alice", 4);
        assertEncodes("{\"type\":\"timer\",\"id\":\"t\",\"phase\":\"long-break\",\"running\":true,\"seconds\":900,\"endsAt\":1732191500000,"
                + "\"remaining\":900,\"by\":\"u1\",\"byName\":\"Alice\",\"round\":4}", timer);
        assertEquals(TimerPhase.BREAK, timer.forV1().phase());
        assertEquals(900, timer.forV1().seconds());
        ServerMessage.Timer focus = new ServerMessage.Timer(null, TimerPhase.FOCUS, true, 60, 1L, 60, "u1", null, 0);
        assertEquals(focus, focus.forV1());
        Room room = new Room("r1", "Quiet hall", 2, 30, false, true, true, 4, 900,
                new TimerSummary(TimerPhase.FOCUS, true, 1732191500000L, 720), List.of("Alice", "Bob"));
        assertEncodes("{\"type\":\"room-changed\",\"room\":{\"id\":\"r1\",\"name\":\"Quiet hall\",\"participants\":2,\"capacity\":30,"
                        + "\"locked\":false,\"hall\":true,\"quiet\":true,\"longBreakEvery\":4,\"longBreakSeconds\":900,"
                        + "\"timer\":{\"phase\":\"focus\",\"running\":true,\"endsAt\":1732191500000,\"remaining\":720},\"names\":[\"Alice\",\"Bob\"]}}",
                new ServerMessage.RoomChanged(room));
        assertEncodes("{\"type\":\"error\",\"id\":\"m\",\"code\":\"room-quiet\",\"message\":\"m\"}",
                new ServerMessage.Error("m", ErrorCode.ROOM_QUIET, "m"));
    }

    @Test
    void aV1ServersTimerAndPeerReadWithoutStudyFields() {
        var timer = (ServerMessage.Timer) ((Decoded.Ok<ServerMessage>) codec.decodeServer(
                "{\"type\":\"timer\",\"phase\":\"focus\",\"running\":false,\"seconds\":60,\"endsAt\":null,\"remaining\":60,\"by\":\"u\"}")).message();
        assertNull(timer.byName());
        assertEquals(0, timer.round());
        Peer peer = new Peer("u1", "Bob", true, true, false);
        assertEquals(Presence.FOCUS, peer.presenceOrFocus());
        assertNull(peer.since());
    }

    @Test
    void aGoalIsStrippedAndOneLineOfAtMost140Characters() {
        assertEquals("Essay", TextRules.goal("  Essay \t"));
        assertEquals("", TextRules.goal("   "));
        assertEquals("\uD83D\uDE00".repeat(140), TextRules.goal("\uD83D\uDE00".repeat(140)));
        assertNull(TextRules.goal("x".repeat(141)));
        assertNull(TextRules.goal("two\nlines"));
    }
}
