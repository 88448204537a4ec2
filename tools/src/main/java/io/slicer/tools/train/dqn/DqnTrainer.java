package io.slicer.tools.train.dqn;

import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.train.CostScale;
import io.slicer.tools.train.ExecutionEnv;
import io.slicer.tools.train.FeatureStatistics;
import io.slicer.tools.train.LearningCurve;
import io.slicer.tools.train.Normalizer;
import io.slicer.tools.train.ReplayBuffer;
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
 * Online Double DQN (van Hasselt et al., 2016) on a {@link Scenario}: epsilon-greedy episodes on the training seed,
 * a replay buffer, one Huber-loss minibatch step per environment step, a hard-copied target network, and
 * double-Q targets {@code r + gamma * Q_target(s', argmax_a Q_online(s', a))}. The last slice is swept by the
 * simulator (forced completion), so every episode finishes the order and its return is minus the whole objective.
 * Optional: n-step returns ({@link NStepWindow}), a linear learning-rate decay, and a running weight average scored
 * at each validation next to the online network (the better of the two validated snapshots is returned).
 *
 * <p>Deterministic: one {@link SplittableRandom} derived from the seed drives initialisation, exploration and
 * sampling; episodes come from {@link io.slicer.tools.sim.EpisodeRandom}; no clock, no threads.
 */
public final class DqnTrainer {
    private static final int W = ExecutionFeatures.COUNT;

    private final Scenario scenario;
    private final DqnConfig config;
    private final long seed;

    public DqnTrainer(final Scenario scenario, final DqnConfig config, final long seed) {
        this.scenario = scenario;
        this.config = config;
        this.seed = TrainingSeeds.requireTrainingSeed(seed);
    }

