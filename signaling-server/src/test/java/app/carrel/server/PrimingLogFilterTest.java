package app.carrel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrimingLogFilterTest {
    private final PrimingLogFilter filter = new PrimingLogFilter();

    @Test
    void linesOfTheThrowawayRoomsAreDroppedAndTheServersKept() {
        LoggingEvent priming = new LoggingEvent();
        priming.setMDCPropertyMap(Map.of(Priming.MDC_KEY, "yes"));
        LoggingEvent server = new LoggingEvent();
        server.setMDCPropertyMap(Map.of());
        assertEquals(FilterReply.DENY, filter.decide(priming));
        assertEquals(FilterReply.NEUTRAL, filter.decide(server));
    }
}
