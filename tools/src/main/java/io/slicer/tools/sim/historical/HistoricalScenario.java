package io.slicer.tools.sim.historical;

import io.slicer.engine.market.Instrument;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.ChildTactic;
import io.slicer.engine.order.MarketImpact;
import io.slicer.engine.order.OrderTerms;
import io.slicer.tools.marketdata.BarSeries;
import io.slicer.tools.marketdata.lobster.LobsterBars;
import io.slicer.tools.marketdata.lobster.LobsterDay;
import io.slicer.tools.marketdata.lobster.LobsterFormat;
import io.slicer.tools.marketdata.lobster.LobsterTape;
import io.slicer.tools.sim.Episode;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.ScenarioTerms;
import io.slicer.tools.sim.queue.QueueModel;
import io.slicer.tools.sim.queue.QueueReplay;

import java.util.Locale;

/**
 * A parent order replayed over real bars: a LOBSTER day, or CME sessions. Episode {@code i} starts at window
 * {@code (i * startStride) mod windows}, where the windows are the bars an order of N slices may start at (every bar
 * of a LOBSTER day that leaves N bars; for several sessions, only starts whose N bars lie in one session), so the data
 * yields {@link #episodeCount()} distinct parent orders with different start times; the seed is not used (the path is
 * the recorded one, the same for every strategy).
 *
 * <p>Per slice (bar {@code b}), for a buy of {@code n} shares (signs flip for a sell):
 * <pre>
 *   unaffected mid U = real mid at the bar's start
 *   mid            M = U + gamma * (our shares executed before this slice)
 *   our price      P = M + realSpread_b / 2 + eta * n / tau        (times meanBarVolume / volume_b for
 *                                                                   {@link HistoricalImpact#PARTICIPATION})
 *   market volume    = the bar's real traded volume;  market price (for VWAP) = the bar's real VWAP (mid if none)
 * </pre>
 * Our trades do not change the real volume or the other traders' prices: a small order's footprint is laid over the
 * real path, not fed back into it. Impact coefficients and volatility come from {@link ImpactCalibration} on the same
 * bars (in-sample); for a LOBSTER day the expected volume profile is described in {@link ExpectedVolumeProfile}.
 *
 * <p>A LOBSTER day also keeps its messages ({@link LobsterTape}), so a child worked with a passive
 * {@link io.slicer.engine.order.ChildTactic} rests in the day's real queue ({@link QueueReplay}, under
 * {@link #queueModel()}): its fills come at its own price, with the same permanent shift {@code gamma * executed} laid
 * over them; what is unfilled at the tactic's deadline (90% of the slice, as in the engine) crosses on the book
 * then, at the price above. A crossing child is priced as above, whatever the tactic of the others. CME bars have
 * no messages: there every child crosses.
 *
 * <p>Scenario-level numbers that vary by episode: {@link #arrivalPrice()} is episode 0's; {@link #halfSpread()} is
 * the day's mean; {@link #expectedVolumeProfile()} is the mean over all start times. Each episode's own values reach
 * strategies through its {@link io.slicer.engine.decision.DecisionContext}. Immutable and thread-safe.
 */
public final class HistoricalScenario implements Scenario {
    private final String name;
    private final String market;
    private final BarSeries bars;
    private final int[] windowStarts;
    private final HistoricalParams params;
    private final ImpactCalibration calibration;
    private final long quantity;
    private final double[] expectedVolume;
    private final double[] marketPrice;
    private final String profileSource;
    private final OrderTerms terms;
    private final LobsterTape tape;
    private final QueueModel queueModel;

    private HistoricalScenario(final HistoricalScenario bars, final String name, final LobsterTape tape,
                               final QueueModel queueModel) {
        this(bars, name, tape, queueModel, bars.windowStarts);
    }

