package io.slicer.tools.sim;

/**
 * The simulator's random number generator: a SplitMix64 stream (bit-identical to the {@link java.util.SplittableRandom}
 * that {@link EpisodeRandom#of} returns for the same episode) plus a ziggurat standard normal.
 *
 * <p>Why not {@code SplittableRandom} itself: an episode must re-seed for every {@code reset} without allocating, and
 * {@code SplittableRandom} has no re-seed method. Why a ziggurat: a simulated slice needs two or three normals and
 * the polar method's logarithm and square root would dominate the slice's cost; the ziggurat returns 98.8% of its
 * draws with one table lookup and one multiply.
 *
 * <p>Ziggurat: Marsaglia and Tsang (2000), "The Ziggurat Method for Generating Random Variables", J. Stat. Softw.
 * 5(8), 128 layers. Unlike the paper's SHR3 version, the layer index comes from the low 7 bits and the signed 32-bit
 * value from the high 32 bits of one 64-bit draw, so the two are independent.
 *
 * <p>Tables are built with {@link StrictMath} and draws use only multiplications, comparisons and (in the rare tail
 * and wedge cases) {@link StrictMath} exp/log, so a seed gives the same bits on every JVM. Simulators built on it
 * keep that property by using {@link StrictMath} for their own transcendental functions (a lognormal's exp costs
 * about 3 ns more than {@code Math.exp}'s intrinsic).
 *
 * <p>Mutable, one thread. Allocation-free after construction.
 */
public final class SimRandom {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private static final int LAYERS = 128;
    private static final double R = 3.442619855899;
    private static final double INV_R = 1.0 / R;
    private static final double M1 = 2147483648.0;
    private static final int[] KN = new int[LAYERS];
    private static final double[] WN = new double[LAYERS];
    private static final double[] FN = new double[LAYERS];

    static {
        // Marsaglia and Tsang's zigset for the normal: v is the area of each layer.
        final double v = 9.91256303526217e-3;
        double dn = R;
        double tn = dn;
        final double q = v / StrictMath.exp(-0.5 * dn * dn);
        KN[0] = (int) (dn / q * M1);
        KN[1] = 0;
        WN[0] = q / M1;
        WN[LAYERS - 1] = dn / M1;
        FN[0] = 1.0;
        FN[LAYERS - 1] = StrictMath.exp(-0.5 * dn * dn);
        for (int i = LAYERS - 2; i >= 1; i--) {
            dn = StrictMath.sqrt(-2.0 * StrictMath.log(v / dn + StrictMath.exp(-0.5 * dn * dn)));
            KN[i + 1] = (int) (dn / tn * M1);
            tn = dn;
            FN[i] = StrictMath.exp(-0.5 * dn * dn);
            WN[i] = dn / M1;
        }
    }

    private long state;

    public SimRandom() {
        this(0L);
    }

    public SimRandom(final long seed) {
        this.state = seed;
    }

    /** Restarts the stream at {@code seed}; the same seed gives the same stream. */
    public void reseed(final long seed) {
        this.state = seed;
    }

    /** Restarts the stream for episode {@code episodeIndex} of {@code seed} (see {@link EpisodeRandom#seedFor}). */
    public void reseed(final long seed, final long episodeIndex) {
        this.state = EpisodeRandom.seedFor(seed, episodeIndex);
    }

    public long nextLong() {
        return EpisodeRandom.mix(state += GOLDEN_GAMMA);
    }

    /** Uniform in [0, 1), 53 bits, as {@link java.util.SplittableRandom#nextDouble()}. */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Standard normal N(0, 1). */
    public double nextGaussian() {
        final long bits = nextLong();
        int iz = (int) (bits & (LAYERS - 1));
        int hz = (int) (bits >>> 32);
        if (Math.abs(hz) < KN[iz]) {
            return hz * WN[iz];
        }
        return tail(hz, iz);
    }

    /** The slow path: the base layer's tail beyond R, and the wedges outside each rectangle. */
    private double tail(int hz, int iz) {
        while (true) {
            double x = hz * WN[iz];
            if (iz == 0) {
                double y;
                do {
                    // 1 - u is in (0, 1]: the logarithm stays finite.
                    x = -StrictMath.log(1.0 - nextDouble()) * INV_R;
                    y = -StrictMath.log(1.0 - nextDouble());
                } while (y + y < x * x);
                return hz > 0 ? R + x : -R - x;
            }
            if (FN[iz] + nextDouble() * (FN[iz - 1] - FN[iz]) < StrictMath.exp(-0.5 * x * x)) {
                return x;
            }
            final long bits = nextLong();
            iz = (int) (bits & (LAYERS - 1));
            hz = (int) (bits >>> 32);
            if (Math.abs(hz) < KN[iz]) {
                return hz * WN[iz];
            }
        }
    }
}
