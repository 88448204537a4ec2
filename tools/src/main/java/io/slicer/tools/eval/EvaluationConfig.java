package io.slicer.tools.eval;

/**
 * How a paired evaluation runs. {@code threads} only changes how fast the answer comes, never the answer.
 *
 * @param episodes      paired episodes N; every strategy sees the market paths {@code 0..N-1} of {@code seed}
 * @param seed          evaluation seed; keep it disjoint from the seeds models were trained on
 * @param riskAversion  lambda of the mean-variance objective E + lambda * Var (dollars), also handed to strategies
 *                      that take one (Almgren-Chriss)
 * @param threads       worker threads (1 or more)
 * @param traceEpisode  the episode whose per-slice record is kept for charts (the adaptive-behaviour trace)
 */
public record EvaluationConfig(int episodes, long seed, double riskAversion, int threads, int traceEpisode) {
    /** Evaluation seed used when none is given; training seeds must stay away from it. */
    public static final long DEFAULT_SEED = 9_000_001L;

    /** Almgren and Chriss (2000)'s example risk aversion, per dollar. */
    public static final double DEFAULT_RISK_AVERSION = 1e-6;

    /** A confidence interval and a t-test need at least two paired episodes. */
    public static final int MIN_EPISODES = 2;

    public EvaluationConfig {
        if (episodes < MIN_EPISODES) {
            throw new IllegalArgumentException("--episodes must be at least " + MIN_EPISODES
                    + " (a confidence interval needs two paired episodes), got " + episodes);
        }
        if (!(riskAversion >= 0) || Double.isInfinite(riskAversion)) {
            throw new IllegalArgumentException("--risk-aversion must be a finite number >= 0, got " + riskAversion);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        if (traceEpisode < 0 || traceEpisode >= episodes) {
            throw new IllegalArgumentException("trace episode must be in [0, " + episodes + "), got " + traceEpisode);
        }
    }

    /** Episode 0 traced. */
    public EvaluationConfig(final int episodes, final long seed, final double riskAversion, final int threads) {
        this(episodes, seed, riskAversion, threads, 0);
    }

    /** All available processors. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

}