    private HistoricalScenario(final HistoricalScenario bars, final String name, final LobsterTape tape,
                               final QueueModel queueModel, final int[] windowStarts) {
        this.name = name;
        this.market = bars.market;
        this.bars = bars.bars;
        this.windowStarts = windowStarts;
        this.params = bars.params;
        this.calibration = bars.calibration;
        this.quantity = bars.quantity;
        this.expectedVolume = bars.expectedVolume;
        this.profileSource = bars.profileSource;
        this.marketPrice = bars.marketPrice;
        this.terms = bars.terms;
        this.tape = tape;
        this.queueModel = queueModel;
    }

    private HistoricalScenario(final String name, final String market, final Instrument instrument,
                               final BarSeries bars, final int[] windowStarts,
                               final double[] expectedVolume, final String profileSource,
                               final ImpactCalibration calibration, final long quantity,
                               final HistoricalParams params) {
        if (bars.sliceSeconds() != params.sliceSeconds()) {
            throw new IllegalArgumentException(bars.label() + ": bars are " + bars.sliceSeconds()
                    + " s but the scenario asks for " + params.sliceSeconds() + " s slices");
        }
        if (windowStarts.length == 0) {
            throw new IllegalArgumentException(bars.label() + ": " + bars.size() + " bars of " + bars.sliceSeconds()
                    + " s cannot hold an order of " + params.slices() + " slices");
        }
        for (final int w : windowStarts) {
            if (w < 0 || w + params.slices() > bars.size()) {
                throw new IllegalArgumentException(bars.label() + ": an order starting at bar " + w + " needs "
                        + params.slices() + " bars but the series has " + bars.size());
            }
        }
        if (expectedVolume.length != bars.size()) {
            throw new IllegalArgumentException(bars.label() + ": " + expectedVolume.length
                    + " expected volumes for " + bars.size() + " bars");
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException(bars.label() + ": parent quantity must be positive, found " + quantity);
        }
        this.name = name;
        this.market = market;
        this.bars = bars;
        this.windowStarts = windowStarts.clone();
        this.params = params;
        this.calibration = calibration;
        this.quantity = quantity;
        this.expectedVolume = expectedVolume.clone();
        this.profileSource = profileSource;
        this.marketPrice = new double[bars.size()];
        for (int k = 0; k < bars.size(); k++) {
            marketPrice[k] = bars.volume(k) > 0 ? bars.vwap(k) : bars.midAtStart(k);
        }
        this.tape = null;
        this.queueModel = null;
        this.terms = ScenarioTerms.of(instrument, side(), quantity(), slices(), arrivalPrice(), sigmaPerSlice(),
                expectedVolumeProfile(), participationCap(), MarketImpact.of(permanentImpact(), temporaryImpact(),
                        halfSpread(), sliceLength()));
    }

    /**
     * A scenario over any bars: orders start at {@code windowStarts} (each followed by N bars of one session),
     * {@code expectedVolume[k]} is what a desk expects bar {@code k} to trade, the impact model is
     * {@code calibration}'s. The other factories build LOBSTER days with this.
     *
     * @param name          the scenario's name, e.g. {@code cme:6EH4:test}
     * @param market        what is replayed, opening the description
     * @param instrument    what is traded: tick, lot, contract multiplier
     * @param profileSource where the expected volume's shape comes from, for the description
     */
    public static HistoricalScenario of(final String name, final String market, final Instrument instrument,
                                        final BarSeries bars,
                                        final int[] windowStarts, final double[] expectedVolume,
                                        final String profileSource, final ImpactCalibration calibration,
                                        final long quantity, final HistoricalParams params) {
        return new HistoricalScenario(name, market, instrument, bars, windowStarts, expectedVolume, profileSource,
                calibration, quantity, params);
    }

    /** Parent quantity: {@code targetParticipation} of the mean volume of N bars, in whole 100-share lots. */
    static long automaticQuantity(final BarSeries bars, final HistoricalParams params) {
        final double horizonVolume = (double) bars.totalVolume() / bars.size() * params.slices();
        final long lots = Math.round(params.targetParticipation() * horizonVolume / 100.0);
        return Math.max(1, lots) * 100;
    }

