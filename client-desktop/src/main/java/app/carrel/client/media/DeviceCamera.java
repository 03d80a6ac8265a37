package app.carrel.client.media;

import dev.onvoid.webrtc.media.MediaDevices;
import dev.onvoid.webrtc.media.video.VideoCaptureCapability;
import dev.onvoid.webrtc.media.video.VideoDevice;
import dev.onvoid.webrtc.media.video.VideoDeviceSource;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import java.util.List;

/** A physical camera, device and capture format chosen by the caller. */
public final class DeviceCamera implements LocalVideo {

    private final VideoDeviceSource source = new VideoDeviceSource();
    private boolean started;

    public DeviceCamera(VideoDevice device, VideoFormat format) {
        source.setVideoCaptureDevice(device);
        source.setVideoCaptureCapability(new VideoCaptureCapability(format.width(), format.height(), format.fps()));
    }

    /** The cameras the system knows (V4L2 on Linux); empty on this headless machine. */
    public static List<VideoDevice> devices() {
        return MediaDevices.getVideoCaptureDevices();
    }

    @Override
    public VideoTrackSource source() {
        return source;
    }

    @Override
    public synchronized void start() {
        if (!started) {
            source.start();
            started = true;
        }
    }

    @Override
    public synchronized void stop() {
        if (started) {
            source.stop();
            started = false;
        }
    }

    @Override
    public void close() {
        stop();
        source.dispose();
    }
}
