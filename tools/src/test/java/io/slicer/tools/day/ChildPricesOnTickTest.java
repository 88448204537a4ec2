package io.slicer.tools.day;

import io.slicer.engine.market.Instrument;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.engine.strategy.StrategyRegistry;
import io.slicer.journal.RingJournal;
import io.slicer.journal.TestModels;
import io.slicer.tools.marketdata.cme.CmeTestData;
import io.slicer.tools.marketdata.lobster.LobsterTestData;
import io.slicer.tools.sim.LinearImpactScenario;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.historical.CmeScenarios;
import io.slicer.tools.sim.historical.HistoricalParams;
import io.slicer.tools.sim.historical.HistoricalScenario;
import io.slicer.tools.sim.presets.StochasticLiquidity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every child price that leaves the engine is a whole number of its instrument's ticks, for every strategy the engine
 * can run (each schedule of the registry and a learned policy), on a simulated day (a buy and a sell of a $100
 * stock, quoted off tick by the simulator), a real LOBSTER day (AMZN, cents) and real CME sessions (6E, 0.00005 of a
 * dollar): each day is a {@link ScenarioDay} through the ring, and a sink in front of the venue checks each child.
 */
class ChildPricesOnTickTest {
    private static final long SEED = 9_000_001L;

    @TempDir
    Path tmp;

    /** Every strategy spec the engine can be given: the registry's schedules, and a learned policy. */
    private List<String> everyStrategy() {
        final List<String> specs = new ArrayList<>(StrategyRegistry.schedules().names());
        specs.add("dqn:" + TestModels.saveTwapMultipleModel(tmp.resolve("model")));
        return specs;
    }

    @Test
    void everyChildOfEveryStrategyIsOnTickOnASimulatedDayBuyingAndSelling() {
        final LinearImpactScenario buy = StochasticLiquidity.scenario();
        final LinearImpactScenario sell = new LinearImpactScenario(buy.params().withSide(Side.SELL));
        assertEveryChildOnTick(buy, "simulated buy");
        assertEveryChildOnTick(sell, "simulated sell");
    }

    @Test
    void everyChildOfEveryStrategyIsOnTickOnARealLobsterDay() {
        assertEveryChildOnTick(HistoricalScenario.fromDay(LobsterTestData.amzn(), HistoricalParams.defaults()),
                "LOBSTER AMZN");
    }

    @Test
    void everyChildOfEveryStrategyIsOnTickInContractsOfRealCmeSessions() {
        final HistoricalScenario cme = CmeScenarios.of(CmeTestData.sixE(), CmeScenarios.Split.TEST,
                HistoricalParams.defaults());
        assertEquals(0.00005, cme.terms().instrument().tickSize());
        assertEquals(125_000, cme.terms().instrument().multiplier());
        assertEquals("contracts", cme.terms().instrument().quantityUnit());
        assertEveryChildOnTick(cme, "CME 6E");
    }

    private void assertEveryChildOnTick(final Scenario scenario, final String label) {
        final Instrument instrument = scenario.terms().instrument();
        for (final String spec : everyStrategy()) {
            final TickCheck check = new TickCheck(instrument);
            final ScenarioDay.Venue venue = new ScenarioDay.Venue();
            final Path journal = tmp.resolve(label.replace(' ', '-') + "-" + Math.abs(spec.hashCode()));
            final ScenarioDay.Result day;
            try (RingJournal ring = RingJournal.open(journal, "test", ScenarioDay.settings(scenario, ""),
                    List.of(spec), check.before(venue))) {
                day = new ScenarioDay(scenario, SEED, 0).play(ring, venue);
            }
            assertTrue(check.children > 0, label + " " + spec + ": no child sent (" + day.status() + " "
                    + day.haltReason() + ")");
            assertTrue(check.offTick.isEmpty(), label + " " + spec + ": children off the tick "
                    + instrument.tickSize() + ": " + check.offTick);
            assertTrue(day.status() == OrderStatus.FILLED || !day.haltReason().isEmpty(),
                    label + " " + spec + ": " + day.summary());
        }
    }

    /** Checks each child's limit price on its way to the venue. */
    private static final class TickCheck {
        private final Instrument instrument;
        private final List<String> offTick = new ArrayList<>();
        private int children;

        TickCheck(final Instrument instrument) {
            this.instrument = instrument;
        }

        ChildOrderSink before(final ChildOrderSink venue) {
            return new ChildOrderSink() {
                @Override
                public void onNewChild(final long childId, final long parentId, final int symbol, final Side side,
                                       final long quantity, final double limitPrice) {
                    children++;
                    if (!instrument.onTick(limitPrice)) {
                        offTick.add(side + " " + quantity + " @ " + limitPrice);
                    }
                    venue.onNewChild(childId, parentId, symbol, side, quantity, limitPrice);
                }

                @Override
                public void onCancelChild(final long childId, final long parentId) {
                    venue.onCancelChild(childId, parentId);
                }
            };
        }
    }
}
