package io.slicer.bench.kernel;

import io.slicer.engine.testing.DemoModels;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.model.ActionSpace;
import io.slicer.policy.model.Activation;
import io.slicer.policy.model.DenseLayer;
import io.slicer.policy.model.FeatureSpec;
import io.slicer.policy.model.ModelCard;
import io.slicer.policy.model.Provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The two networks the kernel benchmarks run, with seeded PyTorch-default-like weights (uniform in +-1/sqrt(in)):
 * the seed notebook's DQN, 4->64->32->5, and an IQL actor, 8->256->256->1.
 */
public final class BenchmarkNets {

    private BenchmarkNets() {
    }

    public static PolicyModel byName(final String name) {
        return switch (name) {
            case "dqn_4x64x32x5" -> build(new int[]{4, 64, 32, 5}, new ActionSpace.Discrete("fraction_of_remaining",
                    new double[]{0.0, 0.05, 0.1, 0.2, 0.4}));
            case "iql_8x256x256x1" -> build(new int[]{8, 256, 256, 1},
                    new ActionSpace.Continuous("participation", 0.0, 0.25));
            default -> throw new IllegalArgumentException("unknown benchmark net " + name);
        };
    }

    private static PolicyModel build(final int[] widths, final ActionSpace space) {
        final SplittableRandom rnd = new SplittableRandom(20260115L);
        final List<DenseLayer> layers = new ArrayList<>();
        for (int k = 0; k + 1 < widths.length; k++) {
            layers.add(DemoModels.layer(rnd, widths[k], widths[k + 1],
                    k + 2 == widths.length ? Activation.IDENTITY : Activation.RELU));
        }
        final List<FeatureSpec> features = new ArrayList<>();
        for (int i = 0; i < widths[0]; i++) {
            features.add(new FeatureSpec("f" + i, 0.1f * i, 1f + 0.25f * i));
        }
        return PolicyModel.of(new ModelCard("bench.v1", features, space, List.of(),
                new Provenance("benchmark", "none", 20260115L, "2026-01-15", "bench", Map.of()), null, List.of()),
                layers);
    }

    /** {@code count} seeded feature vectors, cycled through by the benchmarks so branches see varied inputs. */
    public static float[][] inputs(final int width, final int count) {
        final SplittableRandom rnd = new SplittableRandom(7);
        final float[][] x = new float[count][width];
        for (final float[] row : x) {
            for (int i = 0; i < width; i++) {
                row[i] = (float) (rnd.nextDouble() * 4 - 2);
            }
        }
        return x;
    }
}
