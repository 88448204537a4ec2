package io.slicer.tools.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.strategy.StrategyFactory;
import io.slicer.engine.strategy.StrategyRegistry;
import io.slicer.journal.EngineSettings;
import io.slicer.journal.JournalDirectory;
import io.slicer.journal.JournaledEngine;
import io.slicer.journal.RingJournal;
import io.slicer.journal.StrategyApproval;
import io.slicer.journal.StrategySpecs;
import io.slicer.journal.audit.ShadowAudit;
import io.slicer.policy.seal.ModelApprovals;
import io.slicer.policy.seal.ModelTrust;
import io.slicer.tools.day.LobsterDayDriver;
import io.slicer.tools.day.OmsLog;
import io.slicer.tools.day.ScenarioDay;
import io.slicer.tools.day.SimulatedDay;
import io.slicer.tools.demo.CodeVersion;
import io.slicer.tools.marketdata.lobster.LobsterDays;
import io.slicer.tools.sim.EpisodeResult;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.Scenarios;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code slicer run}: runs the engine over a day with every input and decision journaled.
 * <ul>
 *   <li>{@code --scenario NAME} (any simulator scenario): one episode of the scenario's parent order traded through
 *       the engine's ring ({@link ScenarioDay}) into a fresh journal (the episode is played from its start, so an
 *       existing journal is refused before anything is written); reports the day's IS, its split and the simulator's
 *       TWAP on the same episode.</li>
 *   <li>{@code --scenario small-day} or {@code --lobster SYMBOL}: the synchronous journaled engine; an existing journal
 *       is recovered and the day finished. The simulated OMS writes the children it received to
 *       {@code DIR/oms.log}. A LOBSTER day reports its IS, split, VWAP slippage, fills and participation from the
 *       same accounting as a scenario day ({@link io.slicer.tools.day.RecordedDayTca}).</li>
 * </ul>
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"Runs the engine over a simulated or historical (LOBSTER) day, journaling every input and "
                + "decision.", "Restarting on an existing journal recovers it and finishes the day."})
