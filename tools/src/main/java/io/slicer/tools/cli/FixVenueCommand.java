package io.slicer.tools.cli;

import io.slicer.tools.fix.venue.SimulatedVenue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code slicer fix-venue}: a simulated FIX 4.4 venue streaming a scenario's market until stopped. */
@Command(name = "fix-venue",
        mixinStandardHelpOptions = true,
        description = {"Runs a simulated FIX 4.4 venue (CompID VENUE) on 127.0.0.1: streams the scenario's market",
                "(a LOBSTER scenario: the day's quotes and trades) and fills orders on its impact model."})
public final class FixVenueCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "P", description = "Port to listen on (127.0.0.1).")
    int port;

    @Option(names = "--scenario", required = true, paramLabel = "NAME",
            description = "Scenario whose market to stream (e.g. liquid-stock, ac-2000).")
    String scenario;

    @Option(names = "--symbol", required = true, paramLabel = "SYM", description = "Symbol the venue trades.")
    String symbol;

    @Option(names = "--speed", defaultValue = "1", paramLabel = "X",
            description = "Scenario time per wall-clock time (default ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--market-data", defaultValue = "incremental", paramLabel = "MODE",
            description = {"incremental: one 35=W at subscription, then 35=X changes (default);",
                    "snapshot: a 35=W every tick."})
    String marketData;

    @Override
    public Integer call() throws Exception {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("--speed " + speed + ": expected a positive number");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--port " + port + ": expected 1-65535");
        }
        if (!marketData.equals("incremental") && !marketData.equals("snapshot")) {
            throw new IllegalArgumentException("--market-data " + marketData + ": expected incremental or snapshot");
        }
        final SimulatedVenue venue = SimulatedVenue.start(scenario, symbol, port, speed,
                marketData.equals("incremental"), System.err);
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            venue.close();
            stopped.countDown();
        }, "fix-venue-stop"));
        final PrintWriter out = spec.commandLine().getOut();
        out.println("ready venue=127.0.0.1:" + port + " scenario=" + scenario + " symbol=" + symbol);
        out.flush();
        stopped.await();
        return 0;
    }
}
