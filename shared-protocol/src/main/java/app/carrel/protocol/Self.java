package app.carrel.protocol;

/** The joiner itself, as {@code joined} names it. */
public record Self(String id, String name) {
}
