package app.carrel.server.hall;

/** A publisher's stream as Janus names it for subscribing: the publisher's feed id and its mid. */
record FeedStream(long feed, String mid) {
}
