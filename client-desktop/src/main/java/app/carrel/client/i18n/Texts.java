package app.carrel.client.i18n;

import app.carrel.protocol.ErrorCode;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every word the app shows a person: {@code texts.properties} (English, the default) and
 * {@code texts_ko.properties} beside this class. Each value is a {@link MessageFormat} pattern,
 * so a literal apostrophe is written twice ({@code ''}) and plurals are choices
 * ({@code {0,choice,1#one|1<{0} more}}). The language is chosen once, before the first window
 * ({@link #use}); the FX thread reads it afterwards, so a volatile field is all the sharing needed.
 */
public final class Texts {

    static final String BUNDLE = "app.carrel.client.i18n.texts";

    // No fallback to the JVM's default locale: English chosen on a Korean system must be English
    // (ResourceBundle's default Control would try texts_ko before the base bundle).
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static volatile ResourceBundle bundle = load(Locale.getDefault());
    private static volatile Locale locale = Locale.getDefault();

    private Texts() {
    }

    /** Switches to {@code language}; windows opened after this speak it. */
    public static void use(Language language) {
        Locale locale = language.locale();
        if (language != Language.SYSTEM) {
            // JavaFX's own words (OK, Cancel, text field menus) follow the default locale.
            Locale.setDefault(locale);
        }
        Texts.locale = locale;
        bundle = load(locale);
    }

    /**
     * The locale numbers and times are formatted for: the chosen one, even when its words fall
     * back to English (a French system reads English words and French times).
     */
    public static Locale locale() {
        return locale;
    }

    /** The text for {@code key} with {@code args} filled in. A missing key is a bug: it throws. */
    public static String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale()).format(args);
    }

    /** Our own words for a server's error code (its English message is for logs). */
    public static String error(ErrorCode code) {
        return get("error." + code.wire());
    }

    /** A clock time as this language writes it ("3:07 PM", "오후 3:07"). */
    public static String time(Instant at) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale())
                .withZone(ZoneId.systemDefault()).format(at);
    }

    static ResourceBundle load(Locale locale) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("the app's texts are missing from the jar", e);
        }
    }
}
