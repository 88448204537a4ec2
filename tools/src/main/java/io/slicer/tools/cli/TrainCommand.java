package io.slicer.tools.cli;

import io.slicer.engine.sim.Scenario;
import io.slicer.engine.sim.Scenarios;
import io.slicer.tools.train.ModelExport;
import io.slicer.tools.train.TrainedPolicy;
import io.slicer.tools.train.TrainingProgress;
import io.slicer.tools.train.TrainingSeeds;
import io.slicer.tools.train.dqn.DqnConfig;
import io.slicer.tools.train.dqn.DqnTrainer;
import io.slicer.tools.train.iql.IqlConfig;
import io.slicer.tools.train.iql.IqlTrainer;
import io.slicer.tools.train.iql.OfflineDataset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code slicer train dqn|iql --scenario NAME --out DIR}: trains a policy on the scenario's simulator under a training
 * seed and writes {@code model.safetensors}, {@code model.json} and {@code learning_curve.csv} into DIR (IQL also
 * writes its offline {@code dataset.bin}). Progress on stderr; a summary (or {@code --json}) on stdout.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a DQN (online) or constrained IQL (offline) slicing policy on a scenario.")
public final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ALGORITHM", description = "dqn or iql")
    String algorithm;

    @Option(names = "--scenario", required = true, paramLabel = "NAME", description = "scenario to train on")
    String scenarioName;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "model directory to write")
    Path out;

    @Option(names = "--seed", paramLabel = "S", description = "training seed (default ${DEFAULT-VALUE}; the "
            + "evaluation seed is refused)")
    long seed = TrainingSeeds.DEFAULT_TRAINING_SEED;

    @Option(names = "--episodes", paramLabel = "N", description = "DQN: training episodes (default 500 with the "
            + "seed action map, 3000 with TWAP multiples)")
    Integer episodes;

    @Option(names = "--steps", paramLabel = "N", description = "IQL: gradient steps (default 100000)")
    Integer steps;

    @Option(names = "--risk-aversion", paramLabel = "LAMBDA", description = "Almgren-Chriss lambda per dollar; "
            + "0 = minimise expected IS (default ${DEFAULT-VALUE})")
    double riskAversion = 0.0;

    @Option(names = "--action-map", paramLabel = "MAP", description = "DQN: 'seed' (the notebook's five fractions of "
            + "remaining) or 'twap' (multiples of the TWAP rate, default)")
    String actionMap = "twap";

    @Option(names = "--action-unit", paramLabel = "UNIT", description = "IQL: 'participation' (default when the "
            + "scenario has a participation cap) or 'twap_multiple'")
    String actionUnit;

    @Option(names = "--max-participation", paramLabel = "P", description = "IQL participation actions range over "
            + "[0, P] (default 0.2, the seed's p_max)")
    double maxParticipation = 0.2;

    @Option(names = "--dataset-episodes", paramLabel = "N", description = "IQL: behaviour episodes to log "
            + "(default ${DEFAULT-VALUE})")
    int datasetEpisodes = 2000;

    @Option(names = "--validation-episodes", paramLabel = "N", description = "IQL: validation episodes per check; "
            + "the constraint's dual step rolls out half as many (default ${DEFAULT-VALUE})")
    int validationEpisodes = 50;

    @Option(names = "--dataset", paramLabel = "DIR", description = "IQL: read dataset.bin from DIR instead of "
            + "generating one")
    Path dataset;

    @Option(names = "--json", description = "print one JSON document on stdout")
    boolean json;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() {
        TrainingSeeds.requireTrainingSeed(seed);
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
                throw new IllegalArgumentException("unknown algorithm '" + algorithm + "', expected dqn or iql");
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        if (!quiet) {
            err.println();
            err.flush();
        }
        ModelExport.save(policy, SlicerVersion.current(), out);
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

    private TrainedPolicy trainDqn(final Scenario scenario, final TrainingProgress progress) {
        if (steps != null) {
            throw new IllegalArgumentException("--steps is for iql; dqn takes --episodes");
        }
        final DqnConfig config;
        switch (actionMap) {
            case "seed":
                config = DqnConfig.seedNotebook(episodes == null ? 500 : positive("--episodes", episodes),
                        riskAversion);
                break;
            case "twap":
                config = DqnConfig.twapGrid(episodes == null ? 3000 : positive("--episodes", episodes),
                        riskAversion);
                break;
            default:
                throw new IllegalArgumentException("--action-map '" + actionMap + "', expected seed or twap");
        }
        return new DqnTrainer(scenario, config, seed).train(progress);
    }

    private TrainedPolicy trainIql(final Scenario scenario, final TrainingProgress progress) {
        if (episodes != null) {
            throw new IllegalArgumentException("--episodes is for dqn; iql takes --steps (and --dataset-episodes)");
        }
        final int n = steps == null ? 100_000 : positive("--steps", steps);
        final double cap = scenario.participationCap();
        final String unit = actionUnit != null ? actionUnit : (Double.isNaN(cap) ? "twap_multiple" : "participation");
        IqlConfig config;
        switch (unit) {
            case "participation":
                config = IqlConfig.participation(maxParticipation, n, cap, riskAversion);
                break;
            case "twap_multiple":
                config = IqlConfig.twapMultiple(n, cap, riskAversion);
                break;
            default:
                throw new IllegalArgumentException("--action-unit '" + unit + "', expected participation or "
                        + "twap_multiple");
        }
        config = config.withSteps(n).withDataset(positive("--dataset-episodes", datasetEpisodes),
                positive("--validation-episodes", validationEpisodes));
        final IqlTrainer trainer = new IqlTrainer(scenario, config, seed);
        final OfflineDataset data;
        if (dataset != null) {
            data = OfflineDataset.read(dataset);
            if (!data.scenario().equals(scenario.name())) {
                throw new IllegalArgumentException(dataset + ": dataset was logged on '" + data.scenario()
                        + "', not '" + scenario.name() + "'");
            }
        } else {
            data = trainer.generateDataset();
            data.write(out);
        }
        return trainer.train(data, progress);
    }

    private static int positive(final String option, final int v) {
        if (v < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + v);
        }
        return v;
    }
}
