package io.slicer.engine.strategy;

import io.slicer.engine.order.MarketImpact;
import io.slicer.engine.order.OrderTerms;

/**
 * The Almgren-Chriss closed form (Almgren and Chriss 2000, "Optimal execution of portfolio transactions", J. Risk
 * 3(2), section 2-3) for the linear-impact market: the mean-variance optimal trajectory for risk aversion lambda, its
 * expected cost E and variance V, and E and V of any other schedule in the same market. Immutable.
 *
 * <p>With tau = T / N and eta~ = eta - gamma tau / 2 (eq. 2.7's correction for discrete trading):
 * <pre>
 *   kappa~^2 = lambda sigma^2 / eta~,   (2 / tau^2)(cosh(kappa tau) - 1) = kappa~^2
 *   x_j = X sinh(kappa (T - t_j)) / sinh(kappa T),   t_j = j tau      (holdings after j trades)
 *   n_j = x_{j-1} - x_j                                              (trade of slice j, 1-based)
 *   E   = gamma X^2 / 2 + epsilon X + (eta~ / tau) sum n_j^2 + s alpha tau sum_{j=1..N-1} x_j
 *   V   = sigma^2 tau sum_{j=1..N} x_j^2
 * </pre>
 * kappa is computed as (2 / tau) asinh(tau kappa~ / 2), the same root without the cancellation of acosh near 1,
 * so lambda -&gt; 0 converges smoothly to the straight line (TWAP). 1 / kappa is the trajectory's half-life in the
 * time unit of T. The drift term (alpha, zero in every preset) prices a given schedule; the trajectory ignores it.
 *
 * <p>Transcendental functions come from {@link StrictMath}, so the whole-share rounding of a trajectory is the same
 * on every JVM.
 *
 * <p>Units as in the simulator's market parameters: sigma per sqrt(time unit), eta per share per time unit.
 */
public final class AlmgrenChriss {
    private final long quantity;
    private final int slices;
    private final double horizon;
    private final double tau;
    private final double sigma;
    private final double drift;
    private final int sign;
    private final double gamma;
    private final double eta;
    private final double epsilon;
    private final double lambda;
    private final double etaTilde;
    private final double kappa;

    /**
     * @param sign +1 buy, -1 sell: only the drift term depends on it
     */
    private AlmgrenChriss(final long quantity, final int slices, final double horizon, final double sigma,
                          final double drift, final int sign, final double gamma, final double eta,
                          final double epsilon, final double lambda) {
        if (quantity <= 0 || slices <= 0 || !(horizon > 0)) {
            throw new IllegalArgumentException("Almgren-Chriss: quantity, slices and horizon must be positive, found "
                    + quantity + ", " + slices + ", " + horizon);
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("Almgren-Chriss: risk aversion lambda must be finite and >= 0, found "
                    + lambda);
        }
        this.quantity = quantity;
        this.slices = slices;
        this.horizon = horizon;
        this.tau = horizon / slices;
        this.sigma = sigma;
        this.drift = drift;
        this.sign = sign;
        this.gamma = gamma;
        this.eta = eta;
        this.epsilon = epsilon;
        this.lambda = lambda;
        this.etaTilde = eta - gamma * tau / 2;
        if (!(etaTilde > 0)) {
            throw new IllegalArgumentException("Almgren-Chriss: eta~ = eta - gamma tau / 2 must be positive, found "
                    + etaTilde + " (eta " + eta + ", gamma " + gamma + ", tau " + tau + ")");
        }
        final double kappaTilde = Math.sqrt(lambda * sigma * sigma / etaTilde);
        this.kappa = 2.0 / tau * asinh(tau * kappaTilde / 2.0);
    }

    /**
     * The closed form for an order's terms: their impact model, with eta times the liquidity multiplier the terms
     * expect over the first slice (in a regime-switching market the best a static schedule can assume), and their
     * drift. {@code riskAversion} is per unit of the instrument's currency, as every report states it; the model works
     * in price points times units, where one unit of cost is worth the contract multiplier m, so its lambda is
     * {@code riskAversion * m} (E$ + lambda$ V$ = m (E + lambda$ m V)). For a share, m = 1 and the two are the same.
     */
    public static AlmgrenChriss of(final OrderTerms terms, final double riskAversion) {
        final MarketImpact impact = terms.impact();
        final double tau = impact.sliceLength();
        final double eta = impact.temporary() * impact.liquidityMultiplier();
        return new AlmgrenChriss(terms.quantity(), terms.slices(), tau * terms.slices(),
                terms.sigmaPerSlice() / Math.sqrt(tau), impact.drift(), terms.side().sign(),
                impact.permanent(), eta, impact.halfSpread(), riskAversion * terms.instrument().multiplier());
    }

