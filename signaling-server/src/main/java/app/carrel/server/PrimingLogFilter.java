package app.carrel.server;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops the log lines of {@link Priming}'s throwaway rooms (made under its MDC key), named on the
 * appender in logback.xml. An appender filter, not a turbo filter: it sees only events that pass
 * their logger's level, where a turbo filter would be asked on every disabled {@code isTraceEnabled}
 * on the socket's hot path (1-2% of the selector's time in a profile).
 */
public final class PrimingLogFilter extends Filter<ILoggingEvent> {

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return "yes".equals(event.getMDCPropertyMap().get(Priming.MDC_KEY)) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
