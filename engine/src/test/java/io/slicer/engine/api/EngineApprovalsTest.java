package io.slicer.engine.api;

import io.slicer.engine.market.Side;
import io.slicer.engine.port.EngineJournal;
import io.slicer.engine.port.ShadowRecord;
import io.slicer.engine.strategy.Twap;
import io.slicer.engine.testing.DemoModels;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.seal.ModelApprovals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The builder's live mode with approvals: an unapproved model is refused live and allowed in shadow. */
class EngineApprovalsTest {
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path tmp;

    @Test
    void anUnapprovedModelIsRefusedLiveWithItsIdentityAndAnApprovedOneRegisters() {
        final PolicyModel model = DemoModels.randomDqn(3);
        final Path file = tmp.resolve("approvals.jsonl");
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SlicerEngine.builder()
                .approvals(ModelApprovals.load(file)).model("dqn", model));
        assertEquals("model dqn (identity " + model.identity() + ") is not approved for live trading: no entry in "
                + file + "; approve it with 'slicer model approve --model DIR --by NAME --reason TEXT' (unapproved,"
                + " it may run in shadow)", e.getMessage());

        ModelApprovals.append(file, new ModelApprovals.Approval(model.identity(), "A. Trader", "2026-12-05",
                "shadowed a week"));
        // Registration passes the approval check (no build: the check is at registration).
        SlicerEngine.builder().approvals(ModelApprovals.load(file)).model("dqn", model);
        // Another model (one weight different: another identity) is not covered by that approval.
        final PolicyModel other = DemoModels.randomDqn(4);
        assertThrows(IllegalArgumentException.class, () -> SlicerEngine.builder()
                .approvals(ModelApprovals.load(file)).model("dqn", other));
    }

    @Test
    void anUnapprovedModelRunsInShadowBesideTwap() {
        final PolicyModel model = DemoModels.randomDqn(3);
        final AtomicLong shadows = new AtomicLong();
        final EngineJournal journal = new EngineJournal() {
            @Override
            public void onShadowDecision(final ShadowRecord record) {
                shadows.incrementAndGet();
            }
        };
        try (SlicerEngine engine = SlicerEngine.builder()
                .approvals(ModelApprovals.load(tmp.resolve("none.jsonl")))
                .strategy("twap", terms -> new Twap(terms.slices()))
                .shadow("dqn", io.slicer.engine.strategy.PolicyStrategy.factory("dqn", model))
                .journal(journal)
                .build()) {
            engine.quote(0, 0, 99.99, 100.01, 500, 500);
            engine.newOrder(0, NewOrder.of(1, 0, Side.BUY, 10_000, SECOND, 11 * SECOND, 10, 0, 0.05, 100_000));
            for (long s = 1; s <= 11; s++) {
                engine.quote(s * SECOND, 0, 99.99, 100.01, 500, 500);
                engine.timer(s * SECOND);
            }
            engine.flush();
        }
        assertTrue(shadows.get() >= 10, "shadow decisions: " + shadows.get());
    }
}