public final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final class Market {
        @Option(names = "--scenario", paramLabel = "NAME",
                description = {"A simulator scenario (e.g. stochastic-liquidity, liquid-stock, lobster:AMZN:300:12): one "
                        + "episode (--seed, --episode) of its parent order traded through the engine's ring into a "
                        + "fresh journal;", "or " + SimulatedDay.STANDARD + ": three parent orders over ten simulated "
                        + "minutes on the synchronous journaled engine (recovers an existing journal)."})
        String scenario;

        @Option(names = "--lobster", paramLabel = "SYMBOL",
                description = "LOBSTER day of SYMBOL (e.g. AMZN) from $SLICER_SHARED_DATA (or --data).")
        String lobster;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Market market;

    @Option(names = "--strategy", required = true, paramLabel = "SPEC",
            description = "Strategy of every parent order: twap, vwap, vwap:adaptive, pov[:rate[:cap]], ac[:lambda],"
                    + " dqn:DIR,"
                    + " iql:DIR, model:DIR (any sealed model directory with a card, e.g. from model import-onnx),"
                    + " optionally /TACTIC (cross, join, step, peg, peg:mid; resting ones with --lobster only).")
    String strategy;

    @Option(names = "--shadow", paramLabel = "SPEC",
            description = {"A second strategy run in shadow: it decides every slice from the same features, sends "
                    + "nothing and is journaled; its cost is a counterfactual estimate (the order's impact model on "
                    + "the observed path). A model here needs a seal, not an approval."})
    String shadow;

    @Option(names = "--arm", paramLabel = "SPEC",
            description = {"A further live strategy for an A/B test (repeatable): registered after --strategy, in "
                    + "order; with --config abTest=SEED/W0/W1[/...] each order goes to arm i (0: --strategy) by a"
                    + " seeded hash of its id."})
    List<String> arms = new ArrayList<>();

    @Option(names = "--approvals", paramLabel = "FILE",
            description = "Model approvals file (default: approvals.jsonl in the trusted-keys directory): a model "
                    + "trades live only when its identity is approved there.")
    Path approvals;

    @Option(names = "--journal", required = true, paramLabel = "DIR", description = "Journal directory.")
    Path journal;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Market seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--episode", defaultValue = "0", paramLabel = "I",
            description = "Scenario episode index under --seed (default: ${DEFAULT-VALUE}).")
    long episode;

    @Option(names = "--data", paramLabel = "DIR", description = "Shared data root holding the LOBSTER files.")
    Path data;

    @Option(names = "--side", defaultValue = "BUY", description = "LOBSTER order side (default: ${DEFAULT-VALUE}).")
    Side side;

    @Option(names = "--quantity", defaultValue = "6200", description = "LOBSTER order shares (default: ${DEFAULT-VALUE}).")
    long quantity;

    @Option(names = "--slices", defaultValue = "12", description = "LOBSTER order slices (default: ${DEFAULT-VALUE}).")
    int slices;

    @Option(names = "--config", defaultValue = "", paramLabel = "K=V;...",
            description = "Engine settings, e.g. 'participationCap=0.2;twapFallback=true'.")
    String config;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final long started = System.nanoTime();
        // The strategy (with its model's seal) and the settings are checked before anything is written; a
        // policy:SHA256 spec names a model in the journal's archive and is checked by the journal's registry.
        final StrategyRegistry registry = StrategyRegistry.standard(ModelTrust.live());
        for (final String spec : specs()) {
            // A learned tactic (its chooser's seal checked here) may rest any child: it needs a queueing venue as a
            // passive fixed tactic does.
            if (!spec.startsWith(StrategySpecs.POLICY_PREFIX) && rests(registry.factory(spec))
                    && market.lobster == null) {
                throw new IllegalArgumentException("strategy '" + spec + "': a resting child needs a venue that "
                        + "queues it, and only --lobster SYMBOL has one (the simulated days fill every child at its "
                        + "limit); use a crossing strategy here");
            }
        }
        if (strategy.equals(shadow)) {
            throw new IllegalArgumentException("--shadow " + shadow + " is the live --strategy itself; a shadow is a"
                    + " second strategy");
        }
        engineSettings().toConfig();
        final List<StrategyApproval> approved = liveApprovals();
        final Map<String, Object> doc = new LinkedHashMap<>();
        if (market.scenario != null && !SimulatedDay.STANDARD.equals(market.scenario)) {
            scenarioDay(doc, approved);
        } else {
            journaledDay(doc, err, approved);
        }
        if (!approved.isEmpty()) {
            doc.put("approval", approved.get(0).approval().id());
            doc.put("approvedBy", approved.get(0).approval().approver());
        }
        if (shadow != null) {
            doc.put("shadow", shadowReport(ShadowAudit.read(journal)));
        }
        doc.put("seconds", (System.nanoTime() - started) / 1e9);
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } else {
            doc.forEach((k, v) -> out.printf(Locale.ROOT, "%-23s %s%n", k, v));
        }
        out.flush();
        return 0;
    }

    /** One episode of a simulator scenario through the engine's ring, into a fresh journal. */
    private void scenarioDay(final Map<String, Object> doc, final List<StrategyApproval> approved)
            throws java.io.IOException {
        if (JournalDirectory.hasRecords(journal)) {
            throw new IllegalArgumentException("journal " + journal + " already holds records; a scenario episode is "
                    + "played from its start into a new journal: choose a new directory (replay this one with "
                    + "'slicer replay --journal " + journal + "')");
        }
        final Scenario scenario = Scenarios.byName(market.scenario);
        final ScenarioDay day = new ScenarioDay(scenario, seed, episode);
        final ScenarioDay.Venue venue = new ScenarioDay.Venue();
        final ScenarioDay.Result r;
        try (RingJournal ring = RingJournal.open(prepare(journal), CodeVersion.release(),
                withShadow(ScenarioDay.settings(scenario, config)), specs(), approved, venue, builder -> {
                })) {
            r = day.play(ring, venue);
        }
        final EpisodeResult twap = day.simulateTwap();
        doc.put("market", "scenario " + scenario.name() + " seed " + seed + " episode " + episode);
        doc.put("journal", journal.toString());
        doc.put("strategy", r.strategy());
        doc.put("side", r.side().toString());
        doc.put("quantity", r.quantity());
        doc.put("filled", r.filled());
        doc.put("status", r.status().toString());
        doc.put("haltReason", r.haltReason());
        doc.put("isBps", r.isBps());
        doc.put("temporaryImpactBps", r.temporaryImpactBps());
        doc.put("permanentImpactBps", r.permanentImpactBps());
        doc.put("timingBps", r.timingBps());
        doc.put("opportunityBps", r.opportunityBps());
        doc.put("vwapSlippageBps", r.vwapSlippageBps());
        doc.put("fills", r.fills());
        doc.put("participation", r.participation());
        doc.put("participationMax", r.participationMax());
        doc.put("engineIsBps", r.engineIsBps());
        doc.put("engineTwapBenchmarkBps", r.engineTwapBenchmarkBps());
        doc.put("simulatorTwapIsBps", twap.isBps());
        doc.put("marketDataRejected", scenario.marketDataRejected());
        doc.put("inputs", r.inputs());
        doc.put("decisions", r.decisions());
        doc.put("childrenSent", r.children());
        doc.put("journalRecords", r.journalRecords());
    }

    /** The journaled synchronous engine over small-day or a LOBSTER day; an existing journal is recovered. */
    private void journaledDay(final Map<String, Object> doc, final PrintWriter err,
                              final List<StrategyApproval> approved) throws java.io.IOException {
        final EngineSettings settings = engineSettings();
        try (OmsLog oms = new OmsLog(prepare(journal).resolve("oms.log"));
             JournaledEngine engine = JournaledEngine.open(journal, CodeVersion.release(), settings,
                     specs(), approved, oms)) {
            final List<String> reconciled = SimulatedDay.reconcile(engine, oms);
            if (engine.recovery() != null) {
                err.printf(Locale.ROOT, "slicer run: recovered %,d inputs from %s; reconciled %s%n",
                        engine.recovery().inputsReplayed(), journal, reconciled);
                doc.put("recoveredInputs", engine.recovery().inputsReplayed());
                doc.put("reconciled", reconciled);
            }
            if (market.scenario != null) {
                SimulatedDay.standard(seed, 1).play(engine, oms, second -> {
                });
                doc.put("market", "simulated " + SimulatedDay.STANDARD + " seed " + seed);
            } else {
                final Path root = data != null ? data : LobsterDays.sharedDataRoot().orElseThrow(() ->
                        new IllegalArgumentException("--lobster needs the shared data: set SLICER_SHARED_DATA or "
                                + "pass --data"));
                final LobsterDayDriver driver = new LobsterDayDriver(LobsterDays.find(root, market.lobster), side,
                        quantity, slices);
                driver.play(engine, oms);
                doc.put("market", "LOBSTER " + driver.day().label());
                final ParentOrder order = engine.core().order(LobsterDayDriver.orderId());
                if (order != null) {
                    doc.put("quantity", order.quantity());
                    doc.put("filled", order.filled());
                    doc.put("status", order.status().toString());
                    doc.put("haltReason", order.killSwitchState().reason() == null ? ""
                            : order.killSwitchState().reason().toString());
                }
                if (driver.tca() != null) {
                    quality(doc, driver.tca().result(), driver.tca().fills());
                }
            }
            doc.put("journal", journal.toString());
            doc.put("strategy", engine.session().strategies().get(0));
            doc.put("inputs", engine.core().sequence());
            doc.put("decisions", engine.core().decisions());
            doc.put("childrenSent", engine.core().childrenSent());
            doc.put("cancelsSent", engine.core().cancelsSent());
            doc.put("marketDataRefused", engine.core().marketDataRefused());
            doc.put("journalRecords", engine.journalRecords());
        }
    }

    /**
     * A recorded day's costs under the names a scenario day reports them by, from the same accounting
     * ({@link EpisodeResult}); on a replayed tape our own permanent impact is zero by construction.
     */
    private static void quality(final Map<String, Object> doc, final EpisodeResult r, final long fills) {
        doc.put("arrivalPrice", r.arrivalPrice());
        doc.put("isBps", r.isBps());
        doc.put("isDollars", r.isCurrency());
        doc.put("temporaryImpactBps", r.temporaryImpactBps());
        doc.put("permanentImpactBps", r.permanentImpactBps());
        doc.put("timingBps", r.timingBps());
        doc.put("opportunityBps", r.opportunityBps());
        doc.put("vwapSlippageBps", r.vwapSlippageBps());
        doc.put("fills", fills);
        doc.put("filledShares", r.executed());
        doc.put("participation", r.meanParticipation());
        doc.put("participationMax", r.maxParticipation());
    }

    /**
     * The approvals the live strategies' models trade under (none for a schedule): a model the approvals file does
     * not approve is refused here, before anything is written. The shadow needs none.
     */
    private static boolean rests(final StrategyFactory factory) {
        return factory.tacticChooser() != null || factory.tactic().passive();
    }

    private List<StrategyApproval> liveApprovals() {
        final List<String> live = new ArrayList<>();
        live.add(strategy);
        live.addAll(arms);
        return StrategyApproval.forLive(live, approvals != null ? approvals : ModelApprovals.defaultFile(), journal);
    }

    /** The live strategy (index 0, every order's), then the shadow when there is one. */
    private List<String> specs() {
        final List<String> specs = new ArrayList<>();
        specs.add(strategy);
        specs.addAll(arms);
        if (shadow != null) {
            specs.add(shadow);
        }
        return specs;
    }

    private EngineSettings engineSettings() {
        return withShadow(EngineSettings.parse(config));
    }

    private EngineSettings withShadow(final EngineSettings settings) {
        return shadow == null ? settings : settings.set("shadowStrategy", String.valueOf(1 + arms.size()));
    }

    /**
     * The shadow per order and for the day (would-be units and their estimated IS, weighted by units): counterfactual
     * estimates, never fills.
     */
    private Map<String, Object> shadowReport(final Map<Long, ShadowAudit.OrderShadow> orders) {
        final Map<String, Object> report = new LinkedHashMap<>();
        report.put("strategy", shadow);
        report.put("note", "counterfactual estimate: the order's impact model applied to the shadow's would-be"
                + " children on the observed path; nothing was sent");
        final List<Map<String, Object>> rows = new ArrayList<>();
        double weighted = 0;
        long units = 0;
        for (final ShadowAudit.OrderShadow o : orders.values()) {
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("orderId", o.orderId());
            row.put("slices", o.slices());
            row.put("wouldTrade", o.wouldTrade());
            row.put("estimatedIsBps", o.estimatedIsBps());
            row.put("fault", o.fault() == null ? "" : o.fault().toString());
            rows.add(row);
            if (o.estimated()) {
                weighted += o.estimatedIsBps() * o.wouldTrade();
                units += o.wouldTrade();
            }
        }
        report.put("estimatedIsBps", units > 0 ? weighted / units : Double.NaN);
        report.put("failedOrders", orders.values().stream().filter(o -> o.fault() != null).count());
        report.put("orders", rows);
        return report;
    }

    private static Path prepare(final Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        return dir;
    }
}
