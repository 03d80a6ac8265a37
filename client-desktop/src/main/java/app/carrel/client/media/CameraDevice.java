package app.carrel.client.media;

import dev.onvoid.webrtc.media.video.VideoDevice;

/** A camera the system knows, to open as a {@link DeviceCamera}; keeps webrtc-java's device type inside media/. */
public final class CameraDevice {

    final VideoDevice device;

    CameraDevice(VideoDevice device) {
        this.device = device;
    }

    /** A device by name and path, for tests and configuration (not checked against the system). */
    public static CameraDevice named(String name, String descriptor) {
        return new CameraDevice(new VideoDevice(name, descriptor) { });
    }

    public String name() {
        return device.getName();
    }

    @Override
    public String toString() {
        return name();
    }
}
