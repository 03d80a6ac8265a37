package app.carrel.client.room;

import app.carrel.client.call.ConnectionState;
import app.carrel.client.call.PeerStats;
import app.carrel.client.i18n.Texts;

/** A connection's quality as a tile's dot shows it, read from its statistics, with a tooltip a person can read. */
public enum Quality {
    UNKNOWN, GOOD, FAIR, POOR;

    static Quality of(PeerStats s) {
        if (s.state() != ConnectionState.CONNECTED) {
            return s.state() == ConnectionState.NEW || s.state() == ConnectionState.CONNECTING ? UNKNOWN : POOR;
        }
        double rtt = s.rttMs() == null ? 0 : s.rttMs();
        if (s.lossPercent() > 8 || rtt > 600) {
            return POOR;
        }
        if (s.lossPercent() > 2 || rtt > 250) {
            return FAIR;
        }
        return GOOD;
    }

    static String describe(PeerStats s) {
        return Texts.get("quality.stats", Texts.get("quality.state." + s.state().label()),
                s.width(), s.height(), s.fps(), s.kbpsIn(), s.kbpsOut(),
                s.rttMs() == null ? Texts.get("quality.rttUnknown") : Texts.get("quality.rtt", s.rttMs()),
                s.packetsLost(), s.lossPercent(),
                s.candidateType() == null ? Texts.get("quality.routeUnknown") : s.candidateType());
    }
}
