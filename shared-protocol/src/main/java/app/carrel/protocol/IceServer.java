package app.carrel.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A STUN or TURN server handed out in {@code joined.iceServers}. */
public record IceServer(
        List<String> urls,
        @JsonInclude(JsonInclude.Include.NON_NULL) String username,
        @JsonInclude(JsonInclude.Include.NON_NULL) String credential) {

    public IceServer {
        urls = List.copyOf(urls);
    }
}
