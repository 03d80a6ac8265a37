package app.carrel.server.hall;

/**
 * One m-line of a subscriber connection as Janus last described it: our {@code mid}, and the feed
 * stream it carries ({@code source} null when the m-line is inactive).
 */
record SubscribedStream(String mid, FeedStream source) {
}
