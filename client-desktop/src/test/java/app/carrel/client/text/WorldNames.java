package app.carrel.client.text;

import java.util.List;

/** Names in the scripts study groups write in (issue 15), for the tests that show them. */
public final class WorldNames {

    public static final List<String> ALL = List.of("강용민", "알고리즘 스터디", "さくら", "ليلى", "Ana 👩🏽‍💻");

    private WorldNames() {
    }
}
