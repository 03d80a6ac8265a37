package app.carrel.client.call;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Bytes our connections have sent (our uplink) and received (our downlink) so far, audio and video. */
public record Traffic(long sent, long received) {

    static final Traffic NONE = new Traffic(0, 0);

    static CompletableFuture<Traffic> sum(List<CompletableFuture<Traffic>> each) {
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(v -> each.stream().map(CompletableFuture::join)
                        .reduce(NONE, (a, b) -> new Traffic(a.sent + b.sent, a.received + b.received)));
    }
}
