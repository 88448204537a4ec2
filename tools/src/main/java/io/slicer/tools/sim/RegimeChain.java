package io.slicer.tools.sim;

import java.util.Arrays;

/**
 * A hidden Markov chain of liquidity regimes. In regime r a slice's expected market volume is multiplied by
 * {@link #volumeMultiplier(int)} and the temporary impact coefficient eta by {@link #etaMultiplier(int)}.
 *
 * <p>Timing, which a dynamic-programming solver must follow exactly: the regime of slice 0 is drawn from
 * {@link #initial()}; the regime of slice k (k &gt; 0) is drawn from row {@code transition[r(k-1)]} at the start of
 * slice k, after the decision for slice k has been made. A policy therefore never sees the regime it trades in; it
 * sees the previous slice's realised volume (feature {@code volume_ratio}), which identifies the previous regime up
 * to the lognormal volume noise, and the chain's persistence does the rest.
 *
 * <p>Immutable; accessors return copies.
 */
public final class RegimeChain {
    private static final RegimeChain NONE = new RegimeChain(
            new String[] {"normal"}, new double[][] {{1.0}}, new double[] {1.0}, new double[] {1.0}, new double[] {1.0});

    private final String[] names;
    private final double[][] transition;
    private final double[] volumeMultiplier;
    private final double[] etaMultiplier;
    private final double[] initial;
    /** Row-wise cumulative transition probabilities, for sampling with one uniform. */
    private final double[][] cumulative;
    private final double[] initialCumulative;

    public RegimeChain(final String[] names, final double[][] transition, final double[] volumeMultiplier,
                       final double[] etaMultiplier, final double[] initial) {
        final int n = names.length;
        if (n == 0 || transition.length != n || volumeMultiplier.length != n || etaMultiplier.length != n
                || initial.length != n) {
            throw new IllegalArgumentException("regime chain: expected " + n + " regimes in every array, found "
                    + "transition " + transition.length + ", volume " + volumeMultiplier.length + ", eta "
                    + etaMultiplier.length + ", initial " + initial.length);
        }
        this.names = names.clone();
        this.transition = new double[n][];
        this.cumulative = new double[n][];
        for (int i = 0; i < n; i++) {
            if (transition[i].length != n) {
                throw new IllegalArgumentException("regime chain: transition row " + i + " has " + transition[i].length
                        + " entries, expected " + n);
            }
            this.transition[i] = transition[i].clone();
            this.cumulative[i] = cumulate(transition[i], "transition row " + i);
            if (!(volumeMultiplier[i] > 0) || !(etaMultiplier[i] > 0)) {
                throw new IllegalArgumentException("regime chain: multipliers of regime " + i
                        + " must be positive, found volume " + volumeMultiplier[i] + ", eta " + etaMultiplier[i]);
            }
        }
        this.volumeMultiplier = volumeMultiplier.clone();
        this.etaMultiplier = etaMultiplier.clone();
        this.initial = initial.clone();
        this.initialCumulative = cumulate(initial, "initial distribution");
    }

    /** The trivial chain: one regime, both multipliers 1. */
    public static RegimeChain none() {
        return NONE;
    }

    /** Two regimes that each persist with probability {@code stay}, starting from the stationary (50/50) law. */
    public static RegimeChain symmetric(final String[] names, final double stay, final double[] volumeMultiplier,
                                        final double[] etaMultiplier) {
        return new RegimeChain(names, new double[][] {{stay, 1 - stay}, {1 - stay, stay}}, volumeMultiplier,
                etaMultiplier, new double[] {0.5, 0.5});
    }

    private static double[] cumulate(final double[] p, final String what) {
        final double[] c = new double[p.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0)) {
                throw new IllegalArgumentException("regime chain: " + what + " has probability " + p[i] + " at " + i);
            }
            sum += p[i];
            c[i] = sum;
        }
        if (Math.abs(sum - 1.0) > 1e-12) {
            throw new IllegalArgumentException("regime chain: " + what + " sums to " + sum + ", expected 1");
        }
        c[p.length - 1] = 1.0;
        return c;
    }

    public int size() {
        return names.length;
    }

    public boolean isTrivial() {
        return names.length == 1;
    }

    public String name(final int regime) {
        return names[regime];
    }

    /** P(regime of slice k+1 = j | regime of slice k = i), a copy. */
    public double[][] transition() {
        final double[][] copy = new double[transition.length][];
        for (int i = 0; i < transition.length; i++) {
            copy[i] = transition[i].clone();
        }
        return copy;
    }

    public double transition(final int from, final int to) {
        return transition[from][to];
    }

    /** Law of the regime of slice 0, a copy. */
    public double[] initial() {
        return initial.clone();
    }

    public double volumeMultiplier(final int regime) {
        return volumeMultiplier[regime];
    }

    public double etaMultiplier(final int regime) {
        return etaMultiplier[regime];
    }

    /** The regime of slice 0 for uniform {@code u} in [0, 1). */
    int sampleInitial(final double u) {
        return sample(initialCumulative, u);
    }

    /** The next regime from {@code from} for uniform {@code u} in [0, 1). */
    int sampleNext(final int from, final double u) {
        return sample(cumulative[from], u);
    }

    private static int sample(final double[] cumulative, final double u) {
        int i = 0;
        while (i < cumulative.length - 1 && u >= cumulative[i]) {
            i++;
        }
        return i;
    }

    @Override
    public String toString() {
        return "RegimeChain" + Arrays.toString(names) + " transition " + Arrays.deepToString(transition)
                + " volume x" + Arrays.toString(volumeMultiplier) + " eta x" + Arrays.toString(etaMultiplier)
                + " initial " + Arrays.toString(initial);
    }
}
