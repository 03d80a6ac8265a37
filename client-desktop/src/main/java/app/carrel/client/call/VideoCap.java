package app.carrel.client.call;

/**
 * The most one video sender may send to one peer: a bit rate, a resolution divisor (1: as
 * captured) and a frame rate. Applied to the sender's encoding live, without renegotiating.
 */
record VideoCap(int maxBitrateBps, double scaleResolutionDownBy, double maxFramerate) {

    VideoCap {
        if (maxBitrateBps <= 0 || scaleResolutionDownBy < 1 || maxFramerate <= 0) {
            throw new IllegalArgumentException("Not a cap: " + maxBitrateBps + " bps, /"
                    + scaleResolutionDownBy + ", " + maxFramerate + " fps");
        }
    }
}
