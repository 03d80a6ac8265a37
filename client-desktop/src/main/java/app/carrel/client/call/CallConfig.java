package app.carrel.client.call;

import app.carrel.client.media.CameraPattern;
import app.carrel.client.media.LocalVideo;
import app.carrel.client.media.ScreenCapture;
import app.carrel.client.media.SyntheticCamera;
import app.carrel.client.media.VideoFormat;
import java.awt.Color;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * How an engine calls. {@code server} is asked again on every reconnect (a fixed address in the
 * app; tests hand in the address of a restarted server). {@code camera} makes our camera video
 * (a {@code DeviceCamera} or {@code SyntheticCamera}; null = none); {@code screen} makes the
 * screen share source. {@code trust} decides which certificates a wss:// server may present
 * (null: the JVM's trust store; see {@code ServerTrust} for a self-hosted server's own
 * certificate). {@code microphone} and {@code speaker} name the audio devices to use (null: the
 * system's default); only the real audio module can honour them. {@code startFloor}: how long
 * a mesh camera keeps its minimum bit rate once connected (see {@code SenderCaps}). Build with
 * {@link #builder(URI, String)}.
 */
public record CallConfig(Supplier<URI> server, String name, VideoFormat format,
                         Supplier<LocalVideo> camera, Supplier<LocalVideo> screen,
                         boolean microphoneOn, boolean cameraOn,
                         Duration requestTimeout, Duration reconnectMaxDelay, SSLContext trust,
                         String microphone, String speaker, String joinCode, Duration startFloor) {

    public CallConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(screen, "screen");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(reconnectMaxDelay, "reconnectMaxDelay");
        Objects.requireNonNull(startFloor, "startFloor");
    }

    public static Builder builder(URI server, String name) {
        return new Builder(() -> server, name);
    }

    public static Builder builder(Supplier<URI> server, String name) {
        return new Builder(server, name);
    }

    public static final class Builder {
        private final Supplier<URI> server;
        private final String name;
        private VideoFormat format = VideoFormat.DEFAULT;
        private Supplier<LocalVideo> camera;
        private Supplier<LocalVideo> screen = ScreenCapture::new;
        private Color syntheticColor;
        private CameraPattern syntheticPattern = CameraPattern.FLAT;
        private boolean microphoneOn = true;
        private boolean cameraOn = true;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Duration reconnectMaxDelay = Duration.ofSeconds(5);
        private SSLContext trust;
        private String microphone;
        private String speaker;
        private String joinCode;
        // The estimate's own probes (900 kbit/s, then 1.8 Mbit/s) finish well within it on a good link.
        private Duration startFloor = Duration.ofSeconds(3);

        private Builder(Supplier<URI> server, String name) {
            this.server = server;
            this.name = name;
        }

        public Builder format(VideoFormat format) {
            this.format = format;
            return this;
        }

        /** Our camera source; by default the synthetic camera in {@link #syntheticColor}. */
        public Builder camera(Supplier<LocalVideo> camera) {
            this.camera = camera;
            return this;
        }

        public Builder syntheticColor(Color color) {
            this.syntheticColor = color;
            return this;
        }

        /** What the synthetic camera draws (when no {@link #camera} is given); flat by default. */
        public Builder syntheticPattern(CameraPattern pattern) {
            this.syntheticPattern = Objects.requireNonNull(pattern, "pattern");
            return this;
        }

        public Builder screen(Supplier<LocalVideo> screen) {
            this.screen = screen;
            return this;
        }

        public Builder microphoneOn(boolean on) {
            this.microphoneOn = on;
            return this;
        }

        public Builder cameraOn(boolean on) {
            this.cameraOn = on;
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        public Builder reconnectMaxDelay(Duration delay) {
            this.reconnectMaxDelay = delay;
            return this;
        }

        /** Certificates a wss:// server may present; null (the default) = the JVM's trust store. */
        public Builder trust(SSLContext trust) {
            this.trust = trust;
            return this;
        }

        /** Audio devices by name, as listed by the platform; null = the system's default. */
        public Builder audioDevices(String microphone, String speaker) {
            this.microphone = microphone;
            this.speaker = speaker;
            return this;
        }

        /** The server's join code (sent on every connection when the server asks); null = none. */
        public Builder joinCode(String code) {
            this.joinCode = code;
            return this;
        }

        /** How long a mesh camera keeps its start floor once connected (tests: to see it, then see it go). */
        public Builder startFloor(Duration floor) {
            this.startFloor = floor;
            return this;
        }

        public CallConfig build() {
            Supplier<LocalVideo> cameraSource = camera;
            if (cameraSource == null) {
                Color color = syntheticColor != null ? syntheticColor : new Color(0x3B82F6);
                VideoFormat f = format;
                CameraPattern pattern = syntheticPattern;
                cameraSource = () -> new SyntheticCamera(f, color, name, pattern);
            }
            return new CallConfig(server, name, format, cameraSource, screen, microphoneOn, cameraOn,
                    requestTimeout, reconnectMaxDelay, trust, microphone, speaker, joinCode, startFloor);
        }
    }
}
