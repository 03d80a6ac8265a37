package app.carrel.client.call;

/** The caps for each of our video senders towards one peer: the camera's, and the screen's while we share. */
record VideoCaps(VideoCap camera, VideoCap screen) {
}
