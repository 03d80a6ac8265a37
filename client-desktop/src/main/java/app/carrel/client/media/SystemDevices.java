package app.carrel.client.media;

import dev.onvoid.webrtc.media.Device;
import dev.onvoid.webrtc.media.MediaDevices;
import java.util.List;

/**
 * The devices the system lists, natively. Each call may block, and the audio ones hang forever
 * without a PulseAudio server: callers run them on a worker with a deadline ({@code Devices}).
 */
public final class SystemDevices {

    private SystemDevices() {
    }

    /** The cameras the system knows (V4L2 on Linux); empty on a headless machine. */
    public static List<CameraDevice> cameras() {
        return MediaDevices.getVideoCaptureDevices().stream().map(CameraDevice::new).toList();
    }

    public static List<String> microphones() {
        return MediaDevices.getAudioCaptureDevices().stream().map(Device::getName).toList();
    }

    public static List<String> speakers() {
        return MediaDevices.getAudioRenderDevices().stream().map(Device::getName).toList();
    }
}
