package io.slicer.engine.core;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.strategy.InspectablePolicy;
import io.slicer.engine.strategy.SliceStrategy;

/** Misbehaving policies for the kill-switch tests: each fails in one way from a given slice on. */
final class TestPolicies {
    private TestPolicies() {
    }

    enum Fault { NONE, NAN_ACTION, NEGATIVE_SHARES, BAD_ACTION_INDEX, THROWS, NAN_RAW_OUTPUT }

    /** Equal slices with a discrete action index 0..4, faulting from slice {@code fromSlice}. */
    static final class Faulty implements SliceStrategy, InspectablePolicy {
        private final Fault fault;
        private final int fromSlice;
        private final float[] raw = new float[5];

        Faulty(final Fault fault, final int fromSlice) {
            this.fault = fault;
            this.fromSlice = fromSlice;
        }

        @Override
        public String name() {
            return "faulty-" + fault;
        }

        @Override
        public void decide(final DecisionContext ctx, final SliceDecision out) {
            final long left = ctx.slicesLeft();
            out.shares((ctx.remaining() + left - 1) / left).action(2, 1.0);
            for (int i = 0; i < raw.length; i++) {
                raw[i] = i == 2 ? 1f : 0f;
            }
            if (ctx.slice() < fromSlice) {
                return;
            }
            switch (fault) {
                case NAN_ACTION -> out.action(2, Double.NaN);
                case NEGATIVE_SHARES -> out.shares(-100);
                case BAD_ACTION_INDEX -> out.action(7, 1.0);
                case THROWS -> throw new IllegalStateException("policy blew up");
                case NAN_RAW_OUTPUT -> raw[3] = Float.NaN;
                default -> {
                }
            }
        }

        @Override
        public int copyRawOutput(final float[] dst) {
            System.arraycopy(raw, 0, dst, 0, raw.length);
            return raw.length;
        }

        @Override
        public int actionCount() {
            return raw.length;
        }
    }
}
