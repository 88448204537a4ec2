package io.slicer.tools.train.iql;

import io.slicer.engine.decision.ActionMapping;
import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.train.ExecutionEnv;
import io.slicer.tools.train.FeatureStatistics;
import io.slicer.tools.train.LearningCurve;
import io.slicer.tools.train.Normalizer;
import io.slicer.tools.train.RewardSpec;
import io.slicer.tools.train.TrainedPolicy;
import io.slicer.tools.train.TrainingProgress;
import io.slicer.tools.train.TrainingSeeds;
import io.slicer.tools.train.nn.Adam;
import io.slicer.tools.train.nn.Losses;
import io.slicer.tools.train.nn.Mlp;
import io.slicer.tools.train.nn.Nonlinearity;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Offline Implicit Q-Learning with a Lagrangian participation constraint.
 *
 * <p>Per gradient step, on a minibatch of logged transitions (s, a, r, s'):
 * <pre>
 *   V  : expectile loss (tau) of min(Q1', Q2')(s, a) - V(s)          Q1', Q2' are Polyak-averaged targets
 *   Qi : MSE of Qi(s, a) against r~ + gamma (1 - done) V(s')
 *   pi : advantage-weighted regression, weight min(exp(beta (min Q'(s,a) - V(s))), clip), of the actor's pre-squash
 *        mean onto atanh of the logged action rescaled to [-1, 1] (a Gaussian policy of fixed width); the first
 *        bcSteps use weight 1 (behaviour-cloning warm start)
 * </pre>
 * with the training reward {@code r~ = r - riskAversion sigma^2 x'^2 / scale - lambda max(0, n/V - cap) / cap}: the
 * logged IS reward, the Almgren-Chriss variance penalty on shares still held, and the constraint as traded
 * (executed / market volume). Every {@code dualEvery} steps the greedy actor is rolled out on validation episodes of
 * the training seed and lambda takes a projected dual ascent step, {@code lambda <- clip(lambda + step * v, 0, max)}
 * with v the mean relative excess over the cap per episode, as traded, in the slices the policy chose: the last
 * slice's sweep and slices the {@link io.slicer.engine.decision.ParticipationFeasibility} floor raised are not the
 * policy's choice, and where a market cannot absorb the order under the cap (a liquidity drought) pricing them would
 * only drive the multiplier to its bound. Breach counts (validation and evaluation) still count every slice.
 *
 * <p>Deterministic for a seed: one generator for initialisation and sampling, no clock, one thread.
 */
public final class IqlTrainer {
    private static final int W = ExecutionFeatures.COUNT;

    private final Scenario scenario;
    private final IqlConfig config;
    private final long seed;

    public IqlTrainer(final Scenario scenario, final IqlConfig config, final long seed) {
        this.scenario = scenario;
        this.config = config;
        this.seed = TrainingSeeds.requireTrainingSeed(seed);
    }

    /** Per-step reward scale: exact TWAP's expected impact cost per slice (so one step's reward is O(1)). */
    public static double stepRewardScale(final Scenario scenario, final long seed) {
        return io.slicer.tools.train.CostScale.twapExpectedCost(scenario, seed, 200) / scenario.terms().slices();
    }

    /** Logs the {@link BehaviourPolicy#CLASSIC} behaviours. */
    public OfflineDataset generateDataset() {
        return generateDataset(BehaviourPolicy.CLASSIC);
    }

    public OfflineDataset generateDataset(final List<BehaviourPolicy> behaviours) {
        return DatasetGenerator.generate(scenario, behaviours, config.datasetEpisodes(),
                config.behaviourNoise(), stepRewardScale(scenario, seed), seed);
    }

    public TrainedPolicy train(final OfflineDataset data, final TrainingProgress progress) {
        if (data.size() < config.batch()) {
            throw new IllegalArgumentException("dataset has " + data.size() + " transitions, fewer than one batch of "
                    + config.batch());
        }
        final SplittableRandom rng = new SplittableRandom(seed);
        final FeatureStatistics stats = new FeatureStatistics();
        final double[] tmp = new double[W];
        for (int i = 0; i < data.size(); i++) {
            data.copyState(i, Transition.STATE, tmp, 0);
            stats.add(tmp, 0);
        }
        final Normalizer norm = stats.normalizer();
        final int h = config.hidden().length;
        final Mlp q1 = new Mlp(widths(W + 1, 1), acts(h), rng.split());
        final Mlp q2 = new Mlp(widths(W + 1, 1), acts(h), rng.split());
        final Mlp value = new Mlp(widths(W, 1), acts(h), rng.split());
        final Mlp actor = new Mlp(widths(W, 1), acts(h), rng.split());
        final Mlp q1t = q1.copy();
        final Mlp q2t = q2.copy();
        final SplittableRandom sampler = rng.split();
        final Adam aq1 = new Adam(q1, config.learningRate());
        final Adam aq2 = new Adam(q2, config.learningRate());
        final Adam av = new Adam(value, config.learningRate());
        final Adam aa = new Adam(actor, config.learningRate());

        final int n = config.batch();
        final double[] xs = new double[n * W];
        final double[] xs2 = new double[n * W];
        final double[] xsa = new double[n * (W + 1)];
        final double[] rew = new double[n];
        final double[] notDone = new double[n];
        final double[] uTarget = new double[n];
        final double[] qmin = new double[n];
        final double[] vs = new double[n];
        final double[] y = new double[n];
        final double[] g = new double[n];
        final double[] pred = new double[n];
        final Mlp.Workspace wq1 = q1.workspace(n);
        final Mlp.Workspace wq2 = q2.workspace(n);
        final Mlp.Workspace wq1t = q1t.workspace(n);
        final Mlp.Workspace wq2t = q2t.workspace(n);
        final Mlp.Workspace wv = value.workspace(n);
        final Mlp.Workspace wv2 = value.workspace(n);
        final Mlp.Workspace wa = actor.workspace(n);
        final Mlp.Workspace act1 = actor.workspace(1);

        final double scale = data.rewardScale();
        final double riskPerShare2 = config.riskAversion() * scenario.terms().sigmaPerSlice() * scenario.terms().sigmaPerSlice()
                / scale;
        final double span = config.high() - config.low();
        final ExecutionEnv env = new ExecutionEnv(scenario, new RewardSpec(scale, config.riskAversion()));
        final LearningCurve curve = new LearningCurve(List.of("validation_objective", "breach_episodes", "lambda", "q_loss", "v_loss"));
        double lambda = 0;
        Mlp best = actor.copy();
        Rollout bestRollout = null;
        double qLossSum = 0;
        double vLossSum = 0;
        int lossCount = 0;
        for (int step = 1; step <= config.steps(); step++) {
            for (int i = 0; i < n; i++) {
                final int k = sampler.nextInt(data.size());
                data.copyState(k, Transition.STATE, tmp, 0);
                norm.apply(tmp, 0, xs, i * W);
                norm.apply(tmp, 0, xsa, i * (W + 1));
                data.copyState(k, Transition.NEXT_STATE, tmp, 0);
                norm.apply(tmp, 0, xs2, i * W);
                final double a = clamp(action(data, k), config.low(), config.high());
                final double ua = 2 * (a - config.low()) / span - 1;
                xsa[i * (W + 1) + W] = ua;
                uTarget[i] = atanh(Math.max(-0.995, Math.min(0.995, ua)));
                final double executed = data.get(k, Transition.EXECUTED);
                final double held = data.get(k, Transition.REMAINING) - executed;
                double r = data.get(k, Transition.REWARD) - riskPerShare2 * held * held;
                // The last slice's sweep is forced, not chosen: pricing it would only push lambda to its bound
                // where the market cannot absorb the order under the cap.
                if (config.constrained() && lambda > 0 && data.get(k, Transition.SLICES_LEFT) > 1) {
                    final double volume = data.get(k, Transition.MARKET_VOLUME);
                    final double p = volume > 0 ? executed / volume : (executed > 0 ? 10 * config.participationCap() : 0);
                    r -= lambda * Math.max(0, p - config.participationCap()) / config.participationCap();
                }
                rew[i] = r;
                notDone[i] = data.get(k, Transition.DONE) != 0 ? 0 : 1;
            }
            q1t.forward(wq1t, xsa, n);
            q2t.forward(wq2t, xsa, n);
            for (int i = 0; i < n; i++) {
                qmin[i] = Math.min(wq1t.output()[i], wq2t.output()[i]);
            }
            // V: expectile regression onto the target Qs.
            value.zeroGrad();
            value.forward(wv, xs, n);
            System.arraycopy(wv.output(), 0, vs, 0, n);
            vLossSum += Losses.expectile(vs, qmin, n, config.expectile(), g);
            value.backward(wv, g);
            value.clipGradNorm(config.gradClip());
            av.step();
            // Q: one-step targets through V(s').
            value.forward(wv2, xs2, n);
            for (int i = 0; i < n; i++) {
                y[i] = rew[i] + config.gamma() * notDone[i] * wv2.output()[i];
            }
            qLossSum += regress(q1, wq1, aq1, xsa, y, n, g);
            qLossSum += regress(q2, wq2, aq2, xsa, y, n, g);
            // Actor: advantage-weighted regression.
            actor.zeroGrad();
            actor.forward(wa, xs, n);
            final double[] mu = wa.output();
            final boolean warm = step <= config.bcSteps();
            for (int i = 0; i < n; i++) {
                final double w = warm ? 1.0 : Math.min(Math.exp(config.beta() * (qmin[i] - vs[i])), config.weightClip());
                final double d = mu[i] - uTarget[i];
                g[i] = 2 * w * d / n;
            }
            actor.backward(wa, g);
            actor.clipGradNorm(config.gradClip());
            aa.step();
            q1t.polyak(q1, config.polyak());
            q2t.polyak(q2, config.polyak());
            lossCount++;

            if (config.constrained() && step % config.dualEvery() == 0) {
                final Rollout r = rollout(env, actor, norm, act1, Math.max(10, config.validationEpisodes() / 2));
                lambda = Math.max(0, Math.min(config.lambdaMax(), lambda + config.dualStep() * r.meanExcess));
            }
            if (step % config.validationEvery() == 0 || step == config.steps()) {
                final Rollout r = rollout(env, actor, norm, act1, config.validationEpisodes());
                curve.add(step, r.isBps, r.objective, r.breachEpisodes, lambda, qLossSum / lossCount,
                        vLossSum / lossCount);
                qLossSum = 0;
                vLossSum = 0;
                lossCount = 0;
                if (step > config.bcSteps() && (bestRollout == null || r.betterThan(bestRollout))) {
                    bestRollout = r;
                    best = actor.copy();
                }
                progress.update(step, config.steps(), String.format(Locale.ROOT,
                        "lambda %.3f  validation IS %.3f bps  breaches %d", lambda, r.isBps, r.breachEpisodes));
            }
        }
        if (bestRollout == null) {
            bestRollout = rollout(env, actor, norm, act1, config.validationEpisodes());
            best = actor.copy();
        }
        final TreeMap<String, String> extra = new TreeMap<>();
        extra.put("action_unit", config.unit().id());
        extra.put("action_range", "[" + config.low() + ", " + config.high() + "]");
        extra.put("steps", Integer.toString(config.steps()));
        extra.put("batch", Integer.toString(config.batch()));
        extra.put("learning_rate", Double.toString(config.learningRate()));
        extra.put("gamma", Double.toString(config.gamma()));
        extra.put("expectile", Double.toString(config.expectile()));
        extra.put("beta", Double.toString(config.beta()));
        extra.put("weight_clip", Double.toString(config.weightClip()));
        extra.put("bc_steps", Integer.toString(config.bcSteps()));
        extra.put("risk_aversion", Double.toString(config.riskAversion()));
        extra.put("participation_cap", Double.toString(config.participationCap()));
        extra.put("final_lambda", String.format(Locale.ROOT, "%.6f", lambda));
        extra.put("dataset", data.size() + " transitions from " + data.behaviours());
        extra.put("reward_scale_dollars_per_step", Double.toString(scale));
        extra.put("validation_is_bps", String.format(Locale.ROOT, "%.6f", bestRollout.isBps));
        extra.put("validation_breach_episodes", Integer.toString(bestRollout.breachEpisodes));
        extra.put("validation", config.validationEpisodes() + " episodes of the training seed from index "
                + TrainingSeeds.VALIDATION_OFFSET);
        return new TrainedPolicy("iql", scenario.name(), seed, best, norm, stats, config.unit(), null, config.low(),
                config.high(), extra, curve);
    }

    private double action(final OfflineDataset data, final int k) {
        final double executed = data.get(k, Transition.EXECUTED);
        if (config.unit() == ActionMapping.Unit.PARTICIPATION) {
            final double v = data.get(k, Transition.MARKET_VOLUME);
            return v > 0 ? executed / v : config.high();
        }
        if (config.unit() == ActionMapping.Unit.TWAP_MULTIPLE) {
            final double even = data.get(k, Transition.REMAINING) / Math.max(1, data.get(k, Transition.SLICES_LEFT));
            return even > 0 ? executed / even : 1.0;
        }
        final double remaining = data.get(k, Transition.REMAINING);
        return remaining > 0 ? executed / remaining : 0.0;
    }

    private static double regress(final Mlp net, final Mlp.Workspace ws, final Adam adam, final double[] x,
                                  final double[] y, final int n, final double[] g) {
        net.zeroGrad();
        net.forward(ws, x, n);
        final double loss = Losses.mse(ws.output(), y, n, g);
        net.backward(ws, g);
        adam.step();
        return loss;
    }

    private int[] widths(final int in, final int out) {
        final int[] w = new int[config.hidden().length + 2];
        w[0] = in;
        System.arraycopy(config.hidden(), 0, w, 1, config.hidden().length);
        w[w.length - 1] = out;
        return w;
    }

    private static Nonlinearity[] acts(final int hidden) {
        final Nonlinearity[] a = new Nonlinearity[hidden + 1];
        java.util.Arrays.fill(a, Nonlinearity.RELU);
        a[hidden] = Nonlinearity.IDENTITY;
        return a;
    }

    private static double clamp(final double v, final double lo, final double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double atanh(final double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }

    /** The greedy action of the actor's pre-squash output, as the policy kernel's continuous head computes it. */
    double squash(final double mu) {
        return config.low() + (Math.tanh(mu) + 1) / 2 * (config.high() - config.low());
    }

    private record Rollout(double isBps, double objective, int breachEpisodes, double meanExcess) {
        boolean betterThan(final Rollout o) {
            if (breachEpisodes != o.breachEpisodes) {
                return breachEpisodes < o.breachEpisodes;
            }
            return objective > o.objective;
        }
    }

    private Rollout rollout(final ExecutionEnv env, final Mlp actor, final Normalizer norm, final Mlp.Workspace ws,
                            final int episodes) {
        final double[] s = new double[W];
        final double[] sn = new double[W];
        double is = 0;
        double ret = 0;
        double excess = 0;
        int breaches = 0;
        for (int e = 0; e < episodes; e++) {
            env.reset(seed, TrainingSeeds.VALIDATION_OFFSET + e);
            boolean breached = false;
            while (!env.done()) {
                env.observe(s, 0);
                norm.apply(s, 0, sn, 0);
                actor.forward(ws, sn, 1);
                ret += env.step(config.unit(), squash(ws.output()[0]));
                if (config.constrained()) {
                    final double v = env.lastMarketVolume();
                    final double p = v > 0 ? env.lastExecuted() / v : (env.lastExecuted() > 0 ? Double.MAX_VALUE : 0);
                    if (env.lastExecuted() > config.participationCap() * v + 0.5) {
                        breached = true;
                        if (!env.lastStepForced()) {
                            excess += Math.min(10, (p - config.participationCap()) / config.participationCap());
                        }
                    }
                }
            }
            if (breached) {
                breaches++;
            }
            is += env.result().isBps();
        }
        return new Rollout(is / episodes, ret / episodes, breaches, excess / episodes);
    }
}
