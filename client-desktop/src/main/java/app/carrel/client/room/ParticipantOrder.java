package app.carrel.client.room;

import app.carrel.client.i18n.Texts;
import java.text.Collator;
import java.util.Comparator;

/**
 * The participants panel's order: ourselves first, then everyone by name as the person's
 * language sorts names (Collator: "émile" beside "Emma", 가나다 order in Korean), the id
 * breaking ties between two people of the same name. We come first so our own goal and state
 * (the row with the edit action) are always at the top; the rest by name, not by who speaks or
 * who joined last, so in a hall of 50 a person is found where the alphabet says and rows never
 * jump under the pointer when someone mutes, speaks or takes a break.
 */
final class ParticipantOrder {

    private ParticipantOrder() {
    }

    static Comparator<Participant> comparator() {
        Collator collator = Collator.getInstance(Texts.locale());
        collator.setStrength(Collator.SECONDARY); // "ada" and "Ada" sort together
        return Comparator.comparing((Participant p) -> !p.self())
                .thenComparing(Participant::name, collator)
                .thenComparing(Participant::id);
    }
}
