package io.slicer.tools.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.slicer.tools.governance.AbComparison;
import io.slicer.tools.governance.JournalOrders;
import io.slicer.tools.governance.StrategyLedger;
import io.slicer.tools.report.DayReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code slicer report}: post-trade reports from journals (A/B comparison, daily TCA). */
@Command(name = "report", description = "Post-trade reports from journals: an A/B comparison, the daily TCA.",
        mixinStandardHelpOptions = true, subcommands = {ReportCommand.Ab.class, ReportCommand.Day.class})
public final class ReportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "ab", mixinStandardHelpOptions = true,
            description = {"Compares the arms of an A/B test over the orders of one or more journals (days): Welch's"
                    + " t-test, a matched comparison (size, horizon, time of day) and the orders per arm a given"
                    + " effect needs (80% power, 5% two-sided)."})
    static final class Ab implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--journal", required = true, arity = "1..*", paramLabel = "DIR", description = "Journals.")
        List<Path> journals;

        @Option(names = "--effect-bps", defaultValue = "1.0", paramLabel = "BPS",
                description = "Effect the power calculation sizes for (default: ${DEFAULT-VALUE} bps).")
        double effect;

        @Option(names = "--json", description = "Print one JSON document instead of text.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            final List<AbComparison.Order> orders = new ArrayList<>();
            for (final Path j : journals) {
                CliArguments.requireJournalDirectory(j);
                for (final JournalOrders.Order o : JournalOrders.read(j)) {
                    if (o.audit().filled() > 0) {
                        orders.add(new AbComparison.Order(o.audit().strategy(), o.audit().orderId(),
                                o.audit().quantity(), o.horizonSeconds(), o.startSecondOfDay(), o.audit().totalBps()));
                    }
                }
            }
            final TreeSet<String> arms = new TreeSet<>();
            orders.forEach(o -> arms.add(o.arm()));
            if (arms.size() != 2) {
                throw new IllegalArgumentException("an A/B comparison needs orders of exactly two arms; the journals "
                        + "hold " + arms);
            }
            final AbComparison.Result r = AbComparison.compare(arms.first(), arms.last(), orders, effect);
            final PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
            } else {
                out.printf(Locale.ROOT, "arms       %s (n=%d, mean IS %.2f bps, sd %.2f) vs %s (n=%d, mean %.2f, sd"
                        + " %.2f)%n", r.a(), r.nA(), r.meanA(), r.sdA(), r.b(), r.nB(), r.meanB(), r.sdB());
                out.printf(Locale.ROOT, "Welch      t %.3f, p %.4f (difference %s - %s: %.2f bps)%n", r.welchT(),
                        r.welchP(), r.b(), r.a(), r.meanB() - r.meanA());
                out.printf(Locale.ROOT, "matched    %d pairs on size, horizon, time of day: mean difference %.2f bps,"
                        + " paired p %.4f%n", r.matchedPairs(), r.matchedMeanDifference(), r.matchedP());
                out.printf(Locale.ROOT, "power      %,d orders per arm detect %.2f bps at 80%% power, 5%% two-sided%n",
                        r.ordersPerArmForEffect(), r.effectBps());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "day", mixinStandardHelpOptions = true,
            description = {"The daily TCA report of a journal, Markdown and PNG: per order the IS split, against the "
                    + "TWAP benchmark and VWAP, participation, halts and reasons, shadow vs live, the ledger's "
                    + "streaks."})
    static final class Day implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--journal", required = true, paramLabel = "DIR", description = "Journal directory.")
        Path journal;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Report directory.")
        Path out;

        @Option(names = "--ledger", paramLabel = "DIR", description = "Strategy ledger whose streaks to include.")
        Path ledger;

        @Override
        public Integer call() {
            CliArguments.requireJournalDirectory(journal);
            final Path md = DayReport.write(journal, JournalOrders.read(journal),
                    ledger == null ? null : StrategyLedger.open(ledger), out);
            spec.commandLine().getOut().println("wrote " + md + ", " + out.resolve(DayReport.IS_SPLIT_PNG) + ", "
                    + out.resolve(DayReport.LIVE_VS_BENCHMARKS_PNG));
            return 0;
        }
    }
}
