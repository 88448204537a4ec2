package io.slicer.engine.sim.historical;

import io.slicer.engine.market.Side;
import io.slicer.engine.marketdata.lobster.BarSeries;
import io.slicer.engine.marketdata.lobster.LobsterDay;
import io.slicer.engine.sim.Episode;
import io.slicer.engine.sim.Scenario;

import java.util.Locale;

/**
 * A parent order replayed over a real LOBSTER day. Episode {@code i} starts at bar
 * {@code (i * startStride) mod windows}, {@code windows = bars - N + 1}, so one day yields {@link #episodeCount()}
 * distinct parent orders with different start times; the seed is not used (the path is the day itself, the same for
 * every strategy).
 *
 * <p>Per period (bar {@code b}), for a buy of {@code n} shares (signs flip for a sell):
 * <pre>
 *   unaffected mid U = real mid at the bar's start
 *   mid            M = U + gamma * (our shares executed before this period)
 *   our price      P = M + realSpread_b / 2 + eta * n / tau
 *   market volume    = the bar's real traded volume;  market price (for VWAP) = the bar's real VWAP (mid if none)
 * </pre>
 * Our trades do not change the real volume or the other traders' prices: a small order's footprint is laid over the
 * real path, not fed back into it. Impact coefficients and volatility come from {@link ImpactCalibration} on the same
 * day (in-sample); the expected volume profile is described in {@link ExpectedVolumeProfile}.
 *
 * <p>Scenario-level numbers that vary by episode: {@link #arrivalPrice()} is episode 0's; {@link #halfSpread()} is
 * the day's mean; {@link #expectedVolumeProfile()} is the mean over all start times. Each episode's own values reach
 * strategies through its {@link io.slicer.engine.decision.DecisionContext}. Immutable and thread-safe.
 */
public final class HistoricalScenario implements Scenario {
    private final BarSeries bars;
    private final HistoricalParams params;
    private final ImpactCalibration calibration;
    private final long quantity;
    private final int windows;
    private final double[] expectedVolume;
    private final double[] marketPrice;
    private final String profileSource;

    private HistoricalScenario(final BarSeries bars, final BarSeries profileBars, final HistoricalParams params) {
        final LobsterDay day = bars.day();
        if (bars.periodSeconds() != params.periodSeconds()) {
            throw new IllegalArgumentException(day.label() + ": bars are " + bars.periodSeconds()
                    + " s but the scenario asks for " + params.periodSeconds() + " s periods");
        }
        if (bars.size() < params.periods()) {
            throw new IllegalArgumentException(day.label() + ": " + bars.size() + " bars of " + bars.periodSeconds()
                    + " s cannot hold an order of " + params.periods() + " periods");
        }
        if (profileBars.size() != bars.size() || profileBars.startNanos(0) != bars.startNanos(0)
                || profileBars.periodSeconds() != bars.periodSeconds()) {
            throw new IllegalArgumentException(profileBars.day().label() + ": volume profile day's bars ("
                    + profileBars.size() + " from " + profileBars.day().startMillis() + " ms) do not match "
                    + day.label() + "'s (" + bars.size() + " from " + day.startMillis() + " ms)");
        }
        this.bars = bars;
        this.params = params;
        this.calibration = ImpactCalibration.of(bars, params.referenceParticipation());
        this.windows = bars.size() - params.periods() + 1;
        this.expectedVolume = ExpectedVolumeProfile.of(profileBars, bars.totalVolume());
        this.marketPrice = new double[bars.size()];
        for (int k = 0; k < bars.size(); k++) {
            marketPrice[k] = bars.volume(k) > 0 ? bars.vwap(k) : bars.midAtStart(k);
        }
        this.quantity = params.quantity() > 0 ? params.quantity() : automaticQuantity(bars, params);
        this.profileSource = profileBars == bars ? "same-day" : profileBars.day().symbol();
    }

    private static long automaticQuantity(final BarSeries bars, final HistoricalParams params) {
        final double horizonVolume = (double) bars.totalVolume() / bars.size() * params.periods();
        final long lots = Math.round(params.targetParticipation() * horizonVolume / 100.0);
        return Math.max(1, lots) * 100;
    }

    /** Reads and validates {@code day}; the volume profile's shape is the day's own (see the lookahead caveat). */
    public static HistoricalScenario fromDay(final LobsterDay day, final HistoricalParams params) {
        final BarSeries bars = BarSeries.of(day, params.periodSeconds());
        return new HistoricalScenario(bars, bars, params);
    }

    /** As {@link #fromDay(LobsterDay, HistoricalParams)}, with the volume profile's shape from {@code profileDay}. */
    public static HistoricalScenario fromDay(final LobsterDay day, final LobsterDay profileDay,
                                             final HistoricalParams params) {
        return new HistoricalScenario(BarSeries.of(day, params.periodSeconds()),
                BarSeries.of(profileDay, params.periodSeconds()), params);
    }

    /** From bars already read ({@code profileBars} may be {@code bars} itself). */
    public static HistoricalScenario fromBars(final BarSeries bars, final BarSeries profileBars,
                                              final HistoricalParams params) {
        return new HistoricalScenario(bars, profileBars, params);
    }

    /** Distinct parent orders (start times) this day yields. */
    public int episodeCount() {
        return windows;
    }

    /** The bar at which episode {@code episodeIndex} starts. */
    public int startBar(final long episodeIndex) {
        return (int) Math.floorMod(episodeIndex * params.startStride(), (long) windows);
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
    public String name() {
        return "lobster:" + bars.day().symbol() + ":" + params.periodSeconds() + ":" + params.periods();
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "%s LOBSTER replay (NASDAQ volume): %s %,d sh over %d x %d s bars, "
                        + "%d start times; eta %.3g, gamma %.3g (%s), sigma %.4f $/bar, volume profile %s",
                bars.day().label(), params.side(), quantity, params.periods(), params.periodSeconds(), windows,
                calibration.eta(), calibration.gamma(), calibration.gammaSource(), calibration.sigmaPerPeriod(),
                profileSource);
    }

    @Override
    public Side side() {
        return params.side();
    }

    @Override
    public long quantity() {
        return quantity;
    }

    @Override
    public int periods() {
        return params.periods();
    }

    @Override
    public double arrivalPrice() {
        return bars.midAtStart(startBar(0));
    }

    @Override
    public double sigmaPerPeriod() {
        return calibration.sigmaPerPeriod();
    }

    /** Seconds: eta is quoted per (shares per second). */
    @Override
    public double periodLength() {
        return params.periodSeconds();
    }

    @Override
    public double permanentImpact() {
        return calibration.gamma();
    }

    @Override
    public double temporaryImpact() {
        return calibration.eta();
    }

    @Override
    public double halfSpread() {
        return calibration.halfSpread();
    }

    @Override
    public double[] expectedVolumeProfile() {
        final int n = params.periods();
        final double[] profile = new double[n];
        for (int w = 0; w < windows; w++) {
            for (int k = 0; k < n; k++) {
                profile[k] += expectedVolume[w + k];
            }
        }
        for (int k = 0; k < n; k++) {
            profile[k] /= windows;
        }
        return profile;
    }

    @Override
    public double participationCap() {
        return params.participationCap();
    }

    @Override
    public Episode newEpisode() {
        return new HistoricalEpisode(this);
    }
}
