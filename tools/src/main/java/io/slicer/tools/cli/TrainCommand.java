package io.slicer.tools.cli;

import io.slicer.engine.decision.ActionMapping;
import io.slicer.engine.order.TacticChooser;
import io.slicer.policy.seal.ModelKeys;
import io.slicer.tools.demo.CodeVersion;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.Scenarios;
import io.slicer.tools.sim.historical.HistoricalScenario;
import io.slicer.tools.train.ModelExport;
import io.slicer.tools.train.TrainedPolicy;
import io.slicer.tools.train.TrainingDefaults;
import io.slicer.tools.train.TrainingProgress;
import io.slicer.tools.train.TrainingSeeds;
import io.slicer.tools.train.dqn.DqnConfig;
import io.slicer.tools.train.dqn.DqnTrainer;
import io.slicer.tools.train.iql.BehaviourPolicy;
import io.slicer.tools.train.iql.IqlConfig;
import io.slicer.tools.train.iql.IqlTrainer;
import io.slicer.tools.train.iql.OfflineDataset;
import io.slicer.tools.train.tactic.TacticTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;

/**
 * {@code slicer train dqn|iql --scenario NAME --out DIR}: trains a policy on the scenario's simulator under a training
 * seed and writes {@code model.safetensors}, {@code model.json} and {@code learning_curve.csv} into DIR (IQL also
 * writes its offline {@code dataset.bin}). Progress on stderr; a summary (or {@code --json}) on stdout.
 *
 * <p>Without tuning flags a scenario with a row in {@link TrainingDefaults} trains with that row (the settings that
 * reach its README targets on any training seed); every flag given overrides its one value.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a DQN (online) or constrained IQL (offline) slicing policy on a scenario, or a child tactic "
                + "chooser (tactic) on a LOBSTER window.")
public final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ALGORITHM", description = "dqn, iql or tactic (a child tactic "
            + "chooser on a LOBSTER window; --episodes is then its passes over the children, default 200)")
    String algorithm;

    @Option(names = "--scenario", required = true, paramLabel = "NAME", description = "scenario to train on")
    String scenarioName;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "model directory to write")
    Path out;

    @Option(names = "--seed", paramLabel = "S", description = "training seed (default ${DEFAULT-VALUE}; the "
            + "evaluation seed is refused)")
    long seed = TrainingSeeds.DEFAULT_TRAINING_SEED;

    @Option(names = "--episodes", paramLabel = "N", description = "DQN: training episodes (default 500 with the "
            + "seed action map; with TWAP multiples 3000 or the scenario's TrainingDefaults row, the regime preset "
            + "6000, the demo preset 4500)")
    Integer episodes;

    @Option(names = "--steps", paramLabel = "N", description = "IQL: gradient steps (default: the scenario's "
            + "TrainingDefaults row, ac-2000 and liquid-stock 30000; else 100000; the demo preset 40000)")
    Integer steps;

    @Option(names = "--risk-aversion", paramLabel = "LAMBDA", description = "Almgren-Chriss lambda per dollar; "
            + "0 = minimise expected IS (default ${DEFAULT-VALUE})")
    double riskAversion = 0.0;

    @Option(names = "--action-map", paramLabel = "MAP", description = "DQN: 'seed' (the notebook's five fractions of "
            + "remaining) or 'twap' (multiples of the TWAP rate, default)")
    String actionMap = "twap";

    @Option(names = "--action-unit", paramLabel = "UNIT", description = "IQL: 'participation' (default when the "
            + "policy is constrained by a participation cap) or 'twap_multiple'")
    String actionUnit;

    @Option(names = "--max-participation", paramLabel = "P", description = "IQL participation actions range over "
            + "[0, P] (default 0.2, the seed's p_max)")
    double maxParticipation = 0.2;

    @Option(names = "--dataset-episodes", paramLabel = "N", description = "IQL: behaviour episodes to log "
            + "(default 2000; the demo preset 4000)")
    Integer datasetEpisodes;

    @Option(names = "--validation-episodes", paramLabel = "N", description = "validation episodes (training seed) "
            + "per check; IQL's constraint dual step rolls out half as many (default: the preset's; IQL 50)")
    Integer validationEpisodes;

    @Option(names = "--preset", paramLabel = "NAME", description = "DQN with TWAP multiples: 'default', 'regime' "
            + "(decaying learning rate, weight average: for liquidity regimes) or 'demo' (the regime preset on a "
            + "budget of about half a minute); IQL: 'default' or 'demo' (default ${DEFAULT-VALUE})")
    String preset = "default";

    @Option(names = "--participation-cap", paramLabel = "P|none", description = "IQL: the constraint's cap "
            + "(default: the scenario's, except where its TrainingDefaults row trains unconstrained: liquid-stock); "
            + "'none' trains unconstrained")
    String participationCap;

    @Option(names = "--behaviours", paramLabel = "B,B,...", split = ",", description = "IQL: behaviour policies "
            + "that log the dataset: noisy-twap, pov, noisy-vwap, volume-follow (default noisy-twap,pov,noisy-vwap)")
    String[] behaviours;

    @Option(names = "--expectile", paramLabel = "TAU", description = "IQL: expectile of the value loss (default: the "
            + "scenario's TrainingDefaults row, ac-2000 and liquid-stock 0.9; else 0.7)")
    Double expectile;

    @Option(names = "--beta", paramLabel = "BETA", description = "IQL: inverse temperature of the advantage weights "
            + "(default: the scenario's TrainingDefaults row, ac-2000 and liquid-stock 10; else 3)")
    Double beta;

    @Option(names = "--behaviour-noise", paramLabel = "SD", description = "IQL: relative noise of the behaviour "
            + "policies that log the dataset (default: the scenario's TrainingDefaults row, ac-2000 and liquid-stock "
            + "0.8; else 0.3)")
    Double behaviourNoise;

    @Option(names = "--actions", paramLabel = "M,M,...", split = ",", description = "DQN with TWAP multiples: the "
            + "action grid (overrides the preset's 0,0.25,0.5,0.75,0.9,1,1.1,1.25,1.5,2,3 and the finer one of "
            + "ac-2000's TrainingDefaults row)")
    double[] actionValues;

    @Option(names = "--hidden", paramLabel = "W,W,...", split = ",", description = "DQN: hidden layer widths "
            + "(overrides the preset's)")
    int[] hidden;

    @Option(names = "--n-step", paramLabel = "N", description = "DQN: n-step returns (overrides the preset)")
    Integer nStep;

    @Option(names = "--lr-end", paramLabel = "RATE", description = "DQN: final learning rate of the linear decay "
            + "(overrides the preset)")
    Double lrEnd;

    @Option(names = "--dataset", paramLabel = "DIR", description = "IQL: read dataset.bin from DIR instead of "
            + "generating one")
    Path dataset;

    @Option(names = "--force", description = "write into --out even if it already holds files (a model there is"
            + " replaced)")
    boolean force;

    @Option(names = "--json", description = "print one JSON document on stdout")
    boolean json;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    /** Passes over the training children of {@code train tactic} (its --episodes). */
    static final int TACTIC_EPOCHS = 200;

    @Override
    public Integer call() {
        TrainingSeeds.requireTrainingSeed(seed);
        CliArguments.requireFreshOutput("--out", out, force);
        if ("tactic".equals(algorithm)) {
            return trainTactic();
        }
        final Scenario scenario = Scenarios.byName(scenarioName);
        final PrintWriter err = spec.commandLine().getErr();
        final TrainingProgress progress = quiet ? TrainingProgress.NONE : new ProgressBar(err);
        final long start = System.nanoTime();
        final TrainedPolicy policy;
        switch (algorithm) {
            case "dqn":
                policy = trainDqn(scenario, progress);
                break;
            case "iql":
                policy = trainIql(scenario, progress);
                break;
            default:
                throw new IllegalArgumentException("unknown algorithm '" + algorithm + "', expected dqn, iql or "
                        + "tactic");
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        if (!quiet) {
            err.println();
            err.flush();
        }
        ModelExport.save(policy, CodeVersion.release(), out);
        final PrintWriter o = spec.commandLine().getOut();
        final String validation = policy.extra().getOrDefault("validation_is_bps", "NaN");
        if (json) {
            o.printf(Locale.ROOT, "{\"algorithm\":\"%s\",\"scenario\":\"%s\",\"seed\":%d,\"out\":\"%s\","
                            + "\"validation_is_bps\":%s,\"seconds\":%.3f}%n", policy.algorithm(), scenario.name(), seed,
                    out.toString().replace("\\", "\\\\").replace("\"", "\\\""), validation, seconds);
        } else {
            o.printf(Locale.ROOT, "%s on %s (seed %d): validation IS %s bps, trained in %.1f s -> %s%n",
                    policy.algorithm(), scenario.name(), seed, validation, seconds, out);
        }
        o.flush();
        return 0;
    }

    /** {@code train tactic}: a tactic chooser on a LOBSTER scenario's window, sealed and written with its card. */
    private Integer trainTactic() {
        final Scenario scenario = Scenarios.byName(scenarioName);
        if (!(scenario instanceof HistoricalScenario day) || day.queueModel() == null) {
            throw new IllegalArgumentException("train tactic: --scenario '" + scenarioName + "' is not a LOBSTER day"
                    + " (expected lobster:SYMBOL[:sliceSeconds[:slices]][@HH:MM-HH:MM])");
        }
        final int passes = episodes == null ? TACTIC_EPOCHS : episodes;
        positive("--episodes", passes);
        final long start = System.nanoTime();
        final TacticTrainer.Result r = TacticTrainer.train(day, seed, passes, CodeVersion.release());
        final double seconds = (System.nanoTime() - start) / 1e9;
        r.model().save(out, ModelKeys.signingKey(ModelKeys.directory(),
                notice -> spec.commandLine().getErr().println("slicer: " + notice)));
        final PrintWriter o = spec.commandLine().getOut();
        final double[] c = r.meanCostBps();
        if (json) {
            o.printf(Locale.ROOT, "{\"algorithm\":\"%s\",\"scenario\":\"%s\",\"seed\":%d,\"out\":\"%s\","
                            + "\"children\":%d,\"meanCostBps\":{\"cross\":%.4f,\"join\":%.4f,\"step\":%.4f},"
                            + "\"chosenCostBps\":%.4f,\"seconds\":%.3f}%n", TacticChooser.ALGORITHM, day.name(), seed,
                    out.toString().replace("\\", "\\\\").replace("\"", "\\\""), r.samples(), c[0], c[1], c[2],
                    r.fittedCostBps(), seconds);
        } else {
            o.printf(Locale.ROOT, "%s on %s (seed %d, %d children, %d epochs): in-sample cost per child %.3f bps "
                            + "(always cross %.3f, join %.3f, step %.3f), trained in %.1f s -> %s%n",
                    TacticChooser.ALGORITHM, day.name(), seed, r.samples(), passes, r.fittedCostBps(), c[0], c[1],
                    c[2], seconds, out);
        }
        o.flush();
        return 0;
    }

    private TrainedPolicy trainDqn(final Scenario scenario, final TrainingProgress progress) {
        if (steps != null) {
            throw new IllegalArgumentException("--steps is for iql; dqn takes --episodes");
        }
        final DqnConfig.Builder config;
        switch (actionMap) {
            case "seed":
                config = DqnConfig.seedNotebook();
                break;
            case "twap":
                config = twapPreset();
                if ("default".equals(preset)) {
                    TrainingDefaults.dqn(scenario.name()).ifPresent(row -> {
                        config.episodes(row.episodes());
                        if (row.actions() != null) {
                            config.actionMap("twap-multiples-fine", ActionMapping.Unit.TWAP_MULTIPLE, row.actions());
                        }
                    });
                }
                break;
            default:
                throw new IllegalArgumentException("--action-map '" + actionMap + "', expected seed or twap");
        }
        config.riskAversion(riskAversion);
        applyCount("--episodes", episodes, config::episodes);
        applyCount("--validation-episodes", validationEpisodes, config::validationEpisodes);
        if (actionValues != null) {
            if (!"twap".equals(actionMap)) {
                throw new IllegalArgumentException("--actions needs --action-map twap");
            }
            for (final double m : actionValues) {
                if (!(m >= 0) || Double.isInfinite(m)) {
                    throw new IllegalArgumentException("--actions: TWAP multiples must be >= 0, got " + m);
                }
            }
            config.actionMap("twap-multiples-custom", ActionMapping.Unit.TWAP_MULTIPLE, actionValues);
        }
        if (hidden != null) {
            for (final int w : hidden) {
                positive("--hidden", w);
            }
            config.hidden(hidden);
        }
        applyCount("--n-step", nStep, config::nStep);
        applyValue(lrEnd, config::learningRateEnd);
        return new DqnTrainer(scenario, config.build(), seed).train(progress);
    }

    private DqnConfig.Builder twapPreset() {
        switch (preset) {
            case "default":
                return DqnConfig.twapGrid();
            case "regime":
                return DqnConfig.regimeGrid();
            case "demo":
                return DqnConfig.demo();
            default:
                throw new IllegalArgumentException("--preset '" + preset + "', expected default, regime or demo");
        }
    }

    private TrainedPolicy trainIql(final Scenario scenario, final TrainingProgress progress) {
        if (episodes != null) {
            throw new IllegalArgumentException("--episodes is for dqn; iql takes --steps (and --dataset-episodes)");
        }
        final boolean demo = "demo".equals(preset);
        if (!demo && !"default".equals(preset)) {
            throw new IllegalArgumentException("--preset '" + preset + "' for iql, expected default or demo");
        }
        final TrainingDefaults.Iql row = demo ? null : TrainingDefaults.iql(scenario.name()).orElse(null);
        final double cap;
        if (participationCap == null) {
            cap = row == null || row.scenarioCapConstrains() ? scenario.terms().participationLimit() : Double.NaN;
        } else {
            cap = "none".equals(participationCap) ? Double.NaN : parseCap(participationCap);
        }
        final String unit = actionUnit != null ? actionUnit
                : (demo || Double.isNaN(cap) ? "twap_multiple" : "participation");
        if (!"participation".equals(unit) && !"twap_multiple".equals(unit)) {
            throw new IllegalArgumentException("--action-unit '" + unit + "', expected participation or "
                    + "twap_multiple");
        }
        if (demo && !"twap_multiple".equals(unit)) {
            throw new IllegalArgumentException("--preset demo trains TWAP multiples; drop --action-unit " + unit
                    + " or pass --participation-cap none");
        }
        final IqlConfig.Builder config = demo ? IqlConfig.demo()
                : "participation".equals(unit) ? IqlConfig.participation(maxParticipation) : IqlConfig.twapMultiple();
        config.participationCap(cap).riskAversion(riskAversion);
        if (row != null) {
            config.steps(row.steps()).behaviourNoise(row.behaviourNoise()).expectile(row.expectile()).beta(row.beta());
        }
        applyCount("--steps", steps, config::steps);
        applyCount("--dataset-episodes", datasetEpisodes, config::datasetEpisodes);
        applyCount("--validation-episodes", validationEpisodes, config::validationEpisodes);
        applyValue(expectile, config::expectile);
        applyValue(beta, config::beta);
        applyValue(behaviourNoise, config::behaviourNoise);
        final IqlTrainer trainer = new IqlTrainer(scenario, config.build(), seed);
        final OfflineDataset data;
        if (dataset != null) {
            data = OfflineDataset.read(dataset);
            if (!data.scenario().equals(scenario.name())) {
                throw new IllegalArgumentException(dataset + ": dataset was logged on '" + data.scenario()
                        + "', not '" + scenario.name() + "'");
            }
        } else {
            if (behaviours == null) {
                data = demo ? trainer.generateDataset(BehaviourPolicy.ADAPTIVE) : trainer.generateDataset();
            } else {
                final java.util.List<BehaviourPolicy> list = new java.util.ArrayList<>();
                for (final String b : behaviours) {
                    list.add(BehaviourPolicy.of(b.trim()));
                }
                data = trainer.generateDataset(list);
            }
            data.write(out);
        }
        return trainer.train(data, progress);
    }

    private static double parseCap(final String text) {
        final double p;
        try {
            p = Double.parseDouble(text);
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("--participation-cap '" + text + "', expected a fraction in (0, 1] "
                    + "or 'none'");
        }
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("--participation-cap must be in (0, 1] or 'none', got " + text);
        }
        return p;
    }

    /**
     * A count {@code option} the user gave (at least 1) overrides the preset's through {@code setter}; absent, the
     * preset's stays.
     */
    private static void applyCount(final String option, final Integer given, final IntConsumer setter) {
        if (given != null) {
            setter.accept(positive(option, given));
        }
    }

    /** A value the user gave overrides the preset's through {@code setter}; absent, the preset's stays. */
    private static void applyValue(final Double given, final DoubleConsumer setter) {
        if (given != null) {
            setter.accept(given);
        }
    }

    private static int positive(final String option, final int v) {
        if (v < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + v);
        }
        return v;
    }
}
