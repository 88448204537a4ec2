package io.slicer.tools.sim;

import io.slicer.engine.market.Side;

import java.util.Arrays;
import java.util.Objects;

/**
 * The one parameter set of the linear-impact market (Almgren and Chriss 2000, "Optimal execution of portfolio
 * transactions", J. Risk 3(2)), with an intraday volume profile and an optional liquidity regime chain.
 *
 * <p>Dynamics of slice k (0-based), for a parent order of sign s (+1 buy, -1 sell), with tau = horizon / slices:
 * <pre>
 *   regime r_k      ~ regimes (see {@link RegimeChain}; the trivial chain has one regime with multipliers 1)
 *   market volume   V_k = expectedVolume[k] * volumeMultiplier(r_k) * exp(volumeNoise * Z1 - volumeNoise^2 / 2)
 *   our shares      n_k = what the strategy asked, limited by its participation cap on V_k and by what remains;
 *                   the last slice sweeps everything left
 *   execution price P_k = S_k + s * (epsilon + eta * etaMultiplier(r_k) * n_k / tau)
 *   next mid        S_{k+1} = S_k + drift * tau + sigma * sqrt(tau) * Z2 + s * gamma * n_k
 * </pre>
 * Z1, Z2 are independent standard normals drawn in that order every slice (after the regime's uniform when the
 * chain is not trivial), whatever the strategy does, so every strategy sees the same market path.
 *
 * <p>Units: prices in currency per share; {@code horizon} in the time unit the coefficients are quoted in (days for
 * the presets); {@code sigma} in currency per share per sqrt(time unit); {@code drift} (AC's alpha) in currency per
 * share per time unit; {@code gamma} in currency per share per share; {@code eta} in currency per share per (share
 * per time unit); {@code epsilon} (half-spread plus fees) in currency per share; volumes in shares.
 *
 * @param expectedVolume   unconditional expected market volume of each slice (excluding our own), length slices
 * @param volumeNoise      standard deviation of the log of the mean-one lognormal volume noise
 * @param participationCap the desk's participation limit for this scenario (counted as breaches), NaN for none
 */
public record MarketParams(String name, String description, Side side, long quantity, int slices,
                           double arrivalPrice, double horizon, double sigma, double drift, double gamma,
                           double eta, double epsilon, double[] expectedVolume, double volumeNoise,
                           double participationCap, RegimeChain regimes) {

    public MarketParams {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(regimes, "regimes");
        if (quantity <= 0) {
            throw new IllegalArgumentException(name + ": quantity must be positive, found " + quantity);
        }
        if (slices <= 0) {
            throw new IllegalArgumentException(name + ": slices must be positive, found " + slices);
        }
        requireFinite(name, "arrivalPrice", arrivalPrice, true);
        requireFinite(name, "horizon", horizon, true);
        requireFinite(name, "sigma", sigma, false);
        requireFinite(name, "gamma", gamma, false);
        requireFinite(name, "eta", eta, false);
        requireFinite(name, "epsilon", epsilon, false);
        requireFinite(name, "volumeNoise", volumeNoise, false);
        if (!Double.isFinite(drift)) {
            throw new IllegalArgumentException(name + ": drift must be finite, found " + drift);
        }
        if (expectedVolume.length != slices) {
            throw new IllegalArgumentException(name + ": expectedVolume has " + expectedVolume.length
                    + " slices, expected " + slices);
        }
        for (int k = 0; k < slices; k++) {
            if (!(expectedVolume[k] > 0) || Double.isInfinite(expectedVolume[k])) {
                throw new IllegalArgumentException(name + ": expectedVolume[" + k + "] must be positive and finite, found "
                        + expectedVolume[k]);
            }
        }
        expectedVolume = expectedVolume.clone();
    }

    private static void requireFinite(final String name, final String field, final double v, final boolean positive) {
        if (!Double.isFinite(v) || v < 0 || (positive && v == 0)) {
            throw new IllegalArgumentException(name + ": " + field + " must be " + (positive ? "positive" : "non-negative")
                    + " and finite, found " + v);
        }
    }

    /** A copy: the record stays immutable. */
    @Override
    public double[] expectedVolume() {
        return expectedVolume.clone();
    }

    /** tau = horizon / slices. */
    public double sliceLength() {
        return horizon / slices;
    }

    /** sigma * sqrt(tau): the standard deviation of one slice's price step. */
    public double sigmaPerSlice() {
        return sigma * Math.sqrt(sliceLength());
    }

    /** Sum of the expected volume profile. */
    public double expectedTotalVolume() {
        double sum = 0;
        for (final double v : expectedVolume) {
            sum += v;
        }
        return sum;
    }

    /** The same market without randomness in price or volume (regimes still switch): for hand-checked tests. */
    public MarketParams withoutNoise() {
        return new MarketParams(name, description, side, quantity, slices, arrivalPrice, horizon, 0.0, drift, gamma,
                eta, epsilon, expectedVolume, 0.0, participationCap, regimes);
    }

    public MarketParams withSide(final Side newSide) {
        return new MarketParams(name, description, newSide, quantity, slices, arrivalPrice, horizon, sigma, drift,
                gamma, eta, epsilon, expectedVolume, volumeNoise, participationCap, regimes);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof MarketParams p && name.equals(p.name) && description.equals(p.description)
                && side == p.side && quantity == p.quantity && slices == p.slices
                && Double.compare(arrivalPrice, p.arrivalPrice) == 0 && Double.compare(horizon, p.horizon) == 0
                && Double.compare(sigma, p.sigma) == 0 && Double.compare(drift, p.drift) == 0
                && Double.compare(gamma, p.gamma) == 0 && Double.compare(eta, p.eta) == 0
                && Double.compare(epsilon, p.epsilon) == 0 && Arrays.equals(expectedVolume, p.expectedVolume)
                && Double.compare(volumeNoise, p.volumeNoise) == 0
                && Double.compare(participationCap, p.participationCap) == 0 && regimes == p.regimes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, side, quantity, slices, arrivalPrice, horizon, sigma, gamma, eta, epsilon,
                Arrays.hashCode(expectedVolume));
    }

    @Override
    public String toString() {
        return "MarketParams[" + name + ", " + side + " " + quantity + " over " + slices + " slices of "
                + sliceLength() + ", P0 " + arrivalPrice + ", sigma " + sigma + ", drift " + drift + ", gamma "
                + gamma + ", eta " + eta + ", epsilon " + epsilon + ", volume noise " + volumeNoise + ", cap "
                + participationCap + ", " + regimes + "]";
    }
}
