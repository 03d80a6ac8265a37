package app.carrel.client.media;

import dev.onvoid.webrtc.media.MediaDevices;
import dev.onvoid.webrtc.media.video.VideoCaptureCapability;
import dev.onvoid.webrtc.media.video.VideoDevice;
import dev.onvoid.webrtc.media.video.VideoDeviceSource;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import java.util.List;

/** A physical camera, device and capture format chosen by the caller. */
public final class DeviceCamera extends NativeCapture {

    private final VideoDeviceSource source = new VideoDeviceSource();

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
    protected void startCapture() {
        source.start();
    }

    @Override
    protected void stopCapture() {
        source.stop();
    }

    @Override
    protected void dispose() {
        source.dispose();
    }
}
