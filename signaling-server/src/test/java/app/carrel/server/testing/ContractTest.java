package app.carrel.server.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A black-box test of the signaling server against the v1 contract (../shared/PROTOCOL.md, told
 * for client writers in docs/protocol.md): thread-checked, never hangs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ThreadCheck.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public @interface ContractTest {
}
