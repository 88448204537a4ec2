package io.slicer.tools.eval;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.strategy.SliceStrategy;

/** Test-only schedules for the toy market. */
final class ToyStrategies {
    private ToyStrategies() {
    }

    /** Exact equal slices, remainder in the first slices. */
    static NamedStrategy twap() {
        return new NamedStrategy("twap", scenario -> new Schedule("twap") {
            @Override
            long target(final DecisionContext ctx) {
                return ctx.remaining() / ctx.slicesLeft() + (ctx.remaining() % ctx.slicesLeft() > 0 ? 1 : 0);
            }
        });
    }

    /** Twice the TWAP rate until done: pays more impact, less timing risk. */
    static NamedStrategy frontLoaded() {
        return new NamedStrategy("front", scenario -> new Schedule("front") {
            @Override
            long target(final DecisionContext ctx) {
                return 2 * ctx.parentQuantity() / ctx.slices();
            }
        });
    }

    /** Buys double when the mid is below arrival, half when above: its trades depend on the path. */
    static NamedStrategy opportunistic() {
        return new NamedStrategy("dip", scenario -> new Schedule("dip") {
            @Override
            long target(final DecisionContext ctx) {
                final long base = ctx.remaining() / ctx.slicesLeft();
                return ctx.mid() < ctx.arrivalPrice() ? 2 * base : base / 2;
            }
        });
    }

    /** Everything in slice 0 under a 25% cap: breaches whenever the cap is not applied by the market. */
    static NamedStrategy greedy() {
        return new NamedStrategy("greedy", scenario -> new Schedule("greedy") {
            @Override
            long target(final DecisionContext ctx) {
                return ctx.remaining();
            }
        });
    }

    private abstract static class Schedule implements SliceStrategy {
        private final String name;

        Schedule(final String name) {
            this.name = name;
        }

        abstract long target(DecisionContext ctx);

        @Override
        public String name() {
            return name;
        }

        @Override
        public void decide(final DecisionContext ctx, final SliceDecision out) {
            out.shares(target(ctx));
        }
    }
}
