package io.slicer.tools.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON document of {@code slicer evaluate --json}. Field order is fixed by construction (insertion order), and
 * every field is a function of scenario, strategies, episodes, seed and risk aversion only: the thread count and
 * the wall clock appear nowhere, so the same command prints the same bytes on any machine size.
 * Non-finite numbers (a p-value with no spread to test) are written as {@code null}. The fields are documented in
 * {@code docs/json-fields.md}.
 */
public final class EvaluationJson {
    /** Bumped when a field changes meaning or disappears; adding a field does not bump it. */
    public static final String SCHEMA = "slicer.evaluation.v1";

    public static final String PERCENTILE_DEFINITION =
            "linear interpolation between closest ranks (Hyndman-Fan type 7, numpy default)";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvaluationJson() {
    }

    public static String render(final EvaluationReport report) {
        try {
            return MAPPER.writeValueAsString(toTree(report));
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("cannot render evaluation JSON", e);
        }
    }

    public static ObjectNode toTree(final EvaluationReport report) {
        final ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        final EvaluationReport.ScenarioSummary s = report.scenario();
        final ObjectNode scenario = root.putObject("scenario");
        scenario.put("name", s.name());
        scenario.put("description", s.description());
        final ObjectNode instrument = scenario.putObject("instrument");
        instrument.put("symbol", s.instrument().symbol());
        number(instrument, "tickSize", s.instrument().tickSize());
        instrument.put("lotSize", s.instrument().lotSize());
        number(instrument, "multiplier", s.instrument().multiplier());
        instrument.put("currency", s.instrument().currency());
        instrument.put("quantityUnit", s.instrument().quantityUnit());
        scenario.put("side", s.side().name());
        scenario.put("quantity", s.quantity());
        scenario.put("slices", s.slices());
        number(scenario, "arrivalPrice", s.arrivalPrice());
        number(scenario, "arrivalNotional", s.arrivalNotional());
        number(scenario, "sigmaPerSlice", s.sigmaPerSlice());
        number(scenario, "participationCap", s.participationCap());
        scenario.put("marketDataRejected", s.marketDataRejected());
        final EvaluationConfig c = report.config();
        root.put("episodes", c.episodes());
        root.put("seed", c.seed());
        number(root, "riskAversion", c.riskAversion());
        root.put("commonRandomNumbers", true);
        number(root, "confidence", PairedStatistics.CONFIDENCE);
        root.put("percentileDefinition", PERCENTILE_DEFINITION);
        root.put("baseline", report.baseline());
        root.put("baselineAdded", report.baselineAdded());
        final ArrayNode strategies = root.putArray("strategies");
        for (final StrategyEvaluation e : report.strategies()) {
            strategies.add(strategy(e));
        }
        return root;
    }

    private static ObjectNode strategy(final StrategyEvaluation e) {
        final StrategyStats st = e.stats();
        final ObjectNode o = MAPPER.createObjectNode();
        o.put("name", e.name());
        o.set("isBps", distribution(st.isBps()));
        o.set("isDollars", distribution(st.isDollars()));
        number(o, "objectiveDollars", st.objectiveDollars());
        o.set("savingsVsBaselineBps", comparison(st.vsBaseline()));
        o.set("savingsVsBaselineDollars", comparison(st.vsBaselineDollars()));
        final SeedMeasures seed = st.seed();
        if (seed != null) {
            number(o, "seedCostMean", seed.cost().mean());
            o.set("seedCost", distribution(seed.cost()));
            o.set("seedCostSavingsVsBaseline", comparison(seed.savingsVsBaseline()));
            final ObjectNode constraint = o.putObject("seedConstraint");
            number(constraint, "limit", seed.limit());
            number(constraint, "meanAbsAction", seed.meanAbsAction());
            number(constraint, "meanTradedParticipation", seed.meanTradedParticipation());
            constraint.put("actionOverLimitEpisodes", seed.actionOverLimitEpisodes());
            constraint.put("tradedOverLimitEpisodes", seed.tradedOverLimitEpisodes());
        }
        final ObjectNode split = o.putObject("costSplitBps");
        number(split, "impact", st.impactBps());
        number(split, "temporaryImpact", st.temporaryImpactBps());
        number(split, "permanentImpact", st.permanentImpactBps());
        number(split, "timing", st.timingBps());
        number(split, "opportunity", st.opportunityBps());
        number(o, "vwapSlippageBps", st.vwapSlippageBps());
        final ObjectNode participation = o.putObject("participation");
        number(participation, "mean", st.participationMean());
        number(participation, "maxMean", st.participationMaxMean());
        number(participation, "max", st.participationMax());
        number(participation, "cap", st.participationCap());
        participation.put("capBreachEpisodes", st.capBreachEpisodes());
        participation.put("capBreachSlices", st.capBreachSlices());
        o.put("unfilledEpisodes", st.unfilledEpisodes());
        final TacticStats t = st.tactics();
        final ObjectNode tactics = o.putObject("childTactics");
        tactics.put("tactic", e.tactic());
        tactics.set("passiveShare", measure(t.passiveShare()));
        tactics.set("spreadCaptureBps", measure(t.spreadCaptureBps()));
        tactics.set("adverseSelection1sBps", measure(t.adverseSelection1sBps()));
        tactics.set("adverseSelection10sBps", measure(t.adverseSelection10sBps()));
        final ObjectNode splitVs = o.putObject("costSplitVsBaselineBps");
        splitVs.set("impact", comparison(t.impactBps().vsBaseline()));
        splitVs.set("timing", comparison(t.timingBps().vsBaseline()));
        splitVs.set("opportunity", comparison(t.opportunityBps().vsBaseline()));
        final ArrayNode schedule = o.putArray("meanSchedule");
        for (final double shares : e.meanSchedule()) {
            schedule.add(shares);
        }
        return o;
    }

    private static ObjectNode distribution(final DistributionSummary d) {
        final ObjectNode o = MAPPER.createObjectNode();
        number(o, "mean", d.mean());
        number(o, "std", d.std());
        number(o, "median", d.median());
        number(o, "p5", d.p5());
        number(o, "p95", d.p95());
        number(o, "min", d.min());
        number(o, "max", d.max());
        return o;
    }

    /** A measure's mean and its paired difference from the baseline (this minus baseline). */
    private static ObjectNode measure(final TacticStats.Measure m) {
        final ObjectNode o = MAPPER.createObjectNode();
        number(o, "mean", m.mean());
        o.set("minusBaseline", comparison(m.vsBaseline()));
        return o;
    }

    private static ObjectNode comparison(final PairedComparison p) {
        final ObjectNode o = MAPPER.createObjectNode();
        number(o, "mean", p.savings());
        number(o, "ciLow", p.ciLow());
        number(o, "ciHigh", p.ciHigh());
        number(o, "pairedPValue", p.pairedP());
        number(o, "welchPValue", p.welchP());
        number(o, "stdDifference", p.stdDifference());
        return o;
    }

    private static void number(final ObjectNode o, final String field, final double value) {
        if (Double.isFinite(value)) {
            o.put(field, value);
        } else {
            o.putNull(field);
        }
    }
}