    /** The same market and lambda for another order size or number of slices (same slice length). */
    public AlmgrenChriss withOrder(final long newQuantity, final int newSlices) {
        return new AlmgrenChriss(newQuantity, newSlices, tau * newSlices, sigma, drift, sign, gamma, eta, epsilon,
                lambda);
    }

    private static double asinh(final double z) {
        return StrictMath.log1p(z + z * z / (1.0 + Math.sqrt(1.0 + z * z)));
    }

    public double kappa() {
        return kappa;
    }

    /** 1 / kappa in the horizon's time unit; infinite for lambda = 0 (the straight line). */
    public double halfLife() {
        return 1.0 / kappa;
    }

    public double etaTilde() {
        return etaTilde;
    }

    /** Risk aversion per unit of cost in price points times units (see {@link #of}). */
    public double lambda() {
        return lambda;
    }

    public double sliceLength() {
        return tau;
    }

    public long quantity() {
        return quantity;
    }

    public int slices() {
        return slices;
    }

    /** Optimal holdings x_j after j trades, j = 0..N (x_0 = X, x_N = 0). */
    public double holding(final int j) {
        if (j <= 0) {
            return quantity;
        }
        if (j >= slices) {
            return 0.0;
        }
        if (kappa == 0.0) {
            return quantity * (1.0 - (double) j / slices);
        }
        return quantity * StrictMath.sinh(kappa * (horizon - j * tau)) / StrictMath.sinh(kappa * horizon);
    }

    /** Optimal holdings x_0..x_N. */
    public double[] holdings() {
        final double[] x = new double[slices + 1];
        for (int j = 0; j <= slices; j++) {
            x[j] = holding(j);
        }
        return x;
    }

    /** Optimal (real-valued) trades n_1..n_N, as an array indexed by slice 0..N-1. */
    public double[] trades() {
        final double[] n = new double[slices];
        for (int k = 0; k < slices; k++) {
            n[k] = holding(k) - holding(k + 1);
        }
        return n;
    }

    /**
     * Whole-share trades summing exactly to X, written into {@code out[0..N)}. lambda = 0 gives exact TWAP
     * ({@link Twap#schedule}); otherwise holdings are rounded half up, which keeps them non-increasing.
     * Allocation-free.
     */
    public void integerTrades(final long[] out) {
        if (kappa == 0.0) {
            Twap.schedule(quantity, slices, out);
            return;
        }
        long before = quantity;
        for (int k = 0; k < slices; k++) {
            final long after = k + 1 >= slices ? 0L : Math.round(holding(k + 1));
            out[k] = before - after;
            before = after;
        }
    }

    public long[] integerTrades() {
        final long[] out = new long[slices];
        integerTrades(out);
        return out;
    }

    /** E of the optimal trajectory. */
    public double expectedCost() {
        return expectedCost(trades());
    }

    /** V of the optimal trajectory. */
    public double variance() {
        return variance(trades());
    }

    /** E + lambda V of the optimal trajectory: what it minimises. */
    public double objective() {
        return expectedCost() + lambda * variance();
    }

    /** E of any schedule of non-negative trades (indexed by slice) summing to X, in this market. */
    public double expectedCost(final double[] trades) {
        double sumSquares = 0;
        double holdingSum = 0;
        double holding = quantity;
        for (int k = 0; k < trades.length; k++) {
            sumSquares += trades[k] * trades[k];
            holding -= trades[k];
            if (k < trades.length - 1) {
                holdingSum += holding;
            }
        }
        return 0.5 * gamma * quantity * (double) quantity + epsilon * quantity + etaTilde / tau * sumSquares
                + sign * drift * tau * holdingSum;
    }

    public double expectedCost(final long[] trades) {
        return expectedCost(toDouble(trades));
    }

    /** V of any schedule (indexed by slice) summing to X, in this market. */
    public double variance(final double[] trades) {
        double sum = 0;
        double holding = quantity;
        for (final double n : trades) {
            holding -= n;
            sum += holding * holding;
        }
        return sigma * sigma * tau * sum;
    }

    public double variance(final long[] trades) {
        return variance(toDouble(trades));
    }

    private static double[] toDouble(final long[] trades) {
        final double[] d = new double[trades.length];
        for (int i = 0; i < trades.length; i++) {
            d[i] = trades[i];
        }
        return d;
    }
}
