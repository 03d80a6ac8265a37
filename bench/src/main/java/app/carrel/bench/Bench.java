package app.carrel.bench;

import app.carrel.bench.client.CallSetupBench;
import app.carrel.bench.client.CameraBitrateBench;
import app.carrel.bench.client.HallBench;
import app.carrel.bench.client.MeshBench;
import app.carrel.bench.client.RenderBench;
import app.carrel.bench.client.SoakBench;
import app.carrel.bench.server.IdleBench;
import app.carrel.bench.server.JoinStormBench;
import app.carrel.bench.server.LobbyBench;
import app.carrel.bench.server.LobbyFeedBench;
import app.carrel.bench.server.NegotiateBench;
import app.carrel.bench.server.ResumeStormBench;
import app.carrel.bench.server.ScalingBench;
import app.carrel.bench.server.ThroughputBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar bench/target/carrel-bench.jar <benchmark> [options]}. Each benchmark prints
 * its progress and one or more lines starting with {@code RESULT}; bench/run.sh keeps them.
 */
@Command(name = "carrel-bench", mixinStandardHelpOptions = true,
        description = "Carrel benchmarks: server load generators, call benchmarks, render path (JMH).",
        subcommands = {NegotiateBench.class, ThroughputBench.class, JoinStormBench.class, IdleBench.class,
                ScalingBench.class, CallSetupBench.class, MeshBench.class, SoakBench.class, RenderBench.class,
                CameraBitrateBench.class, HallBench.class, LobbyBench.class,
                LobbyFeedBench.class, ResumeStormBench.class})
public final class Bench implements Runnable {

    public static void main(String[] args) {
        // Later options win, so bench/run.sh's defaults can be overridden from its command line.
        int code = new CommandLine(new Bench()).setOverwrittenOptionsAllowed(true).execute(args);
        System.exit(code);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
