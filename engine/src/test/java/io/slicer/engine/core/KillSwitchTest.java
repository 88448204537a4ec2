package io.slicer.engine.core;

import io.slicer.engine.event.EventType;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderProgress;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.RiskVerdict;
import io.slicer.engine.risk.TrainingDomain;
import io.slicer.engine.strategy.StrategyFactory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.slicer.engine.core.CoreFixture.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kill-switch trigger: the state and reason it leaves, and that no child order leaves after the halt. */
class KillSwitchTest {
    private static final long ORDER = 7;

    /** Runs ticks to well past the order's end and checks that no child of {@code order} was sent. */
    private static void assertNothingSentAfterHalt(final CoreFixture f, final long order, final int childrenAtHalt,
                                                   final long fromSecond) {
        for (long s = fromSecond; s <= 130; s++) {
            f.tick(s);
        }
        final long after = f.sink.children.stream().skip(childrenAtHalt).filter(c -> c.parentId() == order).count();
        assertEquals(0, after, "children sent after the halt");
    }

    private static void assertHalted(final CoreFixture f, final HaltReason reason) {
        final OrderProgress p = f.progress(ORDER);
        assertEquals(OrderStatus.HALTED, p.status());
        assertEquals(reason, p.haltReason());
        assertTrue(f.journal.halts.contains(reason), "journal records " + reason + ": " + f.journal.halts);
        assertTrue(f.sink.statuses.contains(ORDER + ":HALTED"));
    }

    private static List<RegisteredStrategy> faulty(final TestPolicies.Fault fault, final int fromSlice) {
        final StrategyFactory factory = scenario -> new TestPolicies.Faulty(fault, fromSlice);
        return List.of(RegisteredStrategy.schedule("faulty", factory));
    }

    @Test
    void manualHaltOfAnOrderCancelsItsWorkingChildAndStopsNewOnes() {
        final CoreFixture f = new CoreFixture(b -> { }).quote(0, 99.99, 100.01).order(ORDER, 100_000, 10);
        f.tick(10);
        assertEquals(1, f.sink.children.size());
        final long working = f.sink.children.get(0).childId();
        f.control(EventType.HALT, 11 * SECOND, HaltScope.ORDER, ORDER);
        assertHalted(f, HaltReason.MANUAL);
        assertEquals(List.of(working), f.sink.cancels);
        assertNothingSentAfterHalt(f, ORDER, 1, 12);
    }

    @Test
    void symbolHaltStopsEveryOrderOnTheSymbolAndNewOrdersAreHaltedOnEntry() {
        final CoreFixture f = new CoreFixture(b -> { }).quote(0, 99.99, 100.01).order(ORDER, 100_000, 10);
        f.order(8, Side.SELL, 50_000, 10, 0, Double.NaN);
        f.tick(10);
        assertEquals(2, f.sink.children.size());
        f.control(EventType.HALT, 11 * SECOND, HaltScope.SYMBOL, 0);
        assertEquals(HaltReason.PARENT_SCOPE_HALTED, f.progress(ORDER).haltReason());
        assertEquals(OrderStatus.HALTED, f.progress(8).status());
        assertEquals(2, f.sink.cancels.size());
        assertEquals(HaltReason.MANUAL, f.core.symbol(0).haltReason());
        f.order(9, Side.BUY, 1_000, 10, 0, Double.NaN);
        assertEquals(OrderStatus.HALTED, f.progress(9).status());
        assertNothingSentAfterHalt(f, ORDER, 2, 12);
        assertEquals(2, f.sink.children.size());
    }

    @Test
    void haltEverythingStopsAllOrders() {
        final CoreFixture f = new CoreFixture(b -> { }).quote(0, 99.99, 100.01).order(ORDER, 100_000, 10);
        f.tick(10);
        f.control(EventType.HALT, 11 * SECOND, HaltScope.ALL, 0);
        assertHalted(f, HaltReason.PARENT_SCOPE_HALTED);
        assertEquals(io.slicer.engine.risk.TradingState.HALTED, f.core.globalState());
        assertNothingSentAfterHalt(f, ORDER, 1, 12);
    }

    @Test
    void pauseSendsNothingButKeepsTheOrderAndResumeTradesAgain() {
        final CoreFixture f = new CoreFixture(b -> { }).quote(0, 99.99, 100.01).order(ORDER, 100_000, 10);
        f.tick(10).fillAll(11 * SECOND, 100.01);
        f.control(EventType.PAUSE, 12 * SECOND, HaltScope.ORDER, ORDER);
        f.tick(20);
        assertEquals(1, f.sink.children.size());
        assertEquals(RiskVerdict.NOT_ACTIVE, f.lastDecision().verdict());
        assertTrue(f.progress(ORDER).paused());
        assertEquals(OrderStatus.OPEN, f.progress(ORDER).status());
        f.control(EventType.RESUME, 21 * SECOND, HaltScope.ORDER, ORDER);
        f.tick(30);
        assertEquals(2, f.sink.children.size());
        assertFalse(f.progress(ORDER).paused());
    }

