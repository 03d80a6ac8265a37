package app.carrel.client.room;

import app.carrel.client.call.PeerStats;
import java.util.Locale;

/** Turns a connection's statistics into a dot colour and a tooltip a person can read. */
final class Quality {

    private Quality() {
    }

    static Participant.Quality of(PeerStats s) {
        if (!"connected".equalsIgnoreCase(s.state())) {
            return "new".equalsIgnoreCase(s.state()) || "connecting".equalsIgnoreCase(s.state())
                    ? Participant.Quality.UNKNOWN : Participant.Quality.POOR;
        }
        double rtt = s.rttMs() == null ? 0 : s.rttMs();
        if (s.lossPercent() > 8 || rtt > 600) {
            return Participant.Quality.POOR;
        }
        if (s.lossPercent() > 2 || rtt > 250) {
            return Participant.Quality.FAIR;
        }
        return Participant.Quality.GOOD;
    }

    static String describe(PeerStats s) {
        return String.format(Locale.ROOT,
                "Connection: %s%nVideo: %dx%d at %.0f fps%nIn: %d kbit/s, out: %d kbit/s%nRound trip: %s%n"
                        + "Packets lost: %d (%.1f %%)%nRoute: %s",
                s.state(), s.width(), s.height(), s.fps(), s.kbpsIn(), s.kbpsOut(),
                s.rttMs() == null ? "unknown" : String.format(Locale.ROOT, "%.0f ms", s.rttMs()),
                s.packetsLost(), s.lossPercent(), s.candidateType() == null ? "not selected yet" : s.candidateType());
    }
}