    /** Reads and validates {@code day}; the volume profile's shape is the day's own (see the lookahead caveat). */
    public static HistoricalScenario fromDay(final LobsterDay day, final HistoricalParams params) {
        final BarSeries bars = LobsterBars.of(day, params.sliceSeconds());
        return fromBars(bars, bars, params).withQueue(LobsterTape.of(day), QueueModel.defaults());
    }

    /** As {@link #fromDay(LobsterDay, HistoricalParams)}, with the volume profile's shape from {@code profileDay}. */
    public static HistoricalScenario fromDay(final LobsterDay day, final LobsterDay profileDay,
                                             final HistoricalParams params) {
        return fromBars(LobsterBars.of(day, params.sliceSeconds()),
                LobsterBars.of(profileDay, params.sliceSeconds()), params)
                .withQueue(LobsterTape.of(day), QueueModel.defaults());
    }

    /**
     * This replay with passive children resting in {@code tape}'s queue under {@code model} (the tape must be the
     * bars' day); a cancel attribution other than pro rata is written into the name, e.g.
     * {@code lobster:AMZN:60:10:risk-averse}.
     */
    public HistoricalScenario withQueue(final LobsterTape tape, final QueueModel model) {
        final String base = this.tape == null ? name : name.substring(0, name.length() - nameSuffix(queueModel).length());
        return new HistoricalScenario(this, base + nameSuffix(model), tape, model);
    }

    private static String nameSuffix(final QueueModel model) {
        return model == null || model.cancels().spec().equals("pro-rata") ? "" : ":" + model.cancels().spec();
    }

    /** The queue rules passive children rest under; null for bars without messages (CME). */
    public QueueModel queueModel() {
        return queueModel;
    }

    /** A queue replay of this day for one episode; null when the scenario has no messages. */
    QueueReplay newQueueReplay() {
        if (tape == null) {
            return null;
        }
        final long tickUnits = Math.round(terms.instrument().tickSize() * LobsterFormat.PRICE_SCALE);
        return new QueueReplay(tape, queueModel, tickUnits);
    }

    LobsterTape tape() {
        return tape;
    }

    /** One LOBSTER day's bars ({@code profileBars} may be {@code bars} itself, or another day on the same grid). */
    public static HistoricalScenario fromBars(final BarSeries bars, final BarSeries profileBars,
                                              final HistoricalParams params) {
        if (bars.size() < params.slices()) {
            throw new IllegalArgumentException(bars.label() + ": " + bars.size() + " bars of " + bars.sliceSeconds()
                    + " s cannot hold an order of " + params.slices() + " slices");
        }
        if (profileBars.size() != bars.size() || profileBars.startNanos(0) != bars.startNanos(0)
                || profileBars.sliceSeconds() != bars.sliceSeconds()) {
            throw new IllegalArgumentException(profileBars.label() + ": volume profile day's bars ("
                    + profileBars.size() + " from " + profileBars.startNanos(0) / 1_000_000 + " ms) do not match "
                    + bars.label() + "'s (" + bars.size() + " from " + bars.startNanos(0) / 1_000_000 + " ms)");
        }
        final int[] starts = new int[bars.size() - params.slices() + 1];
        for (int w = 0; w < starts.length; w++) {
            starts[w] = w;
        }
        final long quantity = params.quantity() > 0 ? params.quantity() : automaticQuantity(bars, params);
        return new HistoricalScenario(
                "lobster:" + bars.symbol() + ":" + params.sliceSeconds() + ":" + params.slices(),
                bars.label() + " LOBSTER replay (NASDAQ volume)", ScenarioTerms.simulatedEquity(bars.symbol()), bars,
                starts,
                ExpectedVolumeProfile.of(profileBars, bars.totalVolume()),
                profileBars == bars ? "same-day" : profileBars.symbol(),
                ImpactCalibration.of(bars, params.referenceParticipation()), quantity, params);
    }

    /** Distinct parent orders (start times) the bars yield. */
    public int episodeCount() {
        return windowStarts.length;
    }

    /** The bar at which episode {@code episodeIndex} starts. */
    public int startBar(final long episodeIndex) {
        return windowStarts[(int) Math.floorMod(episodeIndex * params.startStride(), (long) windowStarts.length)];
    }

