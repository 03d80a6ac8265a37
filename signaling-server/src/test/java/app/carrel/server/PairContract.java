package app.carrel.server;

import app.carrel.server.testing.Member;
import app.carrel.server.testing.ServerFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A contract test whose every test starts with Alice and Bob seated together in one room. */
abstract class PairContract {

    @RegisterExtension
    final ServerFixture server = configure(new ServerFixture());

    Member alice;
    Member bob;

    /** A test class that needs other server settings (grace, rate) overrides this. */
    ServerFixture configure(ServerFixture fixture) {
        return fixture;
    }

    @BeforeEach
    void seatAPair() {
        Member[] pair = server.pair();
        alice = pair[0];
        bob = pair[1];
    }
}
