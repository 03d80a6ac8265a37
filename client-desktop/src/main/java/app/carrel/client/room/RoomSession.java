package app.carrel.client.room;

import app.carrel.client.fx.Background;
import app.carrel.client.fx.FxCallListener;
import app.carrel.client.call.CallConfig;
import app.carrel.client.call.CallEngine;
import app.carrel.client.media.AudioBackend;
import app.carrel.client.i18n.Texts;
import app.carrel.client.media.LocalVideo;
import app.carrel.client.media.MediaFactory;
import app.carrel.client.media.VideoFormat;
import app.carrel.client.prejoin.CameraChoice;
import app.carrel.client.prejoin.Devices;
import app.carrel.client.prejoin.JoinPlan;
import app.carrel.client.prejoin.PreJoinMedia;
import app.carrel.client.signaling.SignalingException;
import app.carrel.client.status.StatusModel;
import app.carrel.client.video.PreviewedCamera;
import app.carrel.client.video.VideoFeed;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.TextRules;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The join workflow and what it produces: one engine and the room model that listens to it.
 * Failure is handled here, in one place: the engine is freed on a worker and the future fails
 * with a sentence for the person (room full, wrong password, …).
 */
public final class RoomSession {

    private static final Logger log = LoggerFactory.getLogger(RoomSession.class);

    private final CallEngine engine;
    private final RoomModel model;
    private final DevicesModel devices;

    private RoomSession(CallEngine engine, RoomModel model, DevicesModel devices) {
        this.engine = engine;
        this.model = model;
        this.devices = devices;
    }

    public RoomModel model() {
        return model;
    }

    /** The camera and sound of this call, to change during it. */
    public DevicesModel devices() {
        return devices;
    }

    /** FX thread. Completes on the FX thread. The plan's media factory passes to the engine. */
    public static CompletableFuture<RoomSession> join(JoinPlan plan, StatusModel status, DevicesModel.Remembered remembered,
                                                      BooleanSupplier muteDuringFocus) {
        var request = plan.request();
        RoomModel[] modelRef = new RoomModel[1];
        // Our camera, this one at first or another picked in the call, also feeds our own tile.
        Function<CameraChoice, Supplier<LocalVideo>> cameraOf = choice -> () ->
                previewed(plan.factory(), choice.open(VideoFormat.DEFAULT, request.name()), modelRef[0].self().camera());
        CallConfig config = config(plan, cameraOf.apply(plan.camera()));
        CallEngine engine = new CallEngine(config, plan.factory());
        RoomModel model = new RoomModel(engine, status, request.name(), plan.microphoneOn(), plan.cameraOn(), muteDuringFocus);
        modelRef[0] = model;
        model.self().setSelfViewMirrored(plan.camera().mirrored());
        engine.addListener(new FxCallListener(model));
        AudioBackend audio = plan.factory().audioBackend();
        DevicesModel devices = new DevicesModel(remembered, plan.camera(), plan.microphone(), plan.speaker(),
                () -> Background.supply(() -> new PreJoinMedia.Found(audio, Devices.cameras(),
                        Devices.microphones(audio), Devices.speakers(audio))),
                choice -> engine.switchCamera(cameraOf.apply(choice)),
                engine::useAudioDevices,
                model.self()::setSelfViewMirrored, Platform::runLater);
        status.connecting(request.server().toString());
        CompletableFuture<RoomSession> result = new CompletableFuture<>();
        engine.join(request.room().id(), request.password(), plan.goal()).whenComplete((joined, error) -> Platform.runLater(() -> {
            if (error == null) {
                log.info("Joined {} as {}", joined.room().name(), joined.selfId());
                result.complete(new RoomSession(engine, model, devices));
            } else {
                log.info("Join of {} failed: {}", request.room().name(), error.toString());
                // The engine's last words (lobby, closed) are not the app's state: the lobby's
                // own connection speaks for the status banner again.
                model.release();
                Background.run(engine::close);
                result.completeExceptionally(new JoinFailure(describe(error, request.room().name()), codeOf(error)));
            }
        }));
        return result;
    }

    /** The camera with our own view on it; a camera the preview cannot be made for is closed again. */
    private static LocalVideo previewed(MediaFactory factory, LocalVideo camera, VideoFeed self) {
        try {
            return new PreviewedCamera(factory, camera, self);
        } catch (RuntimeException e) {
            camera.close();
            throw e;
        }
    }

    /** The engine's configuration: everything chosen in the lobby and before joining. */
    static CallConfig config(JoinPlan plan, Supplier<LocalVideo> camera) {
        var request = plan.request();
        return CallConfig.builder(request.server(), request.name())
                .camera(camera)
                .microphoneOn(plan.microphoneOn())
                .cameraOn(plan.cameraOn())
                .trust(request.trust())
                .joinCode(request.joinCode())
                .audioDevices(plan.microphone(), plan.speaker())
                .build();
    }

    /** Frees the engine (and with it every native object) on a worker. */
    public CompletableFuture<Void> close() {
        return Background.run(engine::close);
    }

    private static ErrorCode codeOf(Throwable error) {
        return SignalingException.unwrap(error) instanceof SignalingException s ? s.code() : null;
    }

    static String describe(Throwable error, String roomName) {
        Throwable e = SignalingException.unwrap(error);
        if (!(e instanceof SignalingException s)) {
            return Texts.get("join.failed", roomName, e.getMessage());
        }
        ErrorCode code = s.code();
        if (code == null) {
            return Texts.get("join.unreachable", s.getMessage());
        }
        // The server's English message is logged above (join failed); a person reads ours.
        return switch (code) {
            case ROOM_FULL -> Texts.get("join.roomFull", roomName);
            case WRONG_PASSWORD -> Texts.get("join.wrongPassword", roomName);
            case INVALID_NAME -> Texts.get("lobby.invalidName", TextRules.MAX_NAME);
            case ROOM_NOT_FOUND -> Texts.get("join.roomNotFound", roomName);
            default -> Texts.get("join.failed", roomName, Texts.error(code));
        };
    }
}
