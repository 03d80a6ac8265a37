package app.carrel.bench.server;

import app.carrel.bench.ProcessSample;
import app.carrel.bench.ServerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the server load generators (a picocli mixin). */
public final class ServerOptions {
    @Option(names = "--server-jar", defaultValue = "signaling-server/target/carrel-server.jar",
            description = "The carrel-server.jar to run (default: ${DEFAULT-VALUE})")
    Path serverJar;

    @Option(names = "--server-jvm", paramLabel = "OPTION",
            description = "A JVM option for the server process; repeatable (e.g. -XX:StartFlightRecording=…)")
    List<String> serverJvm = new ArrayList<>();

    @Option(names = "--rate-limit", defaultValue = "1000000",
            description = "Server --rate-limit and --rate-burst; raised so the bucket never drops (default: ${DEFAULT-VALUE})")
    int rateLimit;

    /**
     * One event loop per core by default: with a single loop, a receiver's handler waited while the
     * same thread was still sending the burst, and that wait counted as relay latency (negotiate
     * p99 ~23 ms with one loop, ~17 ms with two, the server unchanged).
     */
    @Option(names = "--client-threads", defaultValue = "0",
            description = "Generator event-loop threads, each running its sockets' I/O and callbacks; 0 = one per core")
    int clientThreads;

    /**
     * Off by default: each message is then its own write and TCP segment, as from an app that
     * sends them one by one. On, the 11 messages a negotiate sender queues at once reach the
     * server in one segment (as the replies written during a read always do), which roughly
     * halves the generator's CPU per negotiate burst but also gives the server fewer, larger reads.
     */
    @Option(names = "--coalesce-sends",
            description = "Sends queued for one socket at once leave in one write (generator CPU; see README)")
    boolean coalesceSends;

    @Option(names = "--work-dir", defaultValue = "bench/target/work", description = "Database and server logs")
    Path workDir;

    public ServerProcess startServer() throws Exception {
        ServerProcess server = ServerProcess.start(serverJar, serverJvm, serverArgs(), workDir);
        System.out.printf("server pid %d at %s (rate limit %d/s)%n", server.pid(), server.uri(), rateLimit);
        return server;
    }

    /**
     * A new server process over {@code old}'s database and port, as a restart starts one; it
     * returns at once, before the new process listens. {@code old} must have exited.
     */
    public ServerProcess launchReplacement(ServerProcess old) throws Exception {
        return ServerProcess.launch(serverJar, serverJvm, serverArgs(), workDir, old.database(), old.uri().getPort());
    }

    private List<String> serverArgs() {
        // Every generated client comes from 127.0.0.1: the per-address limits, meant for one school's
        // NAT, would refuse a bench's thousands of connections and rooms.
        return List.of("--rate-limit", Integer.toString(rateLimit), "--rate-burst", Integer.toString(rateLimit),
                "--max-capacity", "8", "--max-connections-per-address", "1000000",
                "--room-creations-per-hour", "1000000", "--max-rooms-per-address", "1000000");
    }

    public Clients clients(ServerProcess server) {
        Clients clients = new Clients(server.uri(), clientThreads > 0 ? clientThreads : Runtime.getRuntime().availableProcessors(), coalesceSends);
        System.out.printf("generator: Netty WebSocket clients, %s%n", clients.transport());
        return clients;
    }

    /** "server 0.83 cores, generator 1.02 cores" between two pairs of samples. */
    public static String cpu(ProcessSample server0, ProcessSample server1, ProcessSample self0, ProcessSample self1) {
        return String.format("CPU: server %.2f cores, generator %.2f cores (of %d)", server1.coresSince(server0),
                self1.coresSince(self0), Runtime.getRuntime().availableProcessors());
    }
}
