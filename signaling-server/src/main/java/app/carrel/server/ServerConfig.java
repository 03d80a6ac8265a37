package app.carrel.server;

import app.carrel.server.access.AccessLimits;
import app.carrel.server.hall.HallConfig;
import app.carrel.server.rooms.RoomSizes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a server needs to start. The defaults are the contract's; tests shorten the
 * keep-alive and grace durations.
 */
public record ServerConfig(
        String bind,
        int port,
        Path database,
        int maxCapacity,
        List<String> stun,
        List<String> turn,
        String turnSecret,
        Path tlsCert,
        Path tlsKey,
        int rateLimit,
        int rateBurst,
        Duration pingInterval,
        Duration deadAfter,
        Duration resumeGrace,
        int adminPort,
        int meshMax,
        HallConfig halls,
        AccessLimits limits,
        String joinCode,
        String tlsKeyPassphrase,
        Duration roomTtl,
        Duration expirySweep,
        String adminToken,
        Clock clock) {

    public ServerConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(database, "database");
        stun = List.copyOf(stun);
        turn = List.copyOf(turn);
        requirePositive(pingInterval, "pingInterval");
        requirePositive(deadAfter, "deadAfter");
        requirePositive(resumeGrace, "resumeGrace");
        requirePositive(roomTtl, "roomTtl");
        requirePositive(expirySweep, "expirySweep");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        if (adminPort < -1 || adminPort > 65_535) {
            throw new IllegalArgumentException("adminPort must be -1 (off) or 0-65535, was " + adminPort);
        }
        Objects.requireNonNull(halls, "halls");
        Objects.requireNonNull(limits, "limits");
        if (joinCode != null && joinCode.isBlank()) {
            throw new IllegalArgumentException("The join code must not be empty");
        }
        sizes(maxCapacity, meshMax, halls); // validates
        if (rateLimit < 1 || rateBurst < 1) {
            throw new IllegalArgumentException("rateLimit and rateBurst must be positive");
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("TLS needs both a certificate and a key");
        }
    }

    /** Secrets (TURN secret, join code, key passphrase) stay out of logs. */
    @Override
    public String toString() {
        return "ServerConfig[bind=" + bind + ", port=" + port + ", database=" + database + ", maxCapacity=" + maxCapacity
                + ", tls=" + tls() + ", limits=" + limits + ", joinCode=" + (joinCode == null ? "none" : "(hidden)") + "]";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Which room sizes are hosted, and which of them are study halls. */
    public RoomSizes sizes() {
        return sizes(maxCapacity, meshMax, halls);
    }

    private static RoomSizes sizes(int maxCapacity, int meshMax, HallConfig halls) {
        return new RoomSizes(maxCapacity, meshMax, !halls.janus().isEmpty());
    }

    public boolean tls() {
        return tlsCert != null;
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
        }
    }

    public static final class Builder {
        private String bind = "0.0.0.0";
        private int port = 7000;
        private Path database = Path.of("carrel.db");
        private int maxCapacity = 8;
        private List<String> stun = List.of();
        private List<String> turn = List.of();
        private String turnSecret;
        private Path tlsCert;
        private Path tlsKey;
        private int rateLimit = 100;
        private int rateBurst = 300;
        private Duration pingInterval = Duration.ofSeconds(15);
        private Duration deadAfter = Duration.ofSeconds(30);
        private Duration resumeGrace = Duration.ofSeconds(30);
        private int adminPort = -1;
        private int meshMax = 4;
        private HallConfig halls = HallConfig.none();
        private AccessLimits limits = AccessLimits.defaults();
        private String joinCode;
        private String tlsKeyPassphrase;
        private Duration roomTtl = Duration.ofDays(30);
        private Duration expirySweep = Duration.ofHours(1);
        private String adminToken;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Rooms empty this long are deleted, unless their owner keeps them. */
        public Builder roomTtl(Duration ttl) {
            this.roomTtl = ttl;
            return this;
        }

        /** How often the server looks for expired rooms. */
        public Builder expirySweep(Duration every) {
            this.expirySweep = every;
            return this;
        }

        /** The token the admin API's rooms endpoints demand; null: that API is off. */
        public Builder adminToken(String token) {
            this.adminToken = token;
            return this;
        }

        /** The rooms thread's wall clock (chat times, timers, room expiry); tests move a fake one. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder bind(String bind) {
            this.bind = bind;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder database(Path database) {
            this.database = database;
            return this;
        }

        public Builder maxCapacity(int maxCapacity) {
            this.maxCapacity = maxCapacity;
            return this;
        }

        public Builder stun(List<String> urls) {
            this.stun = urls;
            return this;
        }

        public Builder turn(List<String> urls) {
            this.turn = urls;
            return this;
        }

        public Builder turnSecret(String secret) {
            this.turnSecret = secret;
            return this;
        }

        public Builder tls(Path certPem, Path keyPem) {
            this.tlsCert = certPem;
            this.tlsKey = keyPem;
            return this;
        }

        public Builder rateLimit(int perSecond) {
            this.rateLimit = perSecond;
            return this;
        }

        public Builder rateBurst(int burst) {
            this.rateBurst = burst;
            return this;
        }

        public Builder pingInterval(Duration interval) {
            this.pingInterval = interval;
            return this;
        }

        public Builder deadAfter(Duration silence) {
            this.deadAfter = silence;
            return this;
        }

        public Builder resumeGrace(Duration grace) {
            this.resumeGrace = grace;
            return this;
        }

        public Builder adminPort(int adminPort) {
            this.adminPort = adminPort;
            return this;
        }

        /** Rooms above this capacity are study halls (when there is a Janus). */
        public Builder meshMax(int meshMax) {
            this.meshMax = meshMax;
            return this;
        }

        public Builder halls(HallConfig halls) {
            this.halls = halls;
            return this;
        }

        /** Per remote address: connections, room creations, live rooms, wrong join codes. */
        public Builder limits(AccessLimits limits) {
            this.limits = limits;
            return this;
        }

        /** The server-wide join code, or null for none. */
        public Builder joinCode(String code) {
            this.joinCode = code;
            return this;
        }

        /** The passphrase of an encrypted TLS key, or null for a plain one. */
        public Builder tlsKeyPassphrase(String passphrase) {
            this.tlsKeyPassphrase = passphrase;
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(bind, port, database, maxCapacity, stun, turn, turnSecret,
                    tlsCert, tlsKey, rateLimit, rateBurst, pingInterval, deadAfter, resumeGrace, adminPort,
                    meshMax, halls, limits, joinCode, tlsKeyPassphrase, roomTtl, expirySweep, adminToken, clock);
        }
    }
}
