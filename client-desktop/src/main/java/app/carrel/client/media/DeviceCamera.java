package app.carrel.client.media;

import dev.onvoid.webrtc.media.video.VideoCaptureCapability;
import dev.onvoid.webrtc.media.video.VideoDevice;
import dev.onvoid.webrtc.media.video.VideoDeviceSource;

/** A physical camera, device and capture format chosen by the caller. */
public final class DeviceCamera extends NativeCapture {

    public DeviceCamera(CameraDevice device, VideoFormat format) {
        this(new VideoDeviceSource(), device.device, format);
    }

    private DeviceCamera(VideoDeviceSource source, VideoDevice device, VideoFormat format) {
        super(source, source::start, source::stop, source::dispose);
        source.setVideoCaptureDevice(device);
        source.setVideoCaptureCapability(new VideoCaptureCapability(format.width(), format.height(), format.fps()));
    }
}
