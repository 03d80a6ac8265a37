package app.carrel.client.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.NoLeaksExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Choosing audio devices. This machine has no audio server, so only the modules that touch no
 * device can be exercised: they must say the choice is ignored, not fail or pretend.
 */
@ExtendWith(NoLeaksExtension.class)
class MediaFactoryTest {

    @Test
    void theHeadlessModuleIgnoresADeviceChoiceWithANotice() {
        try (MediaFactory factory = MediaFactory.create(new AudioBackend(AudioBackend.Kind.HEADLESS, "test"))) {
            List<String> notices = factory.useAudioDevices("USB Mic", "Headphones");
            assertEquals(1, notices.size(), notices.toString());
            assertTrue(notices.get(0).contains("ignored"), notices.get(0));
        }
    }

    @Test
    void noChoiceNeedsNoNotice() {
        try (MediaFactory factory = MediaFactory.create(AudioBackend.synthetic("test"))) {
            assertEquals(List.of(), factory.useAudioDevices(null, null));
        }
    }
}
