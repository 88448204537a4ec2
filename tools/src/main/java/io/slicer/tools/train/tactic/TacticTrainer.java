package io.slicer.tools.train.tactic;

import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.order.ChildTactic;
import io.slicer.engine.order.TacticChooser;
import io.slicer.engine.order.TacticFeatures;
import io.slicer.engine.strategy.SliceStrategy;
import io.slicer.engine.strategy.StrategyRegistry;
import io.slicer.policy.InferenceContext;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.model.ActionSpace;
import io.slicer.policy.model.Activation;
import io.slicer.policy.model.DenseLayer;
import io.slicer.policy.model.FeatureDomain;
import io.slicer.policy.model.FeatureSpec;
import io.slicer.policy.model.ModelCard;
import io.slicer.policy.model.Provenance;
import io.slicer.tools.sim.Episode;
import io.slicer.tools.sim.EpisodeRunner;
import io.slicer.tools.sim.historical.HistoricalScenario;
import io.slicer.tools.train.nn.Adam;
import io.slicer.tools.train.nn.Mlp;
import io.slicer.tools.train.nn.Nonlinearity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Trains a tactic chooser on a LOBSTER scenario (a training window of one day): every parent order of the window is
 * run with TWAP, and each child is replayed in the day's queue under every candidate tactic ({@link #CANDIDATES}), so
 * each sample carries the cost of all of them (bps of the slice's mid: the child's contribution to the shortfall
 * against arrival, less what the slice's start already owes, which no tactic changes). A one-step DQN (a contextual
 * bandit: the tactic changes neither the schedule's quantities nor the next child's book) then fits
 * Q(features, tactic) = -cost for every tactic at once by mean squared error, with Adam over shuffled mini-batches.
 * Deterministic for a seed: the initial weights and the batch order are its only draws.
 */
public final class TacticTrainer {
    /** The tactics a chooser picks between. */
    public static final ChildTactic[] CANDIDATES = {ChildTactic.CROSS, ChildTactic.JOIN, ChildTactic.STEP};

    private static final int HIDDEN = 32;
    private static final int BATCH = 64;

    private TacticTrainer() {
    }

    /** What a run produced: the model and the samples it learned from. */
    public record Result(PolicyModel model, int samples, double[] meanCostBps, double fittedCostBps) {
    }

