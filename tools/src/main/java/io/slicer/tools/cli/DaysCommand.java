package io.slicer.tools.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.slicer.engine.strategy.StrategyRegistry;
import io.slicer.journal.RingJournal;
import io.slicer.journal.SessionNote;
import io.slicer.journal.StrategyChoice;
import io.slicer.policy.seal.ModelTrust;
import io.slicer.tools.day.ScenarioDay;
import io.slicer.tools.demo.CodeVersion;
import io.slicer.tools.governance.StrategyLedger;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.Scenarios;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code slicer days}: N consecutive days of a scenario through the engine's ring, each into its own journal under
 * the ledger, with the {@link StrategyLedger}: per day the IS, the engine's TWAP benchmark, the losing streak and any
 * demotion. A demoted strategy's days trade TWAP, and each such day's journal says so (a STRATEGY_CHOICE record after
 * its SESSION) until a trader re-enables it with {@code slicer ledger enable}.
 */
@Command(name = "days",
        mixinStandardHelpOptions = true,
        description = {"Runs N consecutive scenario days through the engine with the strategy ledger: per day the IS,"
                + " the TWAP benchmark, the losing streak and any demotion.",
                "A strategy that underperforms its TWAP benchmark --losing-days days in a row (default 5) trades "
                        + "TWAP until 'slicer ledger enable'."})
public final class DaysCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "NAME", description = "Simulator scenario.")
    String scenario;

    @Option(names = "--strategy", required = true, paramLabel = "SPEC", description = "Strategy of every day.")
    String strategy;

    @Option(names = "--days", required = true, paramLabel = "N", description = "Days to run.")
    int days;

    @Option(names = "--ledger", required = true, paramLabel = "DIR",
            description = "Ledger directory (ledger.jsonl; day journals under journals/).")
    Path ledgerDir;

    @Option(names = "--losing-days", defaultValue = "" + StrategyLedger.DEFAULT_LOSING_DAYS, paramLabel = "N",
            description = "Consecutive losing days that demote (default: ${DEFAULT-VALUE}).")
    int losingDays;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Market seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--config", defaultValue = "", paramLabel = "K=V;...", description = "Engine settings.")
    String config;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (days < 1 || losingDays < 1) {
            throw new IllegalArgumentException("--days and --losing-days must be >= 1, found " + days + " and "
                    + losingDays);
        }
        final Scenario market = Scenarios.byName(scenario);
        StrategyRegistry.standard(ModelTrust.live()).factory(strategy);
        ScenarioDay.settings(market, config).toConfig();
        final StrategyLedger ledger = StrategyLedger.open(ledgerDir);
        final List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            final long day = ledger.nextDay();
            final String demotion = ledger.demotion(strategy).orElse(null);
            final String used = demotion == null ? strategy : StrategyLedger.TWAP;
            final List<SessionNote> notes = demotion == null ? List.of()
                    : List.of(new StrategyChoice(0, strategy, used, demotion, ledger.streak(strategy)));
            final Path journal = ledgerDir.resolve("journals").resolve(String.format(Locale.ROOT, "day-%05d", day));
            if (Files.exists(journal)) {
                throw new IllegalArgumentException("day journal " + journal + " already exists but the ledger is at"
                        + " day " + day + ": the ledger and its journals disagree");
            }
            Files.createDirectories(journal);
            final ScenarioDay play = new ScenarioDay(market, seed, day);
            final ScenarioDay.Venue venue = new ScenarioDay.Venue();
            final ScenarioDay.Result r;
            try (RingJournal ring = RingJournal.open(journal, CodeVersion.release(),
                    ScenarioDay.settings(market, config), List.of(used), notes, venue, builder -> {
                    })) {
                r = play.play(ring, venue);
            }
            final StrategyLedger.Outcome o = ledger.recordDay(used, day, journal, r.engineIsBps(),
                    r.engineTwapBenchmarkBps(), losingDays);
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("day", day);
            row.put("requested", strategy);
            row.put("used", used);
            row.put("usedBecause", demotion == null ? "" : demotion);
            row.put("isBps", r.engineIsBps());
            row.put("benchmarkBps", r.engineTwapBenchmarkBps());
            row.put("lost", o.day().lost());
            row.put("losingStreak", o.day().streak());
            row.put("demoted", o.demotion() != null);
            row.put("demotion", o.demotion() == null ? "" : o.demotion());
            row.put("status", r.status().toString());
            row.put("journal", journal.toString());
            rows.add(row);
        }
        final PrintWriter out = spec.commandLine().getOut();
        if (json) {
            final Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("scenario", scenario);
            doc.put("strategy", strategy);
            doc.put("losingDays", losingDays);
            doc.put("ledger", ledgerDir.resolve(StrategyLedger.FILE).toString());
            doc.put("days", rows);
            doc.put("demotedNow", ledger.demotion(strategy).isPresent());
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } else {
            out.printf(Locale.ROOT, "%5s  %-12s %-12s %10s %12s %5s %7s  %s%n", "day", "requested", "used", "IS bps",
                    "TWAP bench", "lost", "streak", "demotion");
            for (final Map<String, Object> row : rows) {
                out.printf(Locale.ROOT, "%5d  %-12s %-12s %10.2f %12.2f %5s %7d  %s%n", row.get("day"),
                        row.get("requested"), row.get("used"), row.get("isBps"), row.get("benchmarkBps"),
                        row.get("lost"), row.get("losingStreak"), row.get("demotion"));
            }
        }
        out.flush();
        return 0;
    }
}
