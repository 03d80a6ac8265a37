package app.carrel.client.settings;

import app.carrel.client.i18n.Language;
import app.carrel.client.i18n.Texts;
import java.util.Properties;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What Carrel remembers between runs: server, display name and join code per server, the certificate a self-hosted
 * server is trusted by, devices, theme, and
 * "mute me during focus", the last session goal and whether check-ins are shared, the timer that
 * follows you (off unless chosen) and notifications at a phase's end (on unless turned off). FX
 * thread only; every change is saved at once.
 */
public final class SettingsModel {

    public static final String DEFAULT_SERVER = "ws://127.0.0.1:7000/signal";
    public static final String LIGHT = "light";
    public static final String DARK = "dark";

    private final SettingsStore store;
    private final Properties values;
    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper(this, "server");
    private final ReadOnlyStringWrapper theme = new ReadOnlyStringWrapper(this, "theme");
    private final ReadOnlyStringWrapper camera = new ReadOnlyStringWrapper(this, "camera");
    private final ReadOnlyStringWrapper microphone = new ReadOnlyStringWrapper(this, "microphone");
    private final ReadOnlyStringWrapper speaker = new ReadOnlyStringWrapper(this, "speaker");
    /** A PEM file of certificates a wss:// server may present; "" = the JVM's trust store. */
    private final ReadOnlyStringWrapper trustCert = new ReadOnlyStringWrapper(this, "trustCert");
    private final ReadOnlyBooleanWrapper muteDuringFocus = new ReadOnlyBooleanWrapper(this, "muteDuringFocus");
    /** The small always-on-top timer while Carrel is minimised or in the background. */
    private final ReadOnlyBooleanWrapper timerFollows = new ReadOnlyBooleanWrapper(this, "timerFollows");
    /** A desktop notification at each phase end of the room's timer. */
    private final ReadOnlyBooleanWrapper phaseNotifications = new ReadOnlyBooleanWrapper(this, "phaseNotifications");
    /** A {@link Language} tag; "" follows the system. Read once, as the app starts. */
    private final ReadOnlyStringWrapper language = new ReadOnlyStringWrapper(this, "language");
    private final ReadOnlyStringWrapper saveProblem = new ReadOnlyStringWrapper(this, "saveProblem", "");
    /** The session goal last declared ("What are you working on?"), offered again on pre-join. */
    private final ReadOnlyStringWrapper goal = new ReadOnlyStringWrapper(this, "goal");
    /** Whether a check-in is shared with the room; the prompt's box starts as last left. */
    private final ReadOnlyBooleanWrapper shareCheckIns = new ReadOnlyBooleanWrapper(this, "shareCheckIns");

    private SettingsModel(SettingsStore store, Properties values) {
        this.store = store;
        this.values = values;
        server.set(values.getProperty("server", DEFAULT_SERVER));
        theme.set(values.getProperty("theme", LIGHT));
        camera.set(values.getProperty("camera", ""));
        microphone.set(values.getProperty("microphone", ""));
        speaker.set(values.getProperty("speaker", ""));
        trustCert.set(values.getProperty("trustCert", ""));
        muteDuringFocus.set(Boolean.parseBoolean(values.getProperty("muteDuringFocus", "false")));
        timerFollows.set(Boolean.parseBoolean(values.getProperty("timerFollows", "false")));
        phaseNotifications.set(Boolean.parseBoolean(values.getProperty("phaseNotifications", "true")));
        language.set(Language.of(values.getProperty("language", "")).tag());
        goal.set(values.getProperty("goal", ""));
        shareCheckIns.set(Boolean.parseBoolean(values.getProperty("shareCheckIns", "true")));
    }

    public static SettingsModel load(SettingsStore store) {
        return new SettingsModel(store, store.load());
    }

