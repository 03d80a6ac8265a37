package app.carrel.client.video;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.util.Callback;

/**
 * Shows a {@link VideoFeed} through a PixelBuffer-backed WritableImage. Per frame the FX thread
 * only copies the converted pixels into the buffer it already has: the image, buffer and
 * callbacks are allocated once per resolution, never per frame. All fields are FX-thread only.
 */
public final class VideoSurface extends Region {

    private final ImageView view = new ImageView();
    // Changes on the first frame and on clear(), never per frame: a per-frame property would box
    // a value and wake listeners on every frame.
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
    private long framesShown;
    private final Runnable drain = this::drain;
    private final VideoFeed.Target target = this::show;
    private final Callback<PixelBuffer<IntBuffer>, Rectangle2D> wholeImage = b -> null;
    private VideoFeed feed;
    private PixelBuffer<IntBuffer> pixels;
    private ByteBuffer pixelBytes;

    public VideoSurface() {
        getStyleClass().add("video-surface");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        getChildren().add(view);
    }

    /** Shows another feed (or none); the previous one is let go. */
    public void setFeed(VideoFeed next) {
        if (feed == next) {
            return;
        }
        if (feed != null) {
            feed.setDrain(null);
        }
        feed = next;
        if (feed != null) {
            feed.setDrain(drain);
        }
    }

    /** A self view is shown as in a mirror, as people expect to see themselves. */
    public void setMirrored(boolean mirrored) {
        view.setScaleX(mirrored ? -1 : 1);
    }

    /** True while a picture is up; tiles show initials until then. */
    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    /** Frames put on screen so far (FX thread; tests and diagnostics). */
    public long framesShown() {
        return framesShown;
    }

    /** Clears the picture (camera turned off), keeping the buffers for when it comes back. */
    public void clear() {
        view.setImage(null);
        showing.set(false);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        view.setFitWidth(w);
        view.setFitHeight(h);
        double iw = view.prefWidth(-1);
        double ih = view.prefHeight(-1);
        view.relocate((w - iw) / 2, (h - ih) / 2);
    }

    private void drain() {
        VideoFeed current = feed;
        if (current != null) {
            current.copyTo(target);
        }
    }

    private void show(ByteBuffer fresh, int width, int height) {
        if (pixels == null || pixels.getWidth() != width || pixels.getHeight() != height) {
            pixelBytes = ByteBuffer.allocateDirect(width * height * 4).order(ByteOrder.nativeOrder());
            pixels = new PixelBuffer<>(width, height, pixelBytes.asIntBuffer(), PixelFormat.getIntArgbPreInstance());
            view.setImage(new WritableImage(pixels));
            requestLayout();
        } else if (view.getImage() == null) {
            view.setImage(new WritableImage(pixels));
            requestLayout();
        }
        pixelBytes.clear();
        pixelBytes.put(fresh);
        pixels.updateBuffer(wholeImage);
        framesShown++;
        showing.set(true);
    }
}
