package app.carrel.client.call;

import java.time.Duration;

/**
 * How a mesh shares our uplink: every peer gets its own encoded copy of our video, so what one
 * peer may have is the budget split over all of them, at a resolution and frame rate that make
 * sense for that many bits. Pure policy, no webrtc: {@link SenderCap} applies it.
 * <p>
 * Tiers by how many peers we send to: one (a two-person call) gets everything as captured; two
 * or three (rooms of 3-4) get at most 360 lines at 20 fps; four and more at most 240 lines at
 * 15 fps, which a tile in a grid of five or more does not show any better anyway.
 * While we share our screen, the screen takes two thirds of each peer's share, at full
 * resolution (text must stay legible) and a low frame rate; the camera drops to the smallest tier.
 * Audio is never capped: a caller is told what they need to hear, however many are there.
 */
final class UplinkBudget {

    /**
     * Our whole video uplink, 2.5 Mbit/s: half of a 5 Mbit/s upload, a common cable/DSL tier
     * (campus Wi-Fi is shared besides), leaving room for audio (Opus, about 40 kbit/s per peer,
     * never capped), retransmissions and whatever else the house sends. It is also libwebrtc's
     * own ceiling for a single 720p stream, so a two-person call sends what it did before caps.
     */
    static final int TOTAL_BPS = 2_500_000;

    private static final double SCREEN_SHARE_OF_PEER = 2.0 / 3;

    private final int cameraHeight;
    private final int cameraFps;
    private final Duration startFloor;

    /**
     * {@code cameraHeight}, {@code cameraFps}: what the camera captures (CallConfig#format);
     * {@code startFloor}: how long each camera sender keeps its start floor once connected
     * ({@link SenderCaps}).
     */
    UplinkBudget(int cameraHeight, int cameraFps, Duration startFloor) {
        this.cameraHeight = cameraHeight;
        this.cameraFps = cameraFps;
        this.startFloor = startFloor;
    }

    Duration startFloor() {
        return startFloor;
    }

    /** The caps towards each of {@code peers} peers (at least one: a session exists for it). */
    VideoCaps capsFor(int peers, boolean screenShared) {
        int each = TOTAL_BPS / Math.max(1, peers);
        if (!screenShared) {
            return new VideoCaps(camera(each, tier(peers)), null);
        }
        int screenBps = (int) (each * SCREEN_SHARE_OF_PEER);
        return new VideoCaps(camera(each - screenBps, Tier.SMALL), new VideoCap(screenBps, 1, screenFps(peers)));
    }

    private VideoCap camera(int bps, Tier tier) {
        double scale = tier.maxLines == 0 ? 1 : Math.max(1, (double) cameraHeight / tier.maxLines);
        double fps = tier.maxFps == 0 ? cameraFps : Math.min(cameraFps, tier.maxFps);
        return new VideoCap(bps, scale, fps);
    }

    private static Tier tier(int peers) {
        return peers <= 1 ? Tier.FULL : peers <= 3 ? Tier.MEDIUM : Tier.SMALL;
    }

    // Slides and notes change seldom; a shared screen needs sharpness, not motion.
    private static int screenFps(int peers) {
        return peers <= 1 ? 15 : peers <= 3 ? 8 : 5;
    }

    /** At most so many lines and frames per second; 0: as captured. */
    private enum Tier {
        FULL(0, 0),
        MEDIUM(360, 20),
        SMALL(240, 15);

        final int maxLines;
        final int maxFps;

        Tier(int maxLines, int maxFps) {
            this.maxLines = maxLines;
            this.maxFps = maxFps;
        }
    }
}
