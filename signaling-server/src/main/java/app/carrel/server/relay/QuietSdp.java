package app.carrel.server.relay;

/**
 * Quiet rooms (docs/protocol.md §13): an SDP with every audio m-section made {@code a=inactive},
 * so neither side of a mesh connection sends or expects audio, whatever its client does. Only
 * direction lines ({@code a=sendrecv}, {@code a=sendonly}, {@code a=recvonly}, {@code a=inactive})
 * of audio sections change, and a section without one gets {@code a=inactive} at its end; every
 * other byte, line endings included, stays as it was. Pure.
 */
public final class QuietSdp {
    private QuietSdp() {
    }

    public static String withoutAudio(String sdp) {
        String eol = sdp.contains("\r\n") ? "\r\n" : "\n";
        boolean endsWithEol = sdp.endsWith(eol);
        String[] lines = (endsWithEol ? sdp.substring(0, sdp.length() - eol.length()) : sdp).split(eol, -1);
        StringBuilder out = new StringBuilder(sdp.length() + 16);
        boolean inAudio = false;
        boolean directionSeen = false;
        for (String line : lines) {
            if (line.startsWith("m=")) {
                if (inAudio && !directionSeen) {
                    out.append("a=inactive").append(eol);
                }
                inAudio = line.startsWith("m=audio ");
                directionSeen = false;
                out.append(line).append(eol);
            } else if (inAudio && isDirection(line)) {
                directionSeen = true;
                out.append("a=inactive").append(eol);
            } else {
                out.append(line).append(eol);
            }
        }
        if (inAudio && !directionSeen) {
            out.append("a=inactive").append(eol);
        }
        if (!endsWithEol) {
            out.setLength(out.length() - eol.length());
        }
        return out.toString();
    }

    private static boolean isDirection(String line) {
        return line.equals("a=sendrecv") || line.equals("a=sendonly") || line.equals("a=recvonly")
                || line.equals("a=inactive");
    }
}
