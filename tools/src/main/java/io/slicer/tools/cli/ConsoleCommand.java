package io.slicer.tools.cli;

import io.slicer.journal.RingJournal;
import io.slicer.journal.SessionRecord;
import io.slicer.tools.console.ConsoleAccess;
import io.slicer.tools.console.ConsoleDay;
import io.slicer.tools.console.LifecycleLog;
import io.slicer.tools.console.OperatorConsole;
import io.slicer.tools.day.ScenarioDay;
import io.slicer.tools.demo.CodeVersion;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.Scenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code slicer console}: N parent orders of a scenario traded through the ring engine and its journal on a clock X
 * times faster than real time ({@link ConsoleDay}), with the operator console ({@link OperatorConsole}) on a port.
 * The tokens come from {@code SLICER_TRADER_TOKEN} / {@code SLICER_VIEWER_TOKEN}; without either it refuses to start.
 */
@Command(name = "console",
        mixinStandardHelpOptions = true,
        description = {"Runs N parent orders of a scenario through the engine and journal, with the operator console "
                + "(live blotter, kill switch, /metrics) on --port.",
                "Needs SLICER_TRADER_TOKEN and/or SLICER_VIEWER_TOKEN in the environment."})
public final class ConsoleCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "NAME",
            description = "A simulator scenario whose order terms the orders take (e.g. liquid-stock).")
    String scenario;

    @Option(names = "--strategy", required = true, paramLabel = "SPEC",
            description = "Strategy of every parent order: twap, vwap, vwap:adaptive, pov[:rate[:cap]], ac[:lambda],"
                    + " dqn:DIR,"
                    + " iql:DIR, model:DIR (any sealed model directory with a card, e.g. from model import-onnx).")
    String strategy;

    @Option(names = "--port", required = true, paramLabel = "P", description = "Port of the console (0: any free).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR",
            description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--speed", defaultValue = "60", paramLabel = "X",
            description = "Event time runs X times faster than real time (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--orders", defaultValue = "3", paramLabel = "N",
            description = "Parent orders (default: ${DEFAULT-VALUE}).")
    int orders;

    @Option(names = "--journal", paramLabel = "DIR",
            description = "Journal directory, new or empty (default: a fresh temporary directory).")
    Path journal;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Market seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--linger", defaultValue = "0", paramLabel = "SECONDS",
            description = "Keep the console up this long after the day ends (default: ${DEFAULT-VALUE}; -1: until killed).")
    long linger;

    @Override
    public Integer call() throws Exception {
        final PrintWriter out = spec.commandLine().getOut();
        final ConsoleAccess access = ConsoleAccess.fromEnvironment(System.getenv());
        final Scenario market = Scenarios.byName(scenario);
        final ConsoleDay day = new ConsoleDay(market, orders, speed, seed);
        final Path dir = journal != null ? journal : Files.createTempDirectory("slicer-console-");
        try (RingJournal ring = RingJournal.open(dir, CodeVersion.release(), ScenarioDay.settings(market, ""),
                List.of(strategy), day.venue())) {
            if (ring.recovery() != null) {
                throw new IllegalArgumentException("journal " + dir + " already holds a day: give a new directory");
            }
            final SessionRecord session = ring.session();
            final String model = session.models().isEmpty() ? "" : session.models().get(0).sha256();
            if (!model.isEmpty()) {
                LifecycleLog.event("model.loaded", "name", session.models().get(0).name(), "sha256", model);
            }
            try (OperatorConsole console = OperatorConsole.builder(ring.engine(), access, day::now)
                    .host(host).port(port).symbol(day.symbol(), 0).journal(dir, ring::journalRecords).build()) {
                console.start();
                for (long id = 1; id <= orders; id++) {
                    console.watch(id, day.symbol(), day.side(id), day.terms().quantity(), day.terms().startTime(),
                            day.terms().endTime(), session.strategies().get(0), model);
                }
                out.println("console on http://" + host + ":" + console.port() + "/  journal " + dir);
                out.flush();
                day.play(ring.engine(), () -> false);
                ring.engine().flush();
                out.println("day done: " + ring.journalRecords() + " journal records; audit with: slicer audit "
                        + "--journal " + dir);
                out.flush();
                if (linger < 0) {
                    Thread.currentThread().join();
                }
                Thread.sleep(linger * 1000);
            }
        }
        return 0;
    }
}
