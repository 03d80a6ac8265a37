package app.carrel.client.room;

import app.carrel.client.i18n.Texts;

/**
 * "12 min", "1 h 5 min": how long someone has been in the room, from when the server seated
 * them. Minutes are enough for a panel refreshed each half-minute; a clock a little ahead of
 * the server's never shows a negative time.
 */
final class TimeInRoom {

    private TimeInRoom() {
    }

    /** "" when {@code since} is unknown (0: a server without the study extension). */
    static String format(long since, long now) {
        if (since <= 0) {
            return "";
        }
        long minutes = Math.max(0, now - since) / 60_000;
        if (minutes < 1) {
            return Texts.get("people.justNow");
        }
        if (minutes < 60) {
            return Texts.get("people.minutes", minutes);
        }
        return Texts.get("people.hours", minutes / 60, minutes % 60);
    }
}
