package app.carrel.client.call;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine's listeners; a listener that throws is logged and the others still hear. */
final class CallListeners {

    private static final Logger log = LoggerFactory.getLogger(CallListeners.class);

    private final List<CallListener> listeners = new CopyOnWriteArrayList<>();

    void add(CallListener listener) {
        listeners.add(listener);
    }

    void remove(CallListener listener) {
        listeners.remove(listener);
    }

    void fire(Consumer<CallListener> event) {
        for (CallListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                log.error("A call listener failed", e);
            }
        }
    }
}