    public TrainedPolicy train(final TrainingProgress progress) {
        final SplittableRandom rng = new SplittableRandom(seed);
        final double scale = CostScale.twapExpectedCost(scenario, seed, 200);
        final ExecutionEnv env = new ExecutionEnv(scenario, new RewardSpec(scale, config.riskAversion()));
        final int actions = config.actionValues().length;
        final int[] widths = new int[config.hidden().length + 2];
        final Nonlinearity[] acts = new Nonlinearity[widths.length - 1];
        widths[0] = W;
        for (int i = 0; i < config.hidden().length; i++) {
            widths[i + 1] = config.hidden()[i];
            acts[i] = Nonlinearity.RELU;
        }
        widths[widths.length - 1] = actions;
        acts[acts.length - 1] = Nonlinearity.IDENTITY;
        final Mlp online = new Mlp(widths, acts, rng.split());
        final Mlp target = online.copy();
        final boolean averaging = config.averaging() > 0;
        final Mlp average = online.copy();
        Mlp best = online.copy();
        final Adam adam = new Adam(online, config.learningRate());
        final ReplayBuffer buffer = new ReplayBuffer(config.bufferCapacity(), W);
        final FeatureStatistics stats = new FeatureStatistics();
        final SplittableRandom explore = rng.split();
        final SplittableRandom sampler = rng.split();

        final double[] s = new double[W];
        final double[] s2 = new double[W];
        long episodeIndex = 0;
        // Warm-up: uniformly random actions fill the buffer and give the input statistics.
        final NStepWindow window = new NStepWindow(config.nStep(), config.gamma(), scenario.terms().slices(), buffer);
        for (int e = 0; e < config.warmupEpisodes(); e++) {
            env.reset(seed, episodeIndex++);
            env.observe(s, 0);
            window.begin();
            while (!env.done()) {
                stats.add(s, 0);
                final int a = explore.nextInt(actions);
                final double r = env.step(config.unit(), config.actionValues()[a]);
                env.observe(s2, 0);
                window.add(s, a, r, s2, env.done());
                System.arraycopy(s2, 0, s, 0, W);
            }
        }
        final Normalizer norm = stats.normalizer();

        final Learner learner = new Learner(online, target, adam, buffer, norm, sampler);
        final Mlp.Workspace act = online.workspace(1);
        final double[] sn = new double[W];
        final LearningCurve curve = new LearningCurve(List.of("validation_objective", "average_objective", "epsilon", "loss"));
        double bestObjective = Double.NEGATIVE_INFINITY;
        String bestSource = "online";
        double bestIsBps = Double.NaN;
        long steps = 0;
        double lossSum = 0;
        long lossCount = 0;
        final int decayEpisodes = Math.max(1, (int) Math.round(config.epsilonDecayShare() * config.episodes()));
        for (int e = 0; e < config.episodes(); e++) {
            final double eps = e >= decayEpisodes ? config.epsilonEnd()
                    : config.epsilonStart() + (config.epsilonEnd() - config.epsilonStart()) * e / decayEpisodes;
            adam.learningRate(config.learningRate()
                    + (config.learningRateEnd() - config.learningRate()) * e / config.episodes());
            env.reset(seed, episodeIndex++);
            env.observe(s, 0);
            window.begin();
            while (!env.done()) {
                stats.add(s, 0);
                final int a;
                if (explore.nextDouble() < eps) {
                    a = explore.nextInt(actions);
                } else {
                    norm.apply(s, 0, sn, 0);
                    online.forward(act, sn, 1);
                    a = argmax(act.output(), 0, actions);
                }
                final double r = env.step(config.unit(), config.actionValues()[a]);
                env.observe(s2, 0);
                window.add(s, a, r, s2, env.done());
                System.arraycopy(s2, 0, s, 0, W);
                if (buffer.size() >= config.batch()) {
                    lossSum += learner.step(config);
                    lossCount++;
                    if (++steps % config.targetUpdateEvery() == 0) {
                        target.copyFrom(online);
                    }
                    if (averaging) {
                        average.polyak(online, config.averaging());
                    }
                }
            }
            if ((e + 1) % config.validationEvery() == 0 || e == config.episodes() - 1) {
                final Validation v = validate(env, online, norm, act, config, seed);
                final Validation va = averaging ? validate(env, average, norm, act, config, seed) : null;
                curve.add(e + 1, v.isBps, v.objective, va == null ? Double.NaN : va.objective, eps,
                        lossCount > 0 ? lossSum / lossCount : Double.NaN);
                lossSum = 0;
                lossCount = 0;
                if (v.objective > bestObjective) {
                    bestObjective = v.objective;
                    bestIsBps = v.isBps;
                    best = online.copy();
                    bestSource = "online";
                }
                if (va != null && va.objective > bestObjective) {
                    bestObjective = va.objective;
                    bestIsBps = va.isBps;
                    best = average.copy();
                    bestSource = "average";
                }
                progress.update(e + 1, config.episodes(), String.format(Locale.ROOT,
                        "eps %.2f  validation IS %.3f bps", eps, v.isBps));
            }
        }
        final TreeMap<String, String> extra = new TreeMap<>();
        extra.put("action_map", config.actionMapName());
        extra.put("episodes", Integer.toString(config.episodes()));
        extra.put("warmup_episodes", Integer.toString(config.warmupEpisodes()));
        extra.put("batch", Integer.toString(config.batch()));
        extra.put("learning_rate", Double.toString(config.learningRate()));
        extra.put("gamma", Double.toString(config.gamma()));
        extra.put("n_step", Integer.toString(config.nStep()));
        extra.put("learning_rate_end", Double.toString(config.learningRateEnd()));
        extra.put("hidden", java.util.Arrays.toString(config.hidden()));
        extra.put("target_update_every", Integer.toString(config.targetUpdateEvery()));
        extra.put("epsilon", config.epsilonStart() + "->" + config.epsilonEnd());
        extra.put("loss", "huber(" + config.huberDelta() + ")");
        extra.put("grad_clip", Double.toString(config.gradClip()));
        extra.put("risk_aversion", Double.toString(config.riskAversion()));
        extra.put("reward_scale_dollars", Double.toString(scale));
        extra.put("validation_is_bps", String.format(Locale.ROOT, "%.6f", bestIsBps));
        extra.put("validation_objective", String.format(Locale.ROOT, "%.6f", bestObjective));
        extra.put("weight_average", Double.toString(config.averaging()));
        extra.put("returned_network", bestSource);
        extra.put("validation", config.validationEpisodes() + " episodes of the training seed from index "
                + TrainingSeeds.VALIDATION_OFFSET);
        return new TrainedPolicy("dqn", scenario.name(), seed, best, norm, stats, config.unit(),
                config.actionValues().clone(), Double.NaN, Double.NaN, extra, curve);
    }