    /** Trains on every order of {@code scenario} for {@code epochs} passes over the children; seeds the net. */
    public static Result train(final HistoricalScenario scenario, final long seed, final int epochs,
                               final String codeVersion) {
        final int width = TacticFeatures.ALL.width();
        final int k = CANDIDATES.length;
        final List<float[]> xs = new ArrayList<>();
        final List<double[]> ys = new ArrayList<>();
        final Episode episode = scenario.newTrainingEpisode((f, c) -> {
            xs.add(f.clone());
            ys.add(c.clone());
        }, CANDIDATES);
        final SliceStrategy twap = StrategyRegistry.schedules().factory("twap").create(scenario.terms());
        final SliceDecision decision = new SliceDecision();
        for (int i = 0; i < scenario.episodeCount(); i++) {
            EpisodeRunner.run(episode, twap, decision, seed, i);
        }
        final int n = xs.size();
        if (n == 0) {
            throw new IllegalArgumentException("scenario '" + scenario.name() + "': no child to learn from");
        }
        final double[] mean = new double[width];
        final double[] scale = new double[width];
        final double[] min = new double[width];
        final double[] max = new double[width];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (final float[] x : xs) {
            for (int j = 0; j < width; j++) {
                mean[j] += x[j] / (double) n;
                min[j] = Math.min(min[j], x[j]);
                max[j] = Math.max(max[j], x[j]);
            }
        }
        for (final float[] x : xs) {
            for (int j = 0; j < width; j++) {
                scale[j] += (x[j] - mean[j]) * (x[j] - mean[j]) / n;
            }
        }
        final double[] std = new double[width];
        for (int j = 0; j < width; j++) {
            std[j] = Math.sqrt(scale[j]);
            // A feature that never moved in training (time left is 1 when every child is sent at its slice's start)
            // is passed through unscaled rather than divided by zero.
            scale[j] = std[j] > 1e-9 ? std[j] : 1.0;
        }
        final double[] meanCost = new double[k];
        for (final double[] y : ys) {
            for (int a = 0; a < k; a++) {
                meanCost[a] += y[a] / n;
            }
        }
        final SplittableRandom rng = new SplittableRandom(seed);
        final Mlp net = new Mlp(new int[] {width, HIDDEN, k},
                new Nonlinearity[] {Nonlinearity.RELU, Nonlinearity.IDENTITY}, rng);
        final Adam adam = new Adam(net, 1e-3);
        final Mlp.Workspace ws = net.workspace(BATCH);
        final double[] bx = new double[BATCH * width];
        final double[] dOut = new double[BATCH * k];
        final int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                final int j = rng.nextInt(i + 1);
                final int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int from = 0; from < n; from += BATCH) {
                final int b = Math.min(BATCH, n - from);
                for (int r = 0; r < b; r++) {
                    final float[] x = xs.get(order[from + r]);
                    for (int j = 0; j < width; j++) {
                        bx[r * width + j] = (x[j] - mean[j]) / scale[j];
                    }
                }
                net.forward(ws, bx, b);
                final double[] out = ws.output();
                for (int r = 0; r < b; r++) {
                    final double[] y = ys.get(order[from + r]);
                    for (int a = 0; a < k; a++) {
                        dOut[r * k + a] = 2 * (out[r * k + a] + y[a]) / (b * k);
                    }
                }
                net.zeroGrad();
                net.backward(ws, dOut);
                adam.step();
            }
        }
        final PolicyModel model = toModel(net, scenario.name(), seed, epochs, n, mean, scale, min, max, std,
                codeVersion);
        // The card must load as a chooser; then what it would have paid on its own training children (in sample).
        TacticChooser.of("learned:(training)", model);
        double fitted = 0;
        final InferenceContext ctx = model.newContext();
        for (int i = 0; i < n; i++) {
            final float[] x = xs.get(i);
            System.arraycopy(x, 0, ctx.input(), 0, x.length);
            ctx.forward();
            fitted += ys.get(i)[ctx.argmax()] / n;
        }
        return new Result(model, n, meanCost, fitted);
    }

    private static PolicyModel toModel(final Mlp net, final String scenario, final long seed, final int epochs,
                                       final int samples, final double[] mean, final double[] scale,
                                       final double[] min, final double[] max, final double[] std,
                                       final String codeVersion) {
        final List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l < net.layerCount(); l++) {
            layers.add(new DenseLayer(net.width(l), net.width(l + 1),
                    Activation.valueOf(net.activation(l).name()), toFloat(net.weight(l)), toFloat(net.bias(l))));
        }
        final List<FeatureSpec> specs = new ArrayList<>();
        final List<FeatureDomain> domain = new ArrayList<>();
        for (int j = 0; j < TacticFeatures.ALL.width(); j++) {
            final String name = TacticFeatures.CATALOGUE.get(j);
            specs.add(new FeatureSpec(name, (float) mean[j], (float) scale[j]));
            domain.add(new FeatureDomain(name, min[j], max[j], mean[j], std[j]));
        }
        final double[] ordinals = new double[CANDIDATES.length];
        for (int a = 0; a < CANDIDATES.length; a++) {
            ordinals[a] = CANDIDATES[a].ordinal();
        }
        final Map<String, String> extra = new TreeMap<>();
        extra.put("epochs", Integer.toString(epochs));
        extra.put("children", Integer.toString(samples));
        extra.put("tactics", "cross,join,step");
        extra.put("reward", "minus the child's cost in bps of its slice's mid, every tactic replayed in the queue");
        final Provenance provenance = new Provenance(TacticChooser.ALGORITHM, scenario, seed, "seed-" + seed,
                codeVersion, extra);
        final ModelCard card = new ModelCard(TacticFeatures.SCHEMA_ID, specs,
                new ActionSpace.Discrete(TacticChooser.UNIT, ordinals), List.of(), provenance, null, domain);
        return PolicyModel.of(card, layers);
    }

    private static float[] toFloat(final double[] v) {
        final float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
