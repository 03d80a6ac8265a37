package app.carrel.client.call;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.NoLeaksExtension;
import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.MediaFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A microphone and speaker chosen before joining go to the engine's audio module when it joins.
 * With no audio server here the engine runs headless, so the person is told the choice is
 * ignored; picking a real device can only be tried where PulseAudio runs.
 */
@ExtendWith(NoLeaksExtension.class)
class AudioDeviceChoiceTest {

    @TempDir
    Path dir;

    @Test
    void aDeviceChoiceWithoutAnAudioServerIsReportedAsIgnoredOnJoin() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            EventRecorder events = new EventRecorder();
            CallConfig config = CallConfig.builder(call::uri, "d").format(CallFixture.SMALL)
                    .audioDevices("USB Mic", "Headphones").build();
            try (CallEngine engine = new CallEngine(config,
                    MediaFactory.create(new AudioBackend(AudioBackend.Kind.HEADLESS, "test")))) {
                engine.addListener(events);
                call.join(engine, call.createRoom(engine, "Devices", 2));
                EventRecorder.Event notice = events.next("the ignored-device notice", CallFixture.LIMIT,
                        e -> e.kind().equals("problem"));
                assertTrue(((String) notice.value()).contains("ignored"), String.valueOf(notice.value()));
            }
        }
    }

    @Test
    void aDeviceChoiceInTheMiddleOfACallWithoutAnAudioServerIsReportedAsIgnored() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            EventRecorder events = new EventRecorder();
            CallEngine engine = call.engine("d", 0x3B82F6, events);
            call.join(engine, call.createRoom(engine, "Devices", 2));
            engine.useAudioDevices("USB Mic", null).get(10, java.util.concurrent.TimeUnit.SECONDS);
            EventRecorder.Event notice = events.next("the ignored-device notice", CallFixture.LIMIT,
                    e -> e.kind().equals("problem"));
            assertTrue(((String) notice.value()).startsWith("No sound system was found"), String.valueOf(notice.value()));
            assertTrue(engine.state() == CallState.IN_CALL, "the call goes on");
        }
    }
}
