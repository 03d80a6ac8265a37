package app.carrel.client.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a chat line into plain text and http(s) links, as people paste them into sentences. */
final class ChatLinks {

    record Span(String text, boolean link) {
    }

    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"]+");
    // Punctuation that ends the sentence, not the address: "see https://x.org/a." or "(https://x.org)".
    private static final String TRAILING = ".,;:!?'\")]}";

    private ChatLinks() {
    }

    static List<Span> split(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher m = URL.matcher(text);
        int at = 0;
        while (m.find()) {
            String url = trimTrailing(m.group());
            if (url.endsWith("://")) { // "http://" alone is a word, not an address
                continue;
            }
            if (m.start() > at) {
                spans.add(new Span(text.substring(at, m.start()), false));
            }
            spans.add(new Span(url, true));
            at = m.start() + url.length();
        }
        if (at < text.length()) {
            spans.add(new Span(text.substring(at), false));
        }
        return spans;
    }

    private static String trimTrailing(String url) {
        int end = url.length();
        while (end > 0 && TRAILING.indexOf(url.charAt(end - 1)) >= 0) {
            char c = url.charAt(end - 1);
            // A closing bracket that has its opening one inside belongs to the address (Wikipedia).
            if (c == ')' && count(url, '(', end) > count(url, ')', end - 1)) {
                break;
            }
            end--;
        }
        return url.substring(0, end);
    }

    private static int count(String s, char c, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