    @Test
    void runningShortfallBeyondTwiceTheTwapBenchmarkHaltsTheOrder() {
        final CoreFixture f = new CoreFixture(b -> { }).quote(0, 99.99, 100.01).order(ORDER, 100_000, 10);
        f.tick(10).fillAll(11 * SECOND, 100.50);
        f.tick(20);
        assertHalted(f, HaltReason.IS_EXCEEDS_TWAP_BENCHMARK);
        final OrderProgress p = f.progress(ORDER);
        assertEquals(50.0, p.shortfallBps(), 1e-6);
        assertTrue(p.twapShortfallBps() < 5.0, "TWAP benchmark " + p.twapShortfallBps());
        assertNothingSentAfterHalt(f, ORDER, 1, 21);
    }

    @Test
    void shortfallWithinTheLimitKeepsTrading() {
        final CoreFixture f = new CoreFixture(b -> { }).quote(0, 99.99, 100.01).order(ORDER, 100_000, 10);
        f.tick(10).fillAll(11 * SECOND, 100.05);
        f.tick(20);
        assertEquals(OrderStatus.OPEN, f.progress(ORDER).status());
        assertEquals(2, f.sink.children.size());
    }

    private static List<RegisteredStrategy> withDomain(final double[] mean, final double[] std) {
        final StrategyFactory factory = scenario -> new EqualSlices();
        return List.of(new RegisteredStrategy("learned", factory, new TrainingDomain(mean, std, 3.0)));
    }

    private static final double WIDE = 1e9;

    @Test
    void aFeatureOutsideTheTrainingDomainHaltsTheOrder() {
        final double[] mean = {0, 0, 0, 0, 0, 2.0, 0, 0};
        final double[] std = {WIDE, WIDE, WIDE, WIDE, WIDE, 0.5, WIDE, WIDE};
        final CoreFixture f = new CoreFixture(b -> { }, withDomain(mean, std)).quote(0, 99.99, 100.01)
                .order(ORDER, 100_000, 10);
        f.tick(10);
        assertEquals(1, f.sink.children.size(), "2 bp spread is inside the domain");
        f.quote(19 * SECOND, 99.90, 100.10).timer(20 * SECOND);
        assertHalted(f, HaltReason.FEATURE_OUT_OF_DOMAIN);
        assertTrue(f.journal.outputs.stream().anyMatch(l -> l.startsWith("H ") && l.endsWith(" 5")),
                "halt names feature 5 (spread_bps): " + f.journal.outputs);
        assertEquals(List.of(f.sink.children.get(0).childId()), f.sink.cancels);
        f.core.onEvent(new io.slicer.engine.event.EngineEvent().quote(21 * SECOND, 0, 99.90, 100.10, 1, 1));
        assertNothingSentAfterHalt(f, ORDER, 1, 21);
    }

    @Test
    void realizedVolatilityOutsideTheTrainingDomainHaltsTheOrder() {
        final double[] mean = {0, 0, 0, 0, 0, 0, 1.0, 0};
        final double[] std = {WIDE, WIDE, WIDE, WIDE, WIDE, WIDE, 0.3, WIDE};
        final CoreFixture f = new CoreFixture(b -> { }, withDomain(mean, std)).quote(0, 99.99, 100.01)
                .order(ORDER, 100_000, 10);
        f.tick(10);
        f.quote(19 * SECOND, 104.99, 105.01).timer(20 * SECOND);
        assertHalted(f, HaltReason.FEATURE_OUT_OF_DOMAIN);
        assertTrue(f.journal.outputs.stream().anyMatch(l -> l.startsWith("H ") && l.endsWith(" 6")),
                "halt names feature 6 (volatility_ratio)");
        assertNothingSentAfterHalt(f, ORDER, 1, 21);
    }

    @Test
    void aVolatilityDecayOfOneKeepsTheReferenceVolatilityAPolicyWasTrainedOn() {
        final double[] mean = {0, 0, 0, 0, 0, 0, 1.0, 0};
        final double[] std = {WIDE, WIDE, WIDE, WIDE, WIDE, WIDE, 0.0, WIDE};
        final CoreFixture f = new CoreFixture(b -> b.volatilityDecay(1.0), withDomain(mean, std))
                .quote(0, 99.99, 100.01).order(ORDER, 100_000, 10);
        f.tick(10).fillAll(11 * SECOND, 100.01);
        f.quote(19 * SECOND, 104.99, 105.01).timer(20 * SECOND);
        assertEquals(List.of(), f.journal.halts);
        assertEquals(1.0f, f.journal.decisions.get(1).features()[6]);
        assertEquals(2, f.sink.children.size());
    }

