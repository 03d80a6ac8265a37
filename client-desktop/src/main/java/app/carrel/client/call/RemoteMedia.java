package app.carrel.client.call;

import app.carrel.client.media.FrameColor;
import app.carrel.client.video.Frame;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving side of one participant: sinks on its remote tracks, what has arrived, its audio
 * level. Sink callbacks run on native threads, so they write only the volatile/concurrent fields
 * here, catch everything and release every video frame (a forgotten release leaks ~14 MB/s).
 * {@link #attach} and {@link #detachAll} are called on the engine thread or from onTrack.
 */
final class RemoteMedia {

    private static final Logger log = LoggerFactory.getLogger(RemoteMedia.class);

    private final String peerId;
    private final Map<VideoKind, VideoReception> receptions = new ConcurrentHashMap<>();
    private final List<Runnable> detachers = new ArrayList<>();
    private final Set<String> attachedTracks = new HashSet<>();
    private volatile RemoteVideoSink sink;
    private volatile Set<String> screenMids = Set.of();
    private final LevelMeter audioLevel;
    private volatile long sinkFailures;

    RemoteMedia(String peerId) {
        this.peerId = peerId;
        this.audioLevel = new LevelMeter(peerId);
    }

    void setSink(RemoteVideoSink sink) {
        this.sink = sink;
    }

    /** Called with every remote description before it is applied, so onTrack can look it up. */
    void learnStreams(String remoteSdp) {
        screenMids = Set.copyOf(SdpStreams.midsOfStream(remoteSdp, LocalTracks.SCREEN_STREAM));
    }

    VideoKind kindOfMid(String mid) {
        return mid != null && screenMids.contains(mid) ? VideoKind.SCREEN : VideoKind.CAMERA;
    }

    VideoReception reception(VideoKind kind) {
        return receptions.getOrDefault(kind, VideoReception.NONE);
    }

    double audioLevel() {
        return audioLevel.level();
    }

    /** Attaches our sink to a new remote video; a track seen before (a re-share) is skipped. */
    synchronized void attachVideo(VideoTrack video, VideoKind kind) {
        if (!attachedTracks.add(video.getId())) {
            return;
        }
        VideoTrackSink videoSink = frame -> onVideoFrame(kind, frame);
        video.addSink(videoSink);
        detachers.add(() -> video.removeSink(videoSink));
        log.debug("Receiving {} video from {}", kind, peerId);
    }

    synchronized void attach(MediaStreamTrack track) {
        if (track instanceof AudioTrack audio && attachedTracks.add(audio.getId())) {
            audio.addSink(audioLevel);
            detachers.add(() -> audio.removeSink(audioLevel));
        }
    }

    synchronized void detachAll() {
        for (Runnable detacher : detachers) {
            try {
                detacher.run();
            } catch (RuntimeException e) {
                log.warn("Removing a sink from {} failed: {}", peerId, e.toString());
            }
        }
        detachers.clear();
    }

    /** Our audio level meter, for a transport that routes audio to us itself (a hall's). */
    AudioTrackSink levelSink() {
        return audioLevel;
    }

    /**
     * A decoded frame of ours that a transport routed here itself (a hall's subscriber, where one
     * track may carry different people over time); released here, like every frame.
     */
    void acceptVideo(VideoKind kind, VideoFrame frame) {
        onVideoFrame(kind, frame);
    }

    private void onVideoFrame(VideoKind kind, VideoFrame frame) {
        try {
            VideoReception last = receptions.getOrDefault(kind, VideoReception.NONE);
            receptions.put(kind, last.next(frame.buffer.getWidth(), frame.buffer.getHeight(),
                    System.nanoTime(), () -> FrameColor.averageRgb(frame.buffer)));
            RemoteVideoSink target = sink;
            if (target != null) {
                target.onFrame(peerId, kind, Frame.of(frame));
            }
        } catch (Throwable e) {
            if (sinkFailures++ % 300 == 0) {
                log.error("Video sink for {} failed ({} times)", peerId, sinkFailures, e);
            }
        } finally {
            frame.release();
        }
    }
}