    static int argmax(final double[] q, final int off, final int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (q[off + i] > q[off + best]) {
                best = i;
            }
        }
        return best;
    }

    private record Validation(double isBps, double objective) {
    }

    /** Greedy policy on the validation episodes: mean IS (bps) and mean return (the training objective). */
    private static Validation validate(final ExecutionEnv env, final Mlp net, final Normalizer norm,
                                       final Mlp.Workspace ws, final DqnConfig config, final long seed) {
        final double[] s = new double[W];
        final double[] sn = new double[W];
        double is = 0;
        double ret = 0;
        for (int i = 0; i < config.validationEpisodes(); i++) {
            env.reset(seed, TrainingSeeds.VALIDATION_OFFSET + i);
            while (!env.done()) {
                env.observe(s, 0);
                norm.apply(s, 0, sn, 0);
                net.forward(ws, sn, 1);
                ret += env.step(config.unit(), config.actionValues()[argmax(ws.output(), 0,
                        config.actionValues().length)]);
            }
            is += env.result().isBps();
        }
        return new Validation(is / config.validationEpisodes(), ret / config.validationEpisodes());
    }

    /** One Double-DQN minibatch update. Allocation-free after construction. */
    private static final class Learner {
        private final Mlp online;
        private final Mlp target;
        private final Adam adam;
        private final ReplayBuffer buffer;
        private final Normalizer norm;
        private final SplittableRandom sampler;
        private int[] index = new int[0];
        private double[] x = new double[0];
        private double[] x2 = new double[0];
        private double[] raw = new double[W];
        private double[] y = new double[0];
        private double[] pred = new double[0];
        private double[] g = new double[0];
        private double[] dOut = new double[0];
        private Mlp.Workspace wsOnline;
        private Mlp.Workspace wsNext;
        private Mlp.Workspace wsTarget;

        Learner(final Mlp online, final Mlp target, final Adam adam, final ReplayBuffer buffer, final Normalizer norm,
                final SplittableRandom sampler) {
            this.online = online;
            this.target = target;
            this.adam = adam;
            this.buffer = buffer;
            this.norm = norm;
            this.sampler = sampler;
        }

        double step(final DqnConfig c) {
            final int n = c.batch();
            final double gammaN = Math.pow(c.gamma(), c.nStep());
            final int a = online.outputs();
            if (index.length != n) {
                index = new int[n];
                x = new double[n * W];
                x2 = new double[n * W];
                y = new double[n];
                pred = new double[n];
                g = new double[n];
                dOut = new double[n * a];
                wsOnline = online.workspace(n);
                wsNext = online.workspace(n);
                wsTarget = target.workspace(n);
            }
            for (int i = 0; i < n; i++) {
                final int k = buffer.sample(sampler);
                index[i] = k;
                buffer.state(k, raw, 0);
                norm.apply(raw, 0, x, i * W);
                buffer.nextState(k, raw, 0);
                norm.apply(raw, 0, x2, i * W);
            }
            online.forward(wsNext, x2, n);
            target.forward(wsTarget, x2, n);
            final double[] qNextOnline = wsNext.output();
            final double[] qNextTarget = wsTarget.output();
            for (int i = 0; i < n; i++) {
                final int k = index[i];
                double t = buffer.reward(k);
                if (!buffer.terminal(k)) {
                    t += gammaN * qNextTarget[i * a + argmax(qNextOnline, i * a, a)];
                }
                y[i] = t;
            }
            online.zeroGrad();
            online.forward(wsOnline, x, n);
            final double[] q = wsOnline.output();
            for (int i = 0; i < n; i++) {
                pred[i] = q[i * a + (int) buffer.action(index[i])];
            }
            final double loss = Losses.huber(pred, y, n, c.huberDelta(), g);
            java.util.Arrays.fill(dOut, 0.0);
            for (int i = 0; i < n; i++) {
                dOut[i * a + (int) buffer.action(index[i])] = g[i];
            }
            online.backward(wsOnline, dOut);
            online.clipGradNorm(c.gradClip());
            adam.step();
            return loss;
        }
    }
}
