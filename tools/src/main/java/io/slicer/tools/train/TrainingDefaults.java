package io.slicer.tools.train;

import java.util.Optional;

/**
 * What {@code slicer train dqn|iql --scenario S} trains with when no tuning flag is given: one row per (scenario,
 * algorithm) for the scenarios whose README targets are closed-form optima (ac-2000 and liquid-stock, risk-neutral
 * and risk-averse alike). A scenario without a row keeps the trainers' own presets ({@code DqnConfig.twapGrid()},
 * {@code IqlConfig.participation/twapMultiple()}). A flag the user gives always wins over the row.
 *
 * <p>Every row was chosen by training on seed 1001 and evaluating on the tuning seed 1000 (10,000 paired episodes),
 * never on the evaluation seed or on training seeds 5-9, and then checked on training seeds 5-9 against the
 * evaluation seed: docs/results/training-defaults.md has both, with the commands.
 */
public final class TrainingDefaults {
    /** The hand-picked settings that reached the closed forms before they were defaults (docs/results/training.md). */
    private static final Iql SHARP_EXTRACTION_FROM_WIDE_LOGS = new Iql(30_000, 0.8, 0.9, 10.0, false);

    private TrainingDefaults() {
    }

    /**
     * DQN on TWAP multiples, the {@code default} preset only.
     *
     * @param episodes training episodes
     * @param actions  the TWAP-multiple grid, or null to keep the preset's
     */
    public record Dqn(int episodes, double[] actions) {
    }

    /**
     * IQL, applied on top of the action unit's preset.
     *
     * @param steps                 gradient steps
     * @param behaviourNoise        relative noise of the behaviour policies that log the dataset
     * @param expectile             tau of the value loss
     * @param beta                  inverse temperature of the advantage weights
     * @param scenarioCapConstrains whether the scenario's participation cap becomes the Lagrangian constraint when
     *                              {@code --participation-cap} is not given (false: unconstrained, TWAP multiples)
     */
    public record Iql(int steps, double behaviourNoise, double expectile, double beta, boolean scenarioCapConstrains) {
    }

    /** The DQN row of {@code scenario}, if it has one. */
    public static Optional<Dqn> dqn(final String scenario) {
        switch (scenario) {
            // Five slices; the AC optimum at lambda 1e-6 trades 2.29, 1.86, 1.47, 1.16 and 1 times the TWAP rate of
            // what is left (slicer schedule --scenario ac-2000), which the preset's grid (1.1, 1.25, 1.5, 2, 3) can
            // only bracket: it stopped 1.33-1.43% above the closed form in every run measured (training seeds 7
            // and 1001). This grid holds each of those multiples within 0.06 (+0.13% on the tuning seed); risk-
            // neutral it still holds TWAP exactly (m = 1).
            case "ac-2000":
                return Optional.of(new Dqn(3_000, new double[] {
                    0.0, 0.25, 0.5, 0.75, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.8, 2.0, 2.25, 2.5, 3.0}));
            // The preset as it is: 3,000 episodes reach both liquid-stock optima (TWAP risk-neutral, AC at 1e-7)
            // within half a percent on the tuning seed; no flag was ever needed here.
            case "liquid-stock":
                return Optional.of(new Dqn(3_000, null));
            default:
                return Optional.empty();
        }
    }

    /** The IQL row of {@code scenario}, if it has one. */
    public static Optional<Iql> iql(final String scenario) {
        switch (scenario) {
            // The risk-averse AC optimum front-loads (2.3x the TWAP rate in the first slice); logs with the
            // preset's noise 0.3 around TWAP barely contain such trades and the preset's soft extraction
            // (expectile 0.7, beta 3) does not pick them out: +8.35% above the closed form. Wide logs (noise 0.8)
            // plus sharp extraction (0.9, 10) reach it, and cost nothing risk-neutral. 30,000 steps: the
            // validation objective is flat long before, and the run takes a third of the preset's time.
            case "ac-2000":
                return Optional.of(SHARP_EXTRACTION_FROM_WIDE_LOGS);
            // Same reasons, plus: the scenario's 10% cap is breached by exact TWAP itself in a quiet bar (696 of
            // 10,000 episodes), so as a constraint it prices compliance no schedule has and costs ~1.4%; the
            // targets are the unconstrained optima, like the DQN's (which never sees the cap). A desk that wants
            // the Lagrangian passes --participation-cap 0.1.
            case "liquid-stock":
                return Optional.of(SHARP_EXTRACTION_FROM_WIDE_LOGS);
            default:
                return Optional.empty();
        }
    }
}
