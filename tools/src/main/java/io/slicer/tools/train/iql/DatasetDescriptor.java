package io.slicer.tools.train.iql;

/**
 * On-disk layout of an offline dataset ({@code dataset.bin}), all little-endian:
 * <pre>
 *   offset  size  field
 *   0       8     magic "SLCRDS01" (ASCII)
 *   8       4     int   record width W in doubles (22)
 *   12      4     int   feature count F (8, ExecutionFeatures.COUNT)
 *   16      8     long  record count N
 *   24      8     double reward scale: dollars per reward unit
 *   32      2+L   UTF    scenario name (Java modified UTF-8: 2-byte length, then bytes)
 *   ...     2+L   UTF    feature schema id (ExecutionFeatures.SCHEMA_ID)
 *   ...     2+L   UTF    behaviour policies, comma-separated
 *   then N records of W doubles:
 *     [0..8)   raw features s (ExecutionFeatures.build at the decision)
 *     8        shares remaining before the decision
 *     9        slices left before the decision
 *     10       shares executed this slice, as traded (after caps, clamps and the final sweep)
 *     11       market volume this slice
 *     12       reward: -(IS added this slice) / reward scale  (no risk or constraint penalty: added at training)
 *     13       1 if the episode ended with this slice, else 0
 *     [14..22) raw features s' after the slice
 * </pre>
 * Actions are not stored in any unit: a learner derives its own from what was traded, e.g. the realised TWAP multiple
 * {@code executed / (remaining / slices left)} or the realised participation {@code executed / market volume}, which
 * is exactly the action that would have reproduced the slice.
 */
public final class DatasetDescriptor {
    public static final String FILE = "dataset.bin";
    public static final byte[] MAGIC = {'S', 'L', 'C', 'R', 'D', 'S', '0', '1'};
    public static final int OFFSET_WIDTH = 8;
    public static final int OFFSET_FEATURES = 12;
    public static final int OFFSET_COUNT = 16;
    public static final int OFFSET_REWARD_SCALE = 24;
    public static final int OFFSET_STRINGS = 32;

    private DatasetDescriptor() {
    }
}
