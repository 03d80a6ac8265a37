package app.carrel.client.prejoin;

import app.carrel.client.lobby.JoinRequest;
import app.carrel.client.media.MediaFactory;

/**
 * Everything chosen before entering: the lobby's request, the camera, the microphone and speaker
 * by name (null: the system's default), how to start, and the session goal ("" for none).
 * The media factory travels with it: whoever holds the plan owns the factory (the engine, once
 * one is made from it).
 */
public record JoinPlan(JoinRequest request, MediaFactory factory, CameraChoice camera,
                       boolean microphoneOn, boolean cameraOn, String microphone, String speaker, String goal) {

    public JoinPlan {
        goal = goal == null ? "" : goal;
    }

    /** A plan without a goal. */
    public JoinPlan(JoinRequest request, MediaFactory factory, CameraChoice camera,
                    boolean microphoneOn, boolean cameraOn, String microphone, String speaker) {
        this(request, factory, camera, microphoneOn, cameraOn, microphone, speaker, "");
    }
}
