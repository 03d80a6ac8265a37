package app.carrel.client.notify;

import app.carrel.client.i18n.Texts;
import app.carrel.client.timer.TimerModel;
import app.carrel.protocol.TimerPhase;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A desktop notification at each phase end of the room's timer ("Focus done — time for a
 * break"), beside the chime the timer plays itself. One per app: the notifier is found on the
 * first phase end (on {@code worker}: connecting to the bus waits) and kept until {@link #close}.
 *
 * <p>Threads: {@link #follow} and the timer's listener run on the FX thread; the notifier is
 * created, used and closed on {@code worker}, which runs one task at a time.
 */
public final class PhaseEndNotices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PhaseEndNotices.class);

    private final Supplier<DesktopNotifier> connect;
    private final Executor worker;
    private final BooleanSupplier enabled;
    /** The worker's. */
    private DesktopNotifier notifier;

    /**
     * @param connect finds the notifier ({@link Notifiers#forDesktop} in the app)
     * @param enabled the person's setting, read at each phase end
     */
    public PhaseEndNotices(Supplier<DesktopNotifier> connect, Executor worker, BooleanSupplier enabled) {
        this.connect = connect;
        this.worker = worker;
        this.enabled = enabled;
    }

    /** Notifies at each phase end of {@code timer} in {@code roomName}; run the result to stop. */
    public Runnable follow(TimerModel timer, String roomName) {
        ChangeListener<TimerModel.State> onState = (obs, before, now) -> {
            if (before == TimerModel.State.RUNNING && now == TimerModel.State.FINISHED && enabled.getAsBoolean()) {
                boolean focus = timer.phaseProperty().get() == TimerPhase.FOCUS;
                show(Texts.get(focus ? "notify.focusDone" : "notify.breakDone"),
                        Texts.get(focus ? "notify.focusDoneBody" : "notify.breakDoneBody", roomName));
            }
        };
        timer.stateProperty().addListener(onState);
        return () -> timer.stateProperty().removeListener(onState);
    }

    /** Shows one notification now (the setting is the caller's business). */
    public void show(String title, String body) {
        worker.execute(() -> {
            try {
                if (notifier == null) {
                    notifier = connect.get();
                }
                notifier.show(title, body);
            } catch (RuntimeException e) {
                log.info("No notification shown: {}", e.toString());
            }
        });
    }

    /** The notifier this app uses, once found; for tests. */
    String kind() {
        return notifier == null ? null : notifier.kind();
    }

    @Override
    public void close() {
        worker.execute(() -> {
            if (notifier != null) {
                notifier.close();
            }
        });
    }
}
