package io.slicer.tools.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slicer.engine.market.Instrument;
import io.slicer.engine.order.OrderTerms;
import io.slicer.engine.strategy.AlmgrenChriss;
import io.slicer.tools.eval.EvaluationConfig;
import io.slicer.tools.eval.EvaluationReport;
import io.slicer.tools.report.TextTable;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.Scenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code slicer schedule}: the pre-trade view of the Almgren-Chriss trajectory on a scenario's market: planned
 * holdings and trades per slice, expected cost E and variance V from the closed form, and the half-life 1/kappa,
 * next to TWAP's E and V in the same market.
 */
@Command(name = "schedule",
        mixinStandardHelpOptions = true,
        description = "Pre-trade Almgren-Chriss schedule for a scenario: holdings and trades per slice, "
                + "expected cost E, variance V and half-life 1/kappa from the closed form.")
public final class ScheduleCommand implements Callable<Integer> {
    /** The only strategy with a closed-form pre-trade schedule. */
    static final String STRATEGY = "ac";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "NAME", description = "Scenario, e.g. ac-2000.")
    String scenario;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = STRATEGY,
            description = "Strategy with a closed form; only 'ac' (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--risk-aversion", paramLabel = "LAMBDA",
            defaultValue = "" + EvaluationConfig.DEFAULT_RISK_AVERSION,
            description = "Risk aversion lambda per dollar (default: ${DEFAULT-VALUE}).")
    double riskAversion;

    @Option(names = "--json", description = "Print one JSON document instead of the table.")
    boolean json;

    @Override
    public Integer call() {
        if (!STRATEGY.equals(strategy)) {
            throw new IllegalArgumentException("--strategy '" + strategy
                    + "' has no closed-form schedule; expected 'ac'");
        }
        if (!(riskAversion >= 0) || Double.isInfinite(riskAversion)) {
            throw new IllegalArgumentException("--risk-aversion must be a finite number >= 0, got " + riskAversion);
        }
        final Scenario market = Scenarios.byName(scenario);
        final AlmgrenChriss ac = AlmgrenChriss.of(market.terms(), riskAversion);
        final AlmgrenChriss twap = AlmgrenChriss.of(market.terms(), 0.0);
        final PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(market, riskAversion, ac, twap) + System.lineSeparator()
                : table(market, riskAversion, ac, twap));
        out.flush();
        return 0;
    }

    private static String table(final Scenario market, final double riskAversion, final AlmgrenChriss ac,
                                final AlmgrenChriss twap) {
        final OrderTerms terms = market.terms();
        final Instrument instrument = terms.instrument();
        // The closed form works in price points times units; money is that times the contract multiplier (its
        // lambda is the risk aversion per unit of money times the multiplier: AlmgrenChriss.of).
        final double m = instrument.multiplier();
        final String money = EvaluationReport.ScenarioSummary.money(instrument);
        final StringBuilder sb = new StringBuilder();
        final double notional = terms.quantity() * terms.arrivalPrice();
        sb.append(String.format(Locale.ROOT, "Scenario %s: %s %,d %s over %d slices of %s, arrival price %.4f%n",
                market.name(), terms.side(), terms.quantity(), instrument.quantityUnit(), terms.slices(),
                num(terms.impact().sliceLength()), terms.arrivalPrice()));
        sb.append(String.format(Locale.ROOT, "Almgren-Chriss, lambda %s per %s: kappa %s, half-life 1/kappa %s "
                        + "(%s slices)%n", num(riskAversion), money,
                num(ac.kappa()), num(ac.halfLife()), num(ac.halfLife() / ac.sliceLength())));
        sb.append(String.format(Locale.ROOT, "  E %,.0f %s (%.2f bps)   sqrt(V) %,.0f %s (%.2f bps)   E + lambda V %,.0f"
                        + " %s%n", m * ac.expectedCost(), money, ac.expectedCost() / notional * 1e4,
                m * Math.sqrt(ac.variance()), money, Math.sqrt(ac.variance()) / notional * 1e4, m * ac.objective(),
                money));
        final double twapObjective = twap.expectedCost() + ac.lambda() * twap.variance();
        sb.append(String.format(Locale.ROOT, "TWAP:  E %,.0f %s (%.2f bps)   sqrt(V) %,.0f %s (%.2f bps)   E + lambda V"
                        + " %,.0f %s%n%n", m * twap.expectedCost(), money, twap.expectedCost() / notional * 1e4,
                m * Math.sqrt(twap.variance()), money, Math.sqrt(twap.variance()) / notional * 1e4,
                m * twapObjective, money));
        final double[] holdings = ac.holdings();
        final double[] trades = ac.trades();
        final long[] shares = ac.integerTrades();
        final TextTable t = new TextTable("slice", "holding before", "trade", instrument.quantityUnit(), "holding after",
                "% of order");
        for (int k = 0; k < trades.length; k++) {
            t.row(Integer.toString(k), String.format(Locale.ROOT, "%,.1f", holdings[k]),
                    String.format(Locale.ROOT, "%,.1f", trades[k]), String.format(Locale.ROOT, "%,d", shares[k]),
                    String.format(Locale.ROOT, "%,.1f", holdings[k + 1]),
                    String.format(Locale.ROOT, "%.2f%%", trades[k] / terms.quantity() * 100));
        }
        sb.append(t.toText());
        return sb.toString();
    }

    private static String json(final Scenario market, final double riskAversion, final AlmgrenChriss ac,
                               final AlmgrenChriss twap) {
        // Money, as the table prints it: points x units times the contract multiplier (variance times its square).
        final double m = market.terms().instrument().multiplier();
        final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        final ObjectNode root = mapper.createObjectNode();
        root.put("schema", "slicer.schedule.v1");
        root.put("scenario", market.name());
        root.put("side", market.terms().side().name());
        root.put("quantity", market.terms().quantity());
        root.put("slices", market.terms().slices());
        number(root, "sliceLength", market.terms().impact().sliceLength());
        number(root, "arrivalPrice", market.terms().arrivalPrice());
        root.put("strategy", STRATEGY);
        root.put("currency", market.terms().instrument().currency());
        number(root, "riskAversion", riskAversion);
        number(root, "kappa", ac.kappa());
        number(root, "halfLife", ac.halfLife());
        number(root, "halfLifeSlices", ac.halfLife() / ac.sliceLength());
        number(root, "expectedCost", m * ac.expectedCost());
        number(root, "variance", m * m * ac.variance());
        number(root, "objective", m * ac.objective());
        final ObjectNode t = root.putObject("twap");
        number(t, "expectedCost", m * twap.expectedCost());
        number(t, "variance", m * m * twap.variance());
        number(t, "objective", m * (twap.expectedCost() + ac.lambda() * twap.variance()));
        final ArrayNode holdings = root.putArray("holdings");
        for (final double x : ac.holdings()) {
            holdings.add(x);
        }
        final ArrayNode trades = root.putArray("trades");
        for (final double n : ac.trades()) {
            trades.add(n);
        }
        final ArrayNode shares = root.putArray("shares");
        for (final long n : ac.integerTrades()) {
            shares.add(n);
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("cannot render schedule JSON", e);
        }
    }

    private static void number(final ObjectNode o, final String field, final double value) {
        if (Double.isFinite(value)) {
            o.put(field, value);
        } else {
            o.putNull(field);
        }
    }

    private static String num(final double v) {
        if (Double.isInfinite(v)) {
            return "infinite";
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
