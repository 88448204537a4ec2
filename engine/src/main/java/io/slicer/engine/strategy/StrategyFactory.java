package io.slicer.engine.strategy;

import io.slicer.engine.order.ChildTactic;
import io.slicer.engine.order.OrderTerms;
import io.slicer.engine.order.TacticChooser;
import io.slicer.engine.risk.TrainingDomain;

/**
 * Makes a fresh {@link SliceStrategy} for one parent order from its {@link OrderTerms}: one instance per order and
 * thread, never shared. The simulator and the live engine call the same factories with terms they each build.
 */
@FunctionalInterface
public interface StrategyFactory {
    SliceStrategy create(OrderTerms terms);

    /**
     * The training domain the kill switch holds this strategy's orders to, registered as {@code name} with
     * {@code domainSigmas} of tolerance; null for a schedule, which has no model and no domain.
     */
    default TrainingDomain trainingDomain(final String name, final double domainSigmas) {
        return null;
    }

    /** How each slice's child works the book: the {@code /TACTIC} of the spec, {@code cross} when it has none. */
    default ChildTactic tactic() {
        return ChildTactic.CROSS;
    }

    /**
     * This factory's strategies with their children worked by {@code tactic}: what the registry makes of
     * {@code SPEC/TACTIC}.
     */
    default StrategyFactory withTactic(final ChildTactic tactic) {
        return workedBy(tactic, tacticChooser());
    }

    /**
     * The learned chooser that picks each child's tactic ({@code SPEC/learned:DIR}), or null when the tactic is fixed
     * ({@link #tactic()}). The simulators and the live engine both run it, each with its own {@link TacticChooser#copy}.
     */
    default TacticChooser tacticChooser() {
        return null;
    }

    /** This factory's strategies with each child's tactic picked by {@code chooser}: {@code SPEC/learned:DIR}. */
    default StrategyFactory withTacticChooser(final TacticChooser chooser) {
        return workedBy(tactic(), chooser);
    }

    /** This factory's strategies, unchanged, with their children worked by {@code tactic} or {@code chooser}. */
    private StrategyFactory workedBy(final ChildTactic tactic, final TacticChooser chooser) {
        final StrategyFactory schedule = this;
        return new StrategyFactory() {
            @Override
            public SliceStrategy create(final OrderTerms terms) {
                return schedule.create(terms);
            }

            @Override
            public TrainingDomain trainingDomain(final String name, final double domainSigmas) {
                return schedule.trainingDomain(name, domainSigmas);
            }

            @Override
            public void warmUp() {
                schedule.warmUp();
                if (chooser != null) {
                    // The chooser runs on the hot path too: its kernel compiled before the first child.
                    chooser.model().newContext().warmUp(RegisteredStrategy.WARM_UP_PASSES);
                }
            }

            @Override
            public String modelIdentity() {
                return schedule.modelIdentity();
            }

            @Override
            public ChildTactic tactic() {
                return tactic;
            }

            @Override
            public TacticChooser tacticChooser() {
                return chooser;
            }
        };
    }

    /** The identity (card and weights) of the policy model this factory runs, what an approval names; null: none. */
    default String modelIdentity() {
        return null;
    }

    /**
     * Brings the strategy to full speed before it trades (a learned policy's or tactic chooser's kernel compile); a
     * schedule needs none.
     */
    default void warmUp() {
    }
}
