package app.carrel.client.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.carrel.client.chat.ChatLinks.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatLinksTest {

    @Test
    void linksInASentenceLeaveTheSentencesPunctuationOutside() {
        assertEquals(List.of(new Span("notes at ", false), new Span("https://example.org/a?b=1", true),
                        new Span(", slides (", false), new Span("http://x.io/s", true), new Span(").", false)),
                ChatLinks.split("notes at https://example.org/a?b=1, slides (http://x.io/s)."));
    }

    @Test
    void aBracketThatBelongsToTheAddressStays() {
        assertEquals(List.of(new Span("https://en.wikipedia.org/wiki/Pomodoro_(technique)", true)),
                ChatLinks.split("https://en.wikipedia.org/wiki/Pomodoro_(technique)"));
    }

    @Test
    void textWithoutAnAddressIsOnePlainSpan() {
        assertEquals(List.of(new Span("ftp://old or http:// alone or example.org", false)),
                ChatLinks.split("ftp://old or http:// alone or example.org"));
    }
}
