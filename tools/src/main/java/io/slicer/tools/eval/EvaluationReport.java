package io.slicer.tools.eval;

import io.slicer.engine.market.Instrument;
import io.slicer.engine.market.Side;

import java.util.List;
import java.util.Optional;

/**
 * The result of one paired evaluation: the scenario, the configuration and one {@link StrategyEvaluation} per
 * strategy, baseline first. Identical for any thread count.
 *
 * @param baselineAdded true when the caller did not list the baseline and it was added to have something to
 *                      compare against
 */
public record EvaluationReport(ScenarioSummary scenario, EvaluationConfig config, String baseline,
                               boolean baselineAdded, List<StrategyEvaluation> strategies) {
    public EvaluationReport {
        strategies = List.copyOf(strategies);
    }

    /** The parent order and market the strategies were run on; money is in the instrument's currency. */
    public record ScenarioSummary(String name, String description, Instrument instrument, Side side, long quantity,
                                  int slices, double arrivalPrice, double sigmaPerSlice, double participationCap,
                                  long marketDataRejected) {
        /** Notional at arrival, Q * P0 * multiplier: what 1 bps is a ten-thousandth of. */
        public double arrivalNotional() {
            return instrument.notional(quantity, arrivalPrice);
        }

        /** How money is written in the reports: "$" for US dollars, else the currency code. */
        public String money() {
            return money(instrument);
        }

        /** How {@code instrument}'s money is written in every report and table: "$" for US dollars, else the code. */
        public static String money(final Instrument instrument) {
            return instrument.currency().equals("USD") ? "$" : instrument.currency();
        }

        /** What a unit of quantity is called: "shares", "contracts". */
        public String units() {
            return instrument.quantityUnit();
        }
    }

    public Optional<StrategyEvaluation> strategy(final String name) {
        return strategies.stream().filter(s -> s.name().equals(name)).findFirst();
    }

}
