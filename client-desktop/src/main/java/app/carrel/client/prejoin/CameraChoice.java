package app.carrel.client.prejoin;

import app.carrel.client.i18n.Texts;
import app.carrel.client.media.CameraDevice;
import app.carrel.client.media.DeviceCamera;
import app.carrel.client.media.LocalVideo;
import app.carrel.client.media.SyntheticCamera;
import app.carrel.client.media.VideoFormat;
import java.awt.Color;

/**
 * A camera to pick: a real device, or the synthetic camera (a moving pattern with the person's
 * name) for machines without one. The media factory must exist before {@link #open}.
 */
public record CameraChoice(String label, CameraDevice device) {

    // The label is what settings remember (stable across languages); toString is what is shown.
    public static final CameraChoice SYNTHETIC = new CameraChoice("Synthetic camera", null);

    public LocalVideo open(VideoFormat format, String personName) {
        if (device == null) {
            return new SyntheticCamera(format, colorOf(personName), personName);
        }
        return new DeviceCamera(device, format);
    }

    /**
     * Whether our own view of it is shown as in a mirror. A real camera is, as people expect to see
     * themselves; the synthetic picture is not a reflection, and mirrored its name reads backwards.
     */
    public boolean mirrored() {
        return device != null;
    }

    /** A calm colour that stays the same for a name, so people recognise each other's tiles. */
    static Color colorOf(String name) {
        float hue = (name.hashCode() & 0xFFFF) / (float) 0xFFFF;
        return Color.getHSBColor(hue, 0.45f, 0.75f);
    }

    @Override
    public String toString() {
        return device == null ? Texts.get("prejoin.syntheticCamera") : label;
    }
}
