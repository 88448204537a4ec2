package io.slicer.tools.sim.historical;

import io.slicer.tools.marketdata.BarSeries;

/**
 * Linear Almgren-Chriss coefficients read off one LOBSTER day, in the scenario's units: prices in dollars, sizes in
 * shares, time in seconds ({@code tau} = bar length).
 *
 * <ul>
 *   <li>{@code sigmaPerSlice}: sample standard deviation of the bars' mid changes (end mid - start mid).</li>
 *   <li>{@code halfSpread}: mean of half the quoted spread at bar starts.</li>
 *   <li>{@code eta} (temporary): Almgren, Thum, Hauptmann and Li (2005), "Direct estimation of equity market impact",
 *       fit temporary impact per share as {@code 0.142 * sigmaDay * rho^(3/5)} with rho the participation rate.
 *       The simulator's impact is linear, so it is the chord through that curve at {@code referenceParticipation}:
 *       {@code eta * n / tau = h(rhoRef) * (n / meanBarVolume) / rhoRef}. Cheaper than the power law above rhoRef,
 *       dearer below it.</li>
 *   <li>{@code gamma} (permanent): Kyle's lambda, the OLS slope of each bar's mid change on its aggressor-signed
 *       volume (buyer- minus seller-initiated shares). When the day gives no positive slope, the linear form of
 *       Almgren et al.'s permanent term {@code 0.314 * sigmaDay * n / dailyVolume} (their turnover factor
 *       {@code (shares outstanding / daily volume)^(1/4)} omitted: LOBSTER does not carry shares outstanding).</li>
 * </ul>
 * Volumes are NASDAQ-only, so every coefficient is per NASDAQ share: consistent with the replay, whose market volume
 * is NASDAQ volume too. All of it is in-sample: the day is calibrated on itself.
 *
 * <p>Caveat on gamma: a Kyle regression on one venue's flow also credits that venue's flow with the price moves of
 * the consolidated flow it is correlated with, so it leans high for a single trader. On AMZN 2012-06-21 (5-minute
 * bars) a 6,200-share order (5% of horizon volume) ends $0.34 displaced, 1.25 times the $0.27 peak impact of the
 * square-root law {@code sigmaDay * sqrt(Q / dailyVolume)} with NASDAQ volume; consolidated volume, larger, would
 * give less. Conservative, not optimistic.
 * Permanent impact that is linear costs nearly the same for any schedule, so it shifts every strategy's shortfall
 * alike and barely moves their ranking.
 */
public record ImpactCalibration(double sigmaPerSlice, double halfSpread, double meanBarVolume, long dailyVolume,
                                double kyleLambda, double kyleLambdaR2, double eta, double gamma, String gammaSource,
                                double referenceParticipation, double sliceSeconds) {
    /** Almgren et al. (2005) temporary impact coefficient. */
    public static final double ALMGREN_ETA = 0.142;
    /** Almgren et al. (2005) temporary impact exponent. */
    public static final double ALMGREN_BETA = 0.6;
    /** Almgren et al. (2005) permanent impact coefficient. */
    public static final double ALMGREN_GAMMA = 0.314;

    /** One day's bars: the day is the series. */
    public static ImpactCalibration of(final BarSeries bars, final double referenceParticipation) {
        return of(bars, referenceParticipation, 1);
    }

    /**
     * Bars of {@code sessions} trading sessions of equal length back to back: sigma per bar and the mean bar volume
     * come from all bars; a "day" (for sigmaDay and the daily volume) is one session, {@code size / sessions} bars.
     */
    public static ImpactCalibration of(final BarSeries bars, final double referenceParticipation, final int sessions) {
        final int n = bars.size();
        if (sessions < 1 || n % sessions != 0) {
            throw new IllegalArgumentException(bars.label() + ": " + n + " bars are not " + sessions
                    + " sessions of equal length");
        }
        if (n < 3) {
            throw new IllegalArgumentException(bars.label() + ": " + n + " bars of " + bars.sliceSeconds()
                    + " s are too few to calibrate impact (need 3)");
        }
        double meanDm = 0;
        double meanSv = 0;
        for (int k = 0; k < n; k++) {
            meanDm += bars.midAtEnd(k) - bars.midAtStart(k);
            meanSv += bars.signedVolume(k);
        }
        meanDm /= n;
        meanSv /= n;
        double varDm = 0;
        double varSv = 0;
        double cov = 0;
        double halfSpread = 0;
        for (int k = 0; k < n; k++) {
            final double dm = bars.midAtEnd(k) - bars.midAtStart(k) - meanDm;
            final double sv = bars.signedVolume(k) - meanSv;
            varDm += dm * dm;
            varSv += sv * sv;
            cov += dm * sv;
            halfSpread += bars.spreadAtStart(k) / 2;
        }
        final double sigma = Math.sqrt(varDm / (n - 1));
        final double lambda = varSv > 0 ? cov / varSv : 0.0;
        final double r2 = varSv > 0 && varDm > 0 ? cov * cov / (varSv * varDm) : 0.0;
        final long total = bars.totalVolume();
        if (total == 0) {
            throw new IllegalArgumentException(bars.label() + ": no trades in the bars, cannot calibrate impact");
        }
        final long daily = Math.round((double) total / sessions);
        final double meanBar = (double) total / n;
        final double sigmaDay = sigma * Math.sqrt((double) n / sessions);
        final double tau = bars.sliceSeconds();
        final double hRef = ALMGREN_ETA * sigmaDay * Math.pow(referenceParticipation, ALMGREN_BETA);
        final double eta = hRef * tau / (referenceParticipation * meanBar);
        final boolean kyle = lambda > 0;
        final double gamma = kyle ? lambda : ALMGREN_GAMMA * sigmaDay / daily;
        return new ImpactCalibration(sigma, halfSpread / n, meanBar, daily, lambda, r2, eta, gamma,
                kyle ? "kyle-lambda" : "almgren-2005-linear", referenceParticipation, tau);
    }

    /** Temporary impact per share, dollars, when trading {@code participation} of an average bar's volume. */
    public double temporaryImpactAt(final double participation) {
        return eta * participation * meanBarVolume / sliceSeconds;
    }
}