    public ReadOnlyStringProperty serverProperty() {
        return server.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cameraProperty() {
        return camera.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty microphoneProperty() {
        return microphone.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty speakerProperty() {
        return speaker.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty trustCertProperty() {
        return trustCert.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty languageProperty() {
        return language.getReadOnlyProperty();
    }

    public Language language() {
        return Language.of(language.get());
    }

    public ReadOnlyBooleanProperty muteDuringFocusProperty() {
        return muteDuringFocus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty timerFollowsProperty() {
        return timerFollows.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty phaseNotificationsProperty() {
        return phaseNotifications.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty goalProperty() {
        return goal.getReadOnlyProperty();
    }

    public void setGoal(String text) {
        put("goal", text, goal);
    }

    public ReadOnlyBooleanProperty shareCheckInsProperty() {
        return shareCheckIns.getReadOnlyProperty();
    }

    public void setShareCheckIns(boolean on) {
        if (on != shareCheckIns.get() || !values.containsKey("shareCheckIns")) {
            values.setProperty("shareCheckIns", Boolean.toString(on));
            shareCheckIns.set(on);
            save();
        }
    }

    /** The window's last size, or the given one when none was saved (or it was unreadable). */
    public double[] windowSize(double defaultWidth, double defaultHeight) {
        try {
            return new double[] {
                Double.parseDouble(values.getProperty("windowWidth", String.valueOf(defaultWidth))),
                Double.parseDouble(values.getProperty("windowHeight", String.valueOf(defaultHeight)))};
        } catch (NumberFormatException e) {
            return new double[] {defaultWidth, defaultHeight};
        }
    }

    /** Saved once, as the window closes, not on every step of a resize. */
    public void setWindowSize(double width, double height) {
        values.setProperty("windowWidth", String.valueOf(Math.round(width)));
        values.setProperty("windowHeight", String.valueOf(Math.round(height)));
        save();
    }

    /** Non-empty when the last save failed, for a notice. */
    public ReadOnlyStringProperty saveProblemProperty() {
        return saveProblem.getReadOnlyProperty();
    }

    /** The display name last used on {@code serverAddress}, or "". */
    public String nameFor(String serverAddress) {
        return values.getProperty("name." + serverAddress, values.getProperty("name", ""));
    }

    public void rememberName(String serverAddress, String name) {
        values.setProperty("name." + serverAddress, name);
        values.setProperty("name", name);
        save();
    }

    /**
     * The join code that last worked on {@code serverAddress}, or null. Kept in the settings file
     * like the name: a school's shared code, not a personal secret (the file is the user's own).
     */
    public String joinCodeFor(String serverAddress) {
        return values.getProperty("joinCode." + serverAddress);
    }

    public void rememberJoinCode(String serverAddress, String code) {
        values.setProperty("joinCode." + serverAddress, code);
        save();
    }

    /** The server no longer takes the code remembered for it. */
    public void forgetJoinCode(String serverAddress) {
        if (values.remove("joinCode." + serverAddress) != null) {
            save();
        }
    }

    /**
     * The owner token of a room we created on {@code serverAddress}, or null. Kept with the other
     * settings; the file is written as a fresh temp file (owner-only permissions) and moved.
     */
    public String ownerToken(String serverAddress, String roomId) {
        return values.getProperty(ownerKey(serverAddress, roomId));
    }

    public void rememberOwnerToken(String serverAddress, String roomId, String token) {
        values.setProperty(ownerKey(serverAddress, roomId), token);
        save();
    }

    /** The room is gone: its token is of no more use. */
    public void forgetOwnerToken(String serverAddress, String roomId) {
        if (values.remove(ownerKey(serverAddress, roomId)) != null) {
            save();
        }
    }

    private static String ownerKey(String serverAddress, String roomId) {
        return "owner." + roomId + "@" + serverAddress;
    }

    public void setServer(String address) {
        put("server", address, server);
    }

    public void setTheme(String name) {
        put("theme", DARK.equals(name) ? DARK : LIGHT, theme);
    }

    public void setCamera(String name) {
        put("camera", name, camera);
    }

    public void setMicrophone(String name) {
        put("microphone", name, microphone);
    }

    public void setSpeaker(String name) {
        put("speaker", name, speaker);
    }

    public void setTrustCert(String pemPath) {
        put("trustCert", pemPath == null ? "" : pemPath.strip(), trustCert);
    }

    public void setLanguage(Language chosen) {
        put("language", chosen.tag(), language);
    }

    public void setMuteDuringFocus(boolean on) {
        putFlag("muteDuringFocus", on, muteDuringFocus);
    }

    public void setTimerFollows(boolean on) {
        putFlag("timerFollows", on, timerFollows);
    }

    public void setPhaseNotifications(boolean on) {
        putFlag("phaseNotifications", on, phaseNotifications);
    }

    private void putFlag(String key, boolean on, ReadOnlyBooleanWrapper property) {
        values.setProperty(key, Boolean.toString(on));
        property.set(on);
        save();
    }

    private void put(String key, String value, ReadOnlyStringWrapper property) {
        String v = value == null ? "" : value;
        values.setProperty(key, v);
        property.set(v);
        save();
    }

    private void save() {
        saveProblem.set(store.save(values) ? "" : Texts.get("settings.saveFailed", store.file()));
    }
}
