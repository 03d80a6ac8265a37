package app.carrel.server.admin;

import app.carrel.protocol.ErrorCode;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * The server's Prometheus metrics, in a registry of its own so several servers in one JVM (tests)
 * do not share counts. Exemplars are off: they cost on every update and start a JVM-wide
 * scheduler thread that outlives the server. Labelled series are resolved once up front: the relay path only adds.
 * Thread-safe.
 */
public final class ServerMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Gauge connections = Gauge.builder().name("carrel_connections")
            .help("Open WebSocket connections").withoutExemplars().register(registry);
    private final Gauge rooms = Gauge.builder().name("carrel_rooms")
            .help("Rooms known to the server").withoutExemplars().register(registry);
    private final Gauge participants = Gauge.builder().name("carrel_participants")
            .help("Seated participants, including those in their resume grace period").withoutExemplars()
            .register(registry);
    private final Counter relayed = Counter.builder().name("carrel_relayed_messages_total")
            .help("Relayed negotiation messages").labelNames("type").withoutExemplars().register(registry);
    private final Counter errors = Counter.builder().name("carrel_errors_total")
            .help("Error replies sent, by code").labelNames("code").withoutExemplars().register(registry);
    private final Counter rateLimited = Counter.builder().name("carrel_rate_limited_total")
            .help("Messages dropped by the per-connection rate limit").withoutExemplars().register(registry);

    private final CounterDataPoint offers = relayed.labelValues("offer");
    private final CounterDataPoint answers = relayed.labelValues("answer");
    private final CounterDataPoint ice = relayed.labelValues("ice");
    private final Map<ErrorCode, CounterDataPoint> errorsByCode = new EnumMap<>(ErrorCode.class);

    public ServerMetrics() {
        for (ErrorCode code : ErrorCode.values()) {
            errorsByCode.put(code, errors.labelValues(code.wire()));
        }
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    public void connectionOpened() {
        connections.inc();
    }

    public void connectionClosed() {
        connections.dec();
    }

    public void rooms(int count) {
        rooms.set(count);
    }

    public void participants(int count) {
        participants.set(count);
    }

    public void relayedOffer() {
        offers.inc();
    }

    public void relayedAnswer() {
        answers.inc();
    }

    public void relayedIce() {
        ice.inc();
    }

    public void error(ErrorCode code) {
        errorsByCode.get(code).inc();
    }

    public void rateLimited() {
        rateLimited.inc();
    }
}