    @Test
    void aPolicyReturningNanHaltsTheOrder() {
        final CoreFixture f = new CoreFixture(b -> { }, faulty(TestPolicies.Fault.NAN_ACTION, 1))
                .quote(0, 99.99, 100.01).order(ORDER, 100_000, 10);
        f.tick(10).tick(20);
        assertHalted(f, HaltReason.POLICY_NAN);
        assertNothingSentAfterHalt(f, ORDER, 1, 21);
    }

    @Test
    void aNanInThePolicysRawOutputHaltsTheOrder() {
        final CoreFixture f = new CoreFixture(b -> { }, faulty(TestPolicies.Fault.NAN_RAW_OUTPUT, 1))
                .quote(0, 99.99, 100.01).order(ORDER, 100_000, 10);
        f.tick(10).tick(20);
        assertHalted(f, HaltReason.POLICY_NAN);
        assertNothingSentAfterHalt(f, ORDER, 1, 21);
    }

    @Test
    void negativeSharesAreAnOutOfRangeActionAndHaltTheOrder() {
        final CoreFixture f = new CoreFixture(b -> { }, faulty(TestPolicies.Fault.NEGATIVE_SHARES, 1))
                .quote(0, 99.99, 100.01).order(ORDER, 100_000, 10);
        f.tick(10).tick(20);
        assertHalted(f, HaltReason.POLICY_ACTION_OUT_OF_RANGE);
        assertNothingSentAfterHalt(f, ORDER, 1, 21);
    }

    @Test
    void anActionIndexBeyondTheActionSpaceHaltsTheOrder() {
        final CoreFixture f = new CoreFixture(b -> { }, faulty(TestPolicies.Fault.BAD_ACTION_INDEX, 1))
                .quote(0, 99.99, 100.01).order(ORDER, 100_000, 10);
        f.tick(10).tick(20);
        assertHalted(f, HaltReason.POLICY_ACTION_OUT_OF_RANGE);
        assertNothingSentAfterHalt(f, ORDER, 1, 21);
    }

    @Test
    void aThrowingPolicyHaltsTheOrder() {
        final CoreFixture f = new CoreFixture(b -> { }, faulty(TestPolicies.Fault.THROWS, 1))
                .quote(0, 99.99, 100.01).order(ORDER, 100_000, 10);
        f.tick(10).tick(20);
        assertHalted(f, HaltReason.POLICY_THREW);
        assertNothingSentAfterHalt(f, ORDER, 1, 21);
    }

    @Test
    void staleMarketDataHaltsTheOrder() {
        final CoreFixture f = new CoreFixture(b -> b.staleAfterNanos(5 * SECOND)).quote(0, 99.99, 100.01)
                .order(ORDER, 100_000, 10);
        f.tick(10);
        f.timer(16 * SECOND);
        assertHalted(f, HaltReason.STALE_MARKET_DATA);
        assertEquals(1, f.sink.cancels.size());
        assertNothingSentAfterHalt(f, ORDER, 1, 17);
    }

    @Test
    void anOrderWithoutAReferencePriceIsHaltedOnEntry() {
        final CoreFixture f = new CoreFixture(b -> { }).order(ORDER, 100_000, 10);
        assertHalted(f, HaltReason.NO_REFERENCE_PRICE);
        assertNothingSentAfterHalt(f, ORDER, 0, 10);
    }

    @Test
    void withTheFallbackAPolicyFaultFinishesTheOrderOnTwap() {
        final CoreFixture f = new CoreFixture(b -> b.twapFallback(true), faulty(TestPolicies.Fault.THROWS, 2))
                .quote(0, 99.99, 100.01).order(ORDER, 100_000, 10);
        for (long s = 10; s <= 120; s++) {
            f.tick(s).fillAll(s * SECOND, 100.01);
        }
        final OrderProgress p = f.progress(ORDER);
        assertEquals(OrderStatus.FILLED, p.status());
        assertEquals(100_000, p.filled());
        assertTrue(p.fallback());
        assertEquals(HaltReason.POLICY_THREW, p.haltReason());
        assertEquals(List.of(HaltReason.POLICY_THREW), f.journal.halts);
        assertEquals(10, f.sink.children.size());
        assertTrue(f.journal.decisions.stream().filter(d -> d.period() >= 2).allMatch(d -> d.fallback()));
    }

    @Test
    void withTheFallbackAManualHaltStillStopsTheOrder() {
        final CoreFixture f = new CoreFixture(b -> b.twapFallback(true)).quote(0, 99.99, 100.01)
                .order(ORDER, 100_000, 10);
        f.tick(10);
        f.control(EventType.HALT, 11 * SECOND, HaltScope.ORDER, ORDER);
        assertHalted(f, HaltReason.MANUAL);
        assertNothingSentAfterHalt(f, ORDER, 1, 12);
    }
}
