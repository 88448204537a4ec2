package io.slicer.tools.eval;

import java.util.List;

/** A small evaluation on the test-only toy market, for tests of what consumes an {@link EvaluationReport}. */
public final class EvaluationFixtures {
    private EvaluationFixtures() {
    }

    /** TWAP, front-loaded and dip-buying schedules on {@code episodes} toy episodes, seed 42, two threads. */
    public static EvaluationReport toyReport(final int episodes) {
        return PairedEvaluation.run(new ToyScenario(),
                List.of(ToyStrategies.twap(), ToyStrategies.frontLoaded(), ToyStrategies.opportunistic()),
                new EvaluationConfig(episodes, 42, 1e-6, 2), "twap", null);
    }

    /** A report whose strategies carry the given names (e.g. {@code dqn:DIR} to pick up a learning curve). */
    public static EvaluationReport toyReportNamed(final int episodes, final String twapName, final String otherName) {
        final NamedStrategy twap = ToyStrategies.twap();
        final NamedStrategy other = ToyStrategies.opportunistic();
        return PairedEvaluation.run(new ToyScenario(),
                List.of(new NamedStrategy(twapName, twap.factory()), new NamedStrategy(otherName, other.factory())),
                new EvaluationConfig(episodes, 42, 1e-6, 1), twapName, null);
    }
}
