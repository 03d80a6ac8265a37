package app.carrel.client.media;

import app.carrel.client.i18n.Texts;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import dev.onvoid.webrtc.media.audio.AudioLayer;
import dev.onvoid.webrtc.media.audio.AudioOptions;
import dev.onvoid.webrtc.media.audio.AudioProcessing;
import dev.onvoid.webrtc.media.audio.AudioProcessingConfig;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native roots of a call: audio module, audio processing and the peer connection factory.
 * Always hands the factory an explicit audio module (the no-argument factory aborts the JVM
 * without an audio server). {@link #close()} frees them in reverse order of creation; peer
 * connections, tracks and sources made from it must be closed before.
 */
public final class MediaFactory implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MediaFactory.class);

    private final AudioBackend backend;
    private final AudioDeviceModuleBase audioModule;
    private final AudioProcessing audioProcessing;
    private final PeerConnectionFactory factory;
    private boolean closed;
    // The devices in use by name (null: the system's default), as last chosen.
    private String microphone;
    private String speaker;

    private MediaFactory(AudioBackend backend, AudioDeviceModuleBase audioModule,
                         AudioProcessing audioProcessing, PeerConnectionFactory factory) {
        this.backend = backend;
        this.audioModule = audioModule;
        this.audioProcessing = audioProcessing;
        this.factory = factory;
    }

    public static MediaFactory create(AudioBackend backend) {
        NativeLibrary.prepare();
        AudioDeviceModuleBase module = switch (backend.kind()) {
            case DEVICE -> new AudioDeviceModule();
            case HEADLESS -> new HeadlessAudioDeviceModule();
            // Must never record: see SyntheticMicrophone. The dummy layer can neither record nor play.
            case SYNTHETIC -> new AudioDeviceModule(AudioLayer.kDummyAudio);
        };
        AudioProcessing processing = new AudioProcessing();
        processing.applyConfig(voiceProcessing());
        PeerConnectionFactory factory = new PeerConnectionFactory(module, processing);
        if (backend.kind() == AudioBackend.Kind.HEADLESS) {
            // The headless module only pulls remote audio (and so feeds our level meters) once
            // playout runs. Its recording pulls that same mix (0.14 calls NeedMorePlayData on its
            // capture thread) - an echo of the room, which never leaves: our audio senders stay
            // stopped (LocalTracks#audioSent()).
            module.initPlayout();
            module.startPlayout();
            module.initRecording();
            module.startRecording();
        }
        log.info("Media factory ready with {} audio ({})", backend.kind(), backend.reason());
        return new MediaFactory(backend, module, processing, factory);
    }

    public static MediaFactory createForSystem() {
        return create(AudioServerProbe.ofSystem().probe());
    }

    public AudioBackend audioBackend() {
        return backend;
    }

    /**
     * Picks the microphone and speaker by name (null: keep the system's default) before any
     * audio starts. Returns, in words for the person, what could not be honoured: a device that
     * is gone, or any choice at all without the real audio module (headless and synthetic audio
     * touch no device). Lists devices, so call it only off the FX thread.
     */
    public synchronized List<String> useAudioDevices(String microphone, String speaker) {
        List<String> notices = new ArrayList<>();
        if (microphone == null && speaker == null) {
            return notices;
        }
        if (backend.kind() != AudioBackend.Kind.DEVICE) {
            return ignored(microphone, speaker);
        }
        AudioDeviceModule module = (AudioDeviceModule) audioModule;
        if (microphone != null) {
            Optional<AudioDevice> found = named(module.getRecordingDevices(), microphone);
            found.ifPresent(module::setRecordingDevice);
            if (found.isEmpty()) {
                notices.add(Texts.get("media.microphoneMissing", microphone));
            }
        }
        if (speaker != null) {
            Optional<AudioDevice> found = named(module.getPlayoutDevices(), speaker);
            found.ifPresent(module::setPlayoutDevice);
            if (found.isEmpty()) {
                notices.add(Texts.get("media.speakerMissing", speaker));
            }
        }
        this.microphone = microphone;
        this.speaker = speaker;
        log.info("Audio devices: microphone {}, speaker {}", microphone, speaker);
        return notices;
    }

    /**
     * Changes microphone and speaker while audio runs (in a call): for each that differs from the
     * one in use, the module stops recording (or playout), takes the device, and is initialised and
     * started again; the voice engine's streams carry on over it. Null is the system's default:
     * the module's first device, which PulseAudio and Windows list as the default. Notices as in
     * {@link #useAudioDevices}; a device that fails to start is a notice too (the module's
     * failures are native {@code Error}s), never a crash.
     */
    public synchronized List<String> switchAudioDevices(String microphone, String speaker) {
        boolean newMicrophone = !Objects.equals(microphone, this.microphone);
        boolean newSpeaker = !Objects.equals(speaker, this.speaker);
        if (!newMicrophone && !newSpeaker) {
            return List.of();
        }
        if (backend.kind() != AudioBackend.Kind.DEVICE) {
            this.microphone = microphone;
            this.speaker = speaker;
            return microphone == null && speaker == null ? List.of() : ignored(microphone, speaker);
        }
        AudioDeviceModule module = (AudioDeviceModule) audioModule;
        List<String> notices = new ArrayList<>();
        if (newMicrophone) {
            restart("microphone", microphone, module::getRecordingDevices, module::stopRecording,
                    module::setRecordingDevice, module::initRecording, module::startRecording, notices);
            this.microphone = microphone;
        }
        if (newSpeaker) {
            restart("speaker", speaker, module::getPlayoutDevices, module::stopPlayout,
                    module::setPlayoutDevice, module::initPlayout, module::startPlayout, notices);
            this.speaker = speaker;
        }
        log.info("Audio devices switched: microphone {}, speaker {}", microphone, speaker);
        return notices;
    }

    /** Stops, sets, inits and starts again; whatever fails after the stop, audio is started again. */
    private static void restart(String what, String name, Supplier<List<AudioDevice>> devices, Runnable stop,
                                Consumer<AudioDevice> set, Runnable init, Runnable start, List<String> notices) {
        Optional<AudioDevice> found;
        try {
            List<AudioDevice> listed = devices.get();
            found = name == null ? listed.stream().findFirst() : named(listed, name);
        } catch (RuntimeException | Error e) {
            log.warn("Listing devices for the {} failed", what, e);
            notices.add(Texts.get("media.switch.notListed." + what));
            return;
        }
        if (found.isEmpty()) {
            notices.add(name == null ? Texts.get("media.switch.none." + what)
                    : Texts.get("media.switch.gone." + what, name));
            return;
        }
        try {
            stop.run();
            set.accept(found.get());
        } catch (RuntimeException | Error e) {
            log.warn("Switching the {} to {} failed", what, name, e);
            notices.add(Texts.get("media.switch.failed." + what, found.get().getName()));
        }
        try {
            init.run();
            start.run();
        } catch (RuntimeException | Error e) {
            log.warn("Starting the {} again failed", what, e);
            notices.add(Texts.get("media.switch.notStarted." + what));
        }
    }

    /** In the person's words; the module and its reason go to the log. */
    private List<String> ignored(String microphone, String speaker) {
        log.info("Ignoring audio device choice {} / {}: {} audio ({})", microphone, speaker, backend.kind(),
                backend.reason());
        return List.of(backend.synthetic()
                ? Texts.get("media.simulatedSoundIgnored")
                : Texts.get("media.noSoundIgnored"));
    }

    private static Optional<AudioDevice> named(List<AudioDevice> devices, String name) {
        return devices.stream().filter(d -> name.equals(d.getName())).findFirst();
    }

    public PeerConnectionFactory peerConnectionFactory() {
        return factory;
    }

    public AudioTrackSource createMicrophoneSource() {
        AudioOptions options = new AudioOptions();
        options.echoCancellation = true;
        options.noiseSuppression = true;
        options.autoGainControl = true;
        options.highpassFilter = true;
        return factory.createAudioSource(options);
    }

    public AudioTrack createAudioTrack(String label, AudioTrackSource source) {
        return factory.createAudioTrack(label, source);
    }

    public VideoTrack createVideoTrack(String label, VideoTrackSource source) {
        return factory.createVideoTrack(label, source);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (backend.kind() == AudioBackend.Kind.HEADLESS) {
            audioModule.stopRecording();
            audioModule.stopPlayout();
        }
        factory.dispose();
        audioProcessing.dispose();
        audioModule.dispose();
        log.debug("Media factory disposed");
    }

    private static AudioProcessingConfig voiceProcessing() {
        AudioProcessingConfig config = new AudioProcessingConfig();
        config.echoCanceller.enabled = true;
        config.noiseSuppression.enabled = true;
        config.noiseSuppression.level = AudioProcessingConfig.NoiseSuppression.Level.MODERATE;
        config.gainControl.enabled = true;
        config.gainControl.adaptiveDigital.enabled = true;
        config.highPassFilter.enabled = true;
        return config;
    }
}
