package app.carrel.client.bot;

import app.carrel.client.call.CallConfig;
import app.carrel.client.call.CallEngine;
import app.carrel.client.media.MediaFactory;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The participants one carrel-bot process runs: n engines on one media factory, so n bots cost
 * one set of WebRTC threads and one audio module (and, as ever, one load of the native library
 * per JVM). Owns the factory and closes it after every engine on it.
 */
final class BotCrowd implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BotCrowd.class);

    private final MediaFactory media;
    private final List<Bot> bots = new ArrayList<>();

    /**
     * {@code config} makes one bot's call settings from its name and colour. Names are
     * {@code name} alone for one bot, else {@code name-1} to {@code name-n}.
     */
    BotCrowd(MediaFactory media, String name, Color color, int n, BiFunction<String, Color, CallConfig> config) {
        this.media = media;
        List<Color> colors = HueSpread.of(color, n);
        try {
            for (int i = 0; i < n; i++) {
                String own = n == 1 ? name : name + "-" + (i + 1);
                CallEngine engine = CallEngine.sharing(config.apply(own, colors.get(i)), media);
                bots.add(new Bot(own, colors.get(i), engine, new Uplink()));
            }
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    List<Bot> bots() {
        return bots;
    }

    @Override
    public void close() {
        for (Bot bot : bots) {
            try {
                bot.engine().close();
            } catch (RuntimeException e) { // the others and the factory must still be freed
                log.warn("Closing {} failed", bot.name(), e);
            }
        }
        media.close();
    }
}
