package app.carrel.server.hall;

import app.carrel.protocol.StreamKind;

/** One stream a hall member publishes: the m-line's {@code mid} in its offer, and what it carries. */
record PublishedStream(String mid, StreamKind kind) {
}
