package app.carrel.client.i18n;

import java.util.Locale;

/** The languages the app speaks; SYSTEM follows the computer's locale. Stored by {@link #tag}. */
public enum Language {
    SYSTEM(""),
    ENGLISH("en"),
    KOREAN("ko");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** What settings store: "" for SYSTEM. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return this == SYSTEM ? Locale.getDefault() : Locale.forLanguageTag(tag);
    }

    /** The name shown in the language choice: each language in its own words, SYSTEM in ours. */
    public String displayName() {
        return Texts.get("language." + name().toLowerCase(Locale.ROOT));
    }

    /** SYSTEM for "" or a tag no longer offered. */
    public static Language of(String tag) {
        for (Language language : values()) {
            if (language.tag.equals(tag)) {
                return language;
            }
        }
        return SYSTEM;
    }
}
