package app.carrel.client.call;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the other side of a mesh connection to start its video at a given bit rate, through the
 * {@code x-google-start-bitrate} format parameter on each video codec of the description we send.
 * <p>
 * Why: libwebrtc's congestion control starts at 300 kbit/s. With audio taken off, the video's
 * first target is under the 300 kbit/s its initial frame dropper wants for pictures over 320x240,
 * so a 640x480 camera's first frames were dropped whenever that first estimate reached the
 * encoder before the first frame did: call set-up was bimodal (docs/benchmarks.md, "Mesh call
 * setup"). webrtc-java 0.14 has no call to set the start bit rate, the degradation preference or
 * field trials; a codec's format parameters are what libwebrtc reads for the start bit rate of the
 * side that <em>sends</em> with that codec, and the codecs a side sends with are the ones in the
 * description it received. So each side puts the parameter in what it sends, and its peer's
 * camera starts above the threshold.
 * <p>
 * Only the text sent to the peer carries it: our own local description is set unchanged.
 * Pure text work; retransmission and error-correction payloads are left alone.
 */
final class StartBitrate {

    private static final Pattern RTPMAP = Pattern.compile("^a=rtpmap:(\\d+) ([^/]+)/.*$");
    private static final Set<String> NOT_A_CODEC = Set.of("rtx", "red", "ulpfec", "flexfec-03");
    private static final String PARAMETER = "x-google-start-bitrate";

    private StartBitrate() {
    }

    /** {@code sdp} with every video codec asking for a start at {@code kbps} kbit/s. */
    static String ask(String sdp, int kbps) {
        String eol = sdp.contains("\r\n") ? "\r\n" : "\n";
        String[] lines = sdp.split("\r?\n");
        Map<String, Integer> fmtpLineOf = new HashMap<>();
        List<String> out = new ArrayList<>();
        List<String> codecsOfSection = new ArrayList<>();
        boolean video = false;
        for (String line : lines) {
            if (line.startsWith("m=")) {
                addMissingFmtp(out, codecsOfSection, fmtpLineOf, kbps, video);
                video = line.startsWith("m=video ");
                codecsOfSection.clear();
                fmtpLineOf.clear();
            }
            out.add(line);
            if (!video) {
                continue;
            }
            Matcher rtpmap = RTPMAP.matcher(line);
            if (rtpmap.matches() && !NOT_A_CODEC.contains(rtpmap.group(2).toLowerCase(Locale.ROOT))) {
                codecsOfSection.add(rtpmap.group(1));
            } else if (line.startsWith("a=fmtp:")) {
                String payload = line.substring("a=fmtp:".length()).split(" ", 2)[0];
                fmtpLineOf.put(payload, out.size() - 1);
            }
        }
        addMissingFmtp(out, codecsOfSection, fmtpLineOf, kbps, video);
        return String.join(eol, out) + eol;
    }

    /** Appends the parameter to the section's codecs' fmtp lines, or adds the line after the section. */
    private static void addMissingFmtp(List<String> out, List<String> codecs, Map<String, Integer> fmtpLineOf,
                                       int kbps, boolean video) {
        if (!video) {
            return;
        }
        for (String payload : codecs) {
            Integer index = fmtpLineOf.get(payload);
            if (index == null) {
                out.add("a=fmtp:" + payload + " " + PARAMETER + "=" + kbps);
            } else if (!out.get(index).contains(PARAMETER + "=")) {
                out.set(index, out.get(index) + ";" + PARAMETER + "=" + kbps);
            }
        }
    }
}
