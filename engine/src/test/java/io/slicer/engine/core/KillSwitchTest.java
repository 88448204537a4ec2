package io.slicer.engine.core;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.event.EventType;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderProgress;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.RiskVerdict;
import io.slicer.engine.risk.TradingState;
import io.slicer.engine.risk.TrainingDomain;
import io.slicer.engine.strategy.PolicyStrategy;
import io.slicer.engine.strategy.RegisteredStrategy;
import io.slicer.engine.strategy.SliceStrategy;
import io.slicer.engine.strategy.StrategyFactory;
import io.slicer.engine.testing.DemoModels;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.model.FeatureDomain;
import io.slicer.policy.model.ModelCard;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.slicer.engine.core.CoreFixture.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    /**
     * A policy that shows {@code fault} from its second decision (slice 1) on: the order halts for {@code reason}
     * after its first child and sends none after.
     */
    private static void assertFaultHaltsTheOrder(final TestPolicies.Fault fault, final HaltReason reason) {
        final CoreFixture f = new CoreFixture(b -> { }, faulty(fault, 1))
                .quote(0, 99.99, 100.01).order(ORDER, 100_000, 10);
        f.tick(10).tick(20);
        assertHalted(f, reason);
        assertNothingSentAfterHalt(f, ORDER, 1, 21);
    }

    @Test
    void manualHaltOfAnOrderCancelsItsWorkingChildAndStopsNewOnes() {
        final CoreFixture f = new CoreFixture(b -> { }).quote(0, 99.99, 100.01).order(ORDER, 100_000, 10);
        f.tick(10);
        assertEquals(1, f.sink.children.size());
        final long working = f.sink.children.get(0).childId();
        f.control(EventType.HALT, 11 * SECOND, HaltScope.ORDER, ORDER);
        assertHalted(f, HaltReason.OPERATOR);
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
        assertEquals(HaltReason.OPERATOR, f.core.killSwitchState(HaltScope.SYMBOL, 0).reason());
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
        assertEquals(io.slicer.engine.risk.TradingState.HALTED, f.core.killSwitchState(HaltScope.ALL, 0).state());
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
        assertTrue(f.journal.outputs.stream().anyMatch(l -> l.startsWith("T ") && l.endsWith(" 5")),
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
        assertTrue(f.journal.outputs.stream().anyMatch(l -> l.startsWith("T ") && l.endsWith(" 6")),
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
        assertFaultHaltsTheOrder(TestPolicies.Fault.NAN_ACTION, HaltReason.POLICY_NAN);
    }

    @Test
    void aNanInThePolicysRawOutputHaltsTheOrder() {
        assertFaultHaltsTheOrder(TestPolicies.Fault.NAN_RAW_OUTPUT, HaltReason.POLICY_NAN);
    }

    @Test
    void negativeSharesAreAnOutOfRangeActionAndHaltTheOrder() {
        assertFaultHaltsTheOrder(TestPolicies.Fault.NEGATIVE_SHARES, HaltReason.POLICY_ACTION_OUT_OF_RANGE);
    }

    @Test
    void anActionIndexBeyondTheActionSpaceHaltsTheOrder() {
        assertFaultHaltsTheOrder(TestPolicies.Fault.BAD_ACTION_INDEX, HaltReason.POLICY_ACTION_OUT_OF_RANGE);
    }

    @Test
    void aThrowingPolicyHaltsTheOrder() {
        assertFaultHaltsTheOrder(TestPolicies.Fault.THROWS, HaltReason.POLICY_THREW);
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
        assertTrue(f.journal.decisions.stream().filter(d -> d.slice() >= 2).allMatch(d -> d.fallback()));
    }

    @Test
    void withTheFallbackAManualHaltStillStopsTheOrder() {
        final CoreFixture f = new CoreFixture(b -> b.twapFallback(true)).quote(0, 99.99, 100.01)
                .order(ORDER, 100_000, 10);
        f.tick(10);
        f.control(EventType.HALT, 11 * SECOND, HaltScope.ORDER, ORDER);
        assertHalted(f, HaltReason.OPERATOR);
        assertNothingSentAfterHalt(f, ORDER, 1, 12);
    }

    // ---- the IS check against TWAP on the same path: liquidity, common moves, and what still trips it ----

    /** A 10,000-share TWAP slice at the expected 100,000 shares of volume pays 2 bps of temporary impact. */
    private static final double ETA = 2e-6;
    /** A drought slice prints 30% of its expected volume: impact x 1/0.3. */
    private static final long DROUGHT_VOLUME = 30_000;

    /** What the venue charges in a drought: mid + half-spread + eta x (expected / realised volume) x shares. */
    private static double droughtPrice(final double mid, final long shares) {
        return mid + 0.01 + ETA * (100_000.0 / DROUGHT_VOLUME) * shares;
    }

    /** Sends the whole order in its first slice, then equal slices of what is left. */
    private static final class DumpFirst implements SliceStrategy {
        @Override
        public String name() {
            return "dump-first";
        }

        @Override
        public void decide(final DecisionContext ctx, final SliceDecision out) {
            final long left = ctx.slicesLeft();
            out.shares(ctx.slice() == 0 ? ctx.remaining() : (ctx.remaining() + left - 1) / left);
        }
    }

    @Test
    void dumpingTheOrderIntoADroughtHaltsAtTheFirstCheck() {
        final StrategyFactory dump = scenario -> new DumpFirst();
        final CoreFixture f = new CoreFixture(b -> b.impact(ETA, 0, 1.0), List.of(RegisteredStrategy.schedule("dump",
                dump))).quote(0, 99.99, 100.01).order(ORDER, 100_000, 10);
        f.tick(10);
        final RecordingSink.Child child = f.sink.children.get(0);
        assertEquals(100_000, child.quantity());
        f.trade(15 * SECOND, 100.0, DROUGHT_VOLUME);
        f.fill(16 * SECOND, child, 60_000, droughtPrice(100.0, 60_000));
        f.tick(20);
        assertHalted(f, HaltReason.IS_EXCEEDS_TWAP_BENCHMARK);
        final OrderProgress p = f.progress(ORDER);
        assertEquals(41.0, p.shortfallBps(), 1e-6);
        assertEquals(1.0 + 2.0 / 0.3, p.twapShortfallBps(), 1e-6, "TWAP's first slice, priced in the same drought");
        assertNothingSentAfterHalt(f, ORDER, 1, 21);
    }

    @Test
    void twapThroughADroughtMatchesItsBenchmarkExactlyAndIsNeverHalted() {
        final CoreFixture f = new CoreFixture(b -> b.impact(ETA, 0, 1.0)).quote(0, 99.99, 100.01)
                .order(ORDER, 100_000, 10);
        for (long s = 10; s < 110; s += 10) {
            f.tick(s);
            final RecordingSink.Child child = f.sink.children.get(f.sink.children.size() - 1);
            f.trade((s + 5) * SECOND, 100.0, DROUGHT_VOLUME);
            f.fill((s + 6) * SECOND, child, child.quantity(), droughtPrice(100.0, child.quantity()));
        }
        f.tick(110);
        final OrderProgress p = f.progress(ORDER);
        assertEquals(OrderStatus.FILLED, p.status());
        assertEquals(List.of(), f.journal.halts);
        assertEquals(1.0 + 2.0 / 0.3, p.shortfallBps(), 1e-6, "2 bps of impact x 1/0.3, plus the half-spread");
        assertEquals(p.shortfallBps(), p.twapShortfallBps(), 1e-9);
    }

    @Test
    void aPriceMoveTwapWouldHaveMetOnItsOwnScheduleDoesNotHaltAFrontLoadedOrder() {
        // 30% in the first slice, then equal slices; the market then rallies 30 bps (6 sigma of a 5 bp slice) over
        // two slices. Against the arrival price both the order and TWAP lose; the order, ahead of schedule, less.
        // Its IS per share can still exceed twice the benchmark's only through how its schedule meets the rally, which
        // the noise allowance covers.
        final StrategyFactory front = scenario -> new SliceStrategy() {
            @Override
            public String name() {
                return "front-loaded";
            }

            @Override
            public void decide(final DecisionContext ctx, final SliceDecision out) {
                final long left = ctx.slicesLeft();
                out.shares(ctx.slice() == 0 ? 30_000 : (ctx.remaining() + left - 1) / left);
            }
        };
        final CoreFixture f = new CoreFixture(b -> b.volatilityDecay(1.0), List.of(RegisteredStrategy.schedule(
                "front", front))).quote(0, 99.99, 100.01).order(ORDER, 100_000, 10);
        final double[] mids = {100.0, 100.0, 100.15, 100.30, 100.30, 100.30, 100.30, 100.30, 100.30, 100.30};
        for (int k = 0; k < 10; k++) {
            final long s = 10 + 10L * k;
            f.quote(s * SECOND, mids[k] - 0.01, mids[k] + 0.01).timer(s * SECOND);
            f.trade((s + 5) * SECOND, mids[k], 100_000);
            f.fillAll((s + 6) * SECOND, mids[k] + 0.01);
        }
        f.tick(110);
        assertEquals(OrderStatus.FILLED, f.progress(ORDER).status());
        assertEquals(List.of(), f.journal.halts);
        assertTrue(f.progress(ORDER).shortfallBps() > 2 * f.progress(ORDER).twapShortfallBps() - 30,
                "the move is common: " + f.progress(ORDER));
    }

    @Test
    void theIsMultipleIsOfTwapsCostSoAMultipleOfOneHaltsAnythingDearerThanTwapBeyondTheFloor() {
        final CoreFixture f = new CoreFixture(b -> b.isKill(1.0, 5.0, 0.05)).quote(0, 99.99, 100.01)
                .order(ORDER, 100_000, 10);
        f.tick(10).fillAll(11 * SECOND, 100.07);
        f.tick(20);
        assertHalted(f, HaltReason.IS_EXCEEDS_TWAP_BENCHMARK);
        final CoreFixture g = new CoreFixture(b -> b.isKill(1.0, 5.0, 0.05)).quote(0, 99.99, 100.01)
                .order(ORDER, 100_000, 10);
        g.tick(10).fillAll(11 * SECOND, 100.05);
        g.tick(20);
        assertEquals(OrderStatus.OPEN, g.progress(ORDER).status(), "6 bps excess > 5 bp floor halts, 4 bps does not");
    }

    // ---- the training domain: 3 sigma, or the range the trainer saw ----

    private static List<RegisteredStrategy> withDomain(final double[] min, final double[] max, final double[] mean,
                                                       final double[] std) {
        final StrategyFactory factory = scenario -> new EqualSlices();
        return List.of(new RegisteredStrategy("learned", factory, new TrainingDomain(min, max, mean, std, 3.0)));
    }

    /** A card from a trainer that estimated volatility: ratio 1 +- 0.1, seen from 0.8 to 1.3. */
    private static List<RegisteredStrategy> volatilityCard() {
        final double[] min = {-WIDE, -WIDE, -WIDE, -WIDE, -WIDE, -WIDE, 0.8, -WIDE};
        final double[] max = {WIDE, WIDE, WIDE, WIDE, WIDE, WIDE, 1.3, WIDE};
        final double[] mean = {0, 0, 0, 0, 0, 0, 1.0, 0};
        final double[] std = {1, 1, 1, 1, 1, 1, 0.1, 1};
        return withDomain(min, max, mean, std);
    }

    /** Runs the order with the mid alternating by {@code move} each slice (a volatility of {@code move} per slice). */
    private static CoreFixture alternatingMarket(final double move) {
        final CoreFixture f = new CoreFixture(b -> { }, volatilityCard()).quote(0, 99.99, 100.01)
                .order(ORDER, 100_000, 10);
        for (int k = 0; k < 10; k++) {
            final long s = 10 + 10L * k;
            final double mid = 100.0 + (k % 2) * move;
            f.quote(s * SECOND, mid - 0.01, mid + 0.01).timer(s * SECOND);
            f.trade((s + 5) * SECOND, mid, 100_000);
            f.fillAll((s + 6) * SECOND, mid + 0.01);
        }
        return f;
    }

    @Test
    void volatilityFiveTimesWhatThePolicyWasTrainedOnHaltsItAtTheFirstMove() {
        final CoreFixture f = alternatingMarket(5 * 0.05);
        assertHalted(f, HaltReason.FEATURE_OUT_OF_DOMAIN);
        assertTrue(f.journal.outputs.stream().anyMatch(l -> l.startsWith("T ") && l.endsWith(" 6")),
                "halt names feature 6 (volatility_ratio): " + f.journal.outputs);
        assertEquals(1, f.sink.children.size(), "halted at the second decision, after the first move");
    }

    @Test
    void volatilityAsTrainedTradesTheWholeOrder() {
        final CoreFixture f = alternatingMarket(0.05);
        f.tick(110);
        assertEquals(OrderStatus.FILLED, f.progress(ORDER).status());
        assertEquals(List.of(), f.journal.halts);
    }

    @Test
    void aValueTheTrainerSawIsInsideTheDomainEvenBeyondThreeSigma() {
        final double[] mean = {0.5, 0.5, 0.0, 0.0, 1.0, 2.0, 1.0, 0.07};
        final double[] std = {0.3, 0.3, 0.09, 0.7, 0.7, 0.03, 0.0, 0.08};
        final double[] min = {0.03, 0.0, -0.33, -3.19, 0.13, 1.88, 1.0, 0.0};
        final double[] max = {1.0, 1.0, 0.85, 3.12, 4.68, 2.14, 1.0, 1.02};
        final TrainingDomain domain = new TrainingDomain(min, max, mean, std, 3.0);
        final float[] lateDayRally = {0.1f, 0.1f, 0.0f, 2.9f, 1.0f, 1.95f, 1.0f, 0.07f};
        assertEquals(-1, domain.firstViolation(lateDayRally), "2.9 sigma of horizon drift: 4.1 training sigma, seen");
        final float[] beyond = lateDayRally.clone();
        beyond[3] = 3.2f;
        assertEquals(3, domain.firstViolation(beyond));
        final float[] bandOnly = beyond.clone();
        bandOnly[3] = 0.0f;
        bandOnly[2] = -0.3f;
        assertEquals(-1, domain.firstViolation(bandOnly), "inside the range seen, outside 3 sigma (-0.27)");
        assertEquals(2, new TrainingDomain(mean, std, 3.0).firstViolation(bandOnly), "without a range: the band");
    }

    /**
     * The model card of the stochastic-liquidity DQN the demo trains (seed 7, 1500 episodes): its training domain
     * per feature as {min, max, mean, std}.
     */
    private static final double[][] STOCHASTIC_LIQUIDITY_DQN_DOMAIN = {
            {0.0385, 1.0, 0.5239, 0.2861},
            {0.00034, 1.0, 0.5131, 0.3037},
            {-0.3291, 0.8514, -0.0107, 0.0877},
            {-3.1874, 3.1177, 0.0273, 0.6964},
            {0.1360, 4.6807, 0.9993, 0.7273},
            {1.8826, 2.1362, 1.9993, 0.0279},
            {1.0, 1.0, 1.0, 0.0},
            {0.0, 1.0201, 0.0700, 0.0841}};

    /**
     * Seed of an untrained network that sits on the order (its argmax is "trade nothing" in every state it meets).
     * Of seeds 1..12, 4 and 10 do this; the others trade, some front-loading their order in two or three slices on
     * this flat day, which no check should halt: they stay within the trained policy's own state and cost nothing.
     */
    private static final long UNTRAINED_SEED = 4;

    /** An untrained network (seeded random weights) carrying the trained DQN's card. */
    private static PolicyModel untrainedWithTrainedCard() {
        final PolicyModel random = DemoModels.randomDqn(UNTRAINED_SEED);
        final List<FeatureDomain> domain = new ArrayList<>();
        for (int i = 0; i < ExecutionFeatures.COUNT; i++) {
            final double[] d = STOCHASTIC_LIQUIDITY_DQN_DOMAIN[i];
            domain.add(new FeatureDomain(ExecutionFeatures.NAMES.get(i), d[0], d[1], d[2], d[3]));
        }
        final ModelCard c = random.card();
        return PolicyModel.of(new ModelCard(c.featureSchemaId(), c.features(), c.actionSpace(), c.layers(),
                c.provenance(), c.weightsSha256(), domain), random.layers());
    }

    /** A day like the DQN's training days: 2 bp spread, volume as expected, the reference volatility. */
    private static CoreFixture trainingLikeDay(final List<RegisteredStrategy> strategies) {
        final CoreFixture f = new CoreFixture(b -> b.volatilityDecay(1.0), strategies).quote(0, 99.99, 100.01)
                .order(ORDER, 100_000, 10);
        for (long s = 10; s < 110; s += 10) {
            f.tick(s);
            f.trade((s + 5) * SECOND, 100.0, 100_000);
            f.fillAll((s + 6) * SECOND, 100.01);
        }
        return f.tick(110);
    }

    @Test
    void anUntrainedModelDrivesItsOwnStateOutOfTheTrainedDomainAndIsHalted() {
        final PolicyModel model = untrainedWithTrainedCard();
        final TrainingDomain domain = TrainingDomain.of("untrained", model.card(), 3.0);
        final CoreFixture f = trainingLikeDay(List.of(new RegisteredStrategy("untrained",
                PolicyStrategy.factory("untrained", model), domain)));
        assertHalted(f, HaltReason.FEATURE_OUT_OF_DOMAIN);
        assertEquals(List.of(), f.sink.children, "it never traded");
        final float[] last = f.lastDecision().features();
        assertEquals(2, domain.firstViolation(last), "schedule_lead: " + java.util.Arrays.toString(last));
        assertEquals(0.9f, last[2], 1e-6f, "all of the order left with a tenth of the time: beyond the 0.85 seen");
        assertEquals(9, f.lastDecision().slice());
    }

    @Test
    void theSameDayTradedLikeTheTrainedPolicyStaysInsideItsDomain() {
        final PolicyModel model = untrainedWithTrainedCard();
        final TrainingDomain domain = TrainingDomain.of("trained-like", model.card(), 3.0);
        final StrategyFactory equal = scenario -> new EqualSlices();
        final CoreFixture f = trainingLikeDay(List.of(new RegisteredStrategy("trained-like", equal, domain)));
        assertEquals(OrderStatus.FILLED, f.progress(ORDER).status());
        assertNull(f.progress(ORDER).haltReason());
    }

    @Test
    void aCatalogueModelIsHeldToTheDomainOfItsOwnFeatures() {
        // A model reading [time_elapsed, mid]: its card's domain says mid was 80..90 in training; the day trades at 100.
        final ModelCard card = new ModelCard(ExecutionFeatures.SCHEMA_ID, List.of(
                new io.slicer.policy.model.FeatureSpec("time_elapsed", 0f, 1f),
                new io.slicer.policy.model.FeatureSpec("mid", 0f, 1f)),
                new io.slicer.policy.model.ActionSpace.Continuous("participation", 0.0, 0.2), List.of(),
                new io.slicer.policy.model.Provenance("test", "none", 1, null, null, java.util.Map.of()), null,
                List.of(new FeatureDomain("time_elapsed", 0, 0.9, 0.45, 0.29),
                        new FeatureDomain("mid", 80, 90, 85, 1)));
        final PolicyModel model = PolicyModel.of(card, List.of(new io.slicer.policy.model.DenseLayer(2, 1,
                io.slicer.policy.model.Activation.IDENTITY, new float[2], new float[1])));
        final TrainingDomain domain = TrainingDomain.of("raw", model.card(), 3.0);
        assertEquals(List.of("time_elapsed", "mid"), domain.features().names());
        final CoreFixture f = trainingLikeDay(List.of(new RegisteredStrategy("raw",
                PolicyStrategy.factory("raw", model), domain)));
        assertHalted(f, HaltReason.FEATURE_OUT_OF_DOMAIN);
        assertEquals(List.of(), f.sink.children, "halted at its first decision: mid 100 is outside 80..90");
        assertEquals(1, domain.firstViolation(new float[] {0f, 100f}), "the card's feature 1, mid");
        assertEquals(-1, domain.firstViolation(new float[] {0f, 85f}));
    }
}