    @Override
    public long marketDataRejected() {
        return bars.rejected();
    }

    public BarSeries bars() {
        return bars;
    }

    public HistoricalParams params() {
        return params;
    }

    public ImpactCalibration calibration() {
        return calibration;
    }

    /** Where the expected volume profile's shape comes from: {@code same-day} or the other day's symbol. */
    public String profileSource() {
        return profileSource;
    }

    double expectedVolume(final int bar) {
        return expectedVolume[bar];
    }

    double marketPrice(final int bar) {
        return marketPrice[bar];
    }

    @Override
    public OrderTerms terms() {
        return terms;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "%s: %s %,d sh over %d x %d s bars, "
                        + "%d start times; impact %s, eta %.3g, gamma %.3g (%s), sigma %.4g $/bar, volume profile %s%s",
                market, params.side(), quantity, params.slices(), params.sliceSeconds(), windowStarts.length,
                params.impact() == HistoricalImpact.RATE ? "linear in our rate" : "linear in our share of the bar",
                calibration.eta(), calibration.gamma(), calibration.gammaSource(), calibration.sigmaPerSlice(),
                profileSource, queueModel == null ? "" : String.format(Locale.ROOT,
                        "; passive children queue: cancels %s, order latency %.3g ms", queueModel.cancels().spec(),
                        queueModel.latencyNanos() / 1e6));
    }

    public Side side() {
        return params.side();
    }

    public long quantity() {
        return quantity;
    }

    public int slices() {
        return params.slices();
    }

    public double arrivalPrice() {
        return bars.midAtStart(startBar(0));
    }

    public double sigmaPerSlice() {
        return calibration.sigmaPerSlice();
    }

    /** Seconds: eta is quoted per (shares per second). */
    public double sliceLength() {
        return params.sliceSeconds();
    }

    public double permanentImpact() {
        return calibration.gamma();
    }

    public double temporaryImpact() {
        return calibration.eta();
    }

    public double halfSpread() {
        return calibration.halfSpread();
    }

    public double[] expectedVolumeProfile() {
        final int n = params.slices();
        final double[] profile = new double[n];
        for (final int w : windowStarts) {
            for (int k = 0; k < n; k++) {
                profile[k] += expectedVolume[w + k];
            }
        }
        for (int k = 0; k < n; k++) {
            profile[k] /= windowStarts.length;
        }
        return profile;
    }

    public double participationCap() {
        return params.participationCap();
    }

    /**
     * An episode that also replays each child under every tactic of {@code candidates} and tells {@code sink} what
     * each would have cost (training a tactic chooser); the episode itself works its own tactic as usual.
     */
    public Episode newTrainingEpisode(final TacticSampleSink sink, final ChildTactic[] candidates) {
        if (tape == null) {
            throw new IllegalArgumentException("scenario '" + name + "' has no messages to queue in: a tactic chooser "
                    + "trains on a LOBSTER day");
        }
        return new HistoricalEpisode(this, sink, candidates);
    }

    /**
     * This scenario with parent orders only inside {@code [fromNanos, toNanos)} after midnight (each order's first
     * bar starts at or after {@code fromNanos}, its last ends at or before {@code toNanos}), named with
     * {@code @HH:MM-HH:MM}: what separates a training window from held-out hours.
     */
    public HistoricalScenario window(final long fromNanos, final long toNanos, final String label) {
        final int n = params.slices();
        int count = 0;
        final int[] kept = new int[windowStarts.length];
        for (final int w : windowStarts) {
            if (bars.startNanos(w) >= fromNanos && bars.endNanos(w + n - 1) <= toNanos) {
                kept[count++] = w;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("scenario '" + name + label + "': no order of " + n + " slices fits "
                    + "between " + label.substring(1) + " on " + bars.label());
        }
        return new HistoricalScenario(this, name + label, tape, queueModel, java.util.Arrays.copyOf(kept, count));
    }

    @Override
    public Episode newEpisode() {
        return new HistoricalEpisode(this);
    }
}
