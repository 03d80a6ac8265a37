package app.carrel.client.room;

import app.carrel.protocol.CheckInResult;
import app.carrel.protocol.Presence;

/** Copies the study fields of a seat (Peer, or Self after joining) onto a participant. */
final class StudyFields {

    private StudyFields() {
    }

    /** Null fields (a v1 server) read as: no goal, focusing, seated at an unknown time, no mark. */
    static void apply(Participant p, String goal, Presence presence, Long since, CheckInResult checkIn) {
        p.setGoal(goal);
        p.setPresence(presence);
        p.setSince(since == null ? 0 : since);
        p.setCheckIn(checkIn);
    }
}
