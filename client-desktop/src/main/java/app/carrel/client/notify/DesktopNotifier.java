package app.carrel.client.notify;

/**
 * Shows a desktop notification. Implementations never throw: a desktop without a notification
 * service gets nothing more than one line in the log. Called on a worker (a D-Bus call waits
 * for its answer).
 */
public interface DesktopNotifier extends AutoCloseable {

    /** Where there is nowhere to show one. */
    DesktopNotifier NONE = new DesktopNotifier() {
        @Override
        public void show(String title, String body) {
        }

        @Override
        public String kind() {
            return "none";
        }
    };

    void show(String title, String body);

    /** "freedesktop", "tray" or "none": for the log and the tests. */
    String kind();

    @Override
    default void close() {
    }
}
