package io.slicer.tools.train;

/**
 * The split between the random numbers a trainer may see and those evaluations are judged on. Evaluations use seed
 * {@link #EVALUATION_SEED} (episodes 0, 1, 2, ...); a trainer refuses that seed. Under its own seed a trainer draws
 * training episodes from index 0 up and validation episodes (the learning curve, model selection) from
 * {@link #VALIDATION_OFFSET} up, so no episode is both trained and validated on.
 */
public final class TrainingSeeds {
    /** The seed of held-out evaluations: the evaluation harness's default. */
    public static final long EVALUATION_SEED = io.slicer.tools.eval.EvaluationConfig.DEFAULT_SEED;
    /** First episode index of validation episodes under a training seed. */
    public static final long VALIDATION_OFFSET = 1L << 40;
    /** The default training seed. */
    public static final long DEFAULT_TRAINING_SEED = 7L;

    private TrainingSeeds() {
    }

    public static long requireTrainingSeed(final long seed) {
        if (seed == EVALUATION_SEED) {
            throw new IllegalArgumentException("seed " + seed + " is the evaluation seed; training on it would tune on"
                    + " the held-out episodes. Pick any other seed.");
        }
        return seed;
    }
}
