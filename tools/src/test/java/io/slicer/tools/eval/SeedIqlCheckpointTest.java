package io.slicer.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.strategy.SliceStrategy;
import io.slicer.policy.PolicyModel;
import io.slicer.tools.sim.Scenarios;
import io.slicer.tools.sim.presets.SeedIqlEpisode;
import io.slicer.tools.sim.presets.SeedIqlScenario;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed's published actor inside Slicer ({@code seed-iql-checkpoint}) sees the observation the seed's environment
 * builds, bit for bit, and acts as a double-precision forward pass over the same weights (read here independently
 * of Slicer's safetensors reader) says: {@code tanh(mean) * 0.2}. Skipped where the shared data is absent.
 */
class SeedIqlCheckpointTest {
    private static final double TOLERANCE = 1e-6;

    @Test
    void checkpointActsAsTheSeedsActorComputedInDoublePrecision() throws IOException {
        final Path weights = weights();
        final Reference reference = new Reference(Files.readAllBytes(weights));
        final PolicyModel model = SeedIqlCheckpoint.model();
        assertEquals(ExecutionFeatures.of(model.card().featureNames()).names(), java.util.List.of(
                "inventory_remaining", "mid", "volatility_estimate", "execution_flow_imbalance", "time_elapsed"));
        final ExecutionFeatures inputs = ExecutionFeatures.of(model.card().featureNames());
        final float[] features = new float[inputs.width()];
        final SliceStrategy strategy = SeedIqlCheckpoint.factory().create(Scenarios.byName(SeedIqlScenario.NAME)
                .terms());
        final SeedIqlEpisode episode = (SeedIqlEpisode) Scenarios.byName(SeedIqlScenario.NAME).newEpisode();
        final SliceDecision decision = new SliceDecision();
        int observations = 0;
        int positive = 0;
        int waits = 0;
        for (int e = 0; e < 3; e++) {
            episode.reset(17, e);
            int t = 0;
            while (!episode.done()) {
                // The seed's observation, float32: [x / X, mid, vol_est, ofi, t / T], from the episode's own state.
                final float[] seed = {
                        (float) (episode.context().remaining() / (double) SeedIqlScenario.SHARES),
                        (float) episode.mid(), (float) episode.volatilityEstimate(),
                        (float) episode.orderFlowImbalance(), (float) ((double) t / SeedIqlScenario.SLICES)};
                inputs.compute(episode.context(), features);
                for (int i = 0; i < seed.length; i++) {
                    assertEquals(Float.floatToIntBits(seed[i]), Float.floatToIntBits(features[i]),
                            "episode " + e + " step " + t + " feature " + inputs.names().get(i) + ": " + features[i]
                                    + " vs the seed's " + seed[i]);
                }
                strategy.decide(episode.context(), decision.clear());
                final double expected = reference.action(seed);
                assertEquals(expected, decision.actionValue(), TOLERANCE, "episode " + e + " step " + t);
                if (expected > 0) {
                    positive++;
                    assertEquals(decision.actionValue(), decision.participationCap(), 0.0);
                } else {
                    waits++;
                    assertEquals(0, decision.shares(), "a rate <= 0 trades nothing, as the seed's max(0, p V)");
                }
                observations++;
                episode.step(decision);
                t++;
            }
        }
        assertTrue(observations >= 3, "observations: " + observations);
        assertTrue(positive > 0, "the actor sells on some steps");
        assertEquals(observations, positive + waits);
    }

    @Test
    void weightsOtherThanTheCardPinsAreRefusedWithBothHashes() throws IOException {
        final byte[] bytes = Files.readAllBytes(weights());
        final byte[] card = SeedIqlCheckpointTest.class.getResourceAsStream(SeedIqlCheckpoint.CARD).readAllBytes();
        bytes[bytes.length - 1] ^= 1;
        final Path tampered = Files.createTempFile("seed-iql-actor", ".safetensors");
        try {
            Files.write(tampered, bytes);
            final Exception e = assertThrows(RuntimeException.class,
                    () -> PolicyModel.load("tools jar " + SeedIqlCheckpoint.CARD, card, tampered));
            assertTrue(e.getMessage().contains("expects 45bf36e69f3c7b33db311d68c6a81b2a0e1cbed0da9193fe17eba9e53a2086ea"),
                    e.getMessage());
        } finally {
            Files.deleteIfExists(tampered);
        }
    }

    private static Path weights() {
        final var weights = SeedIqlCheckpoint.weights();
        Assumptions.assumeTrue(weights.isPresent(), "the seed's checkpoint (shared/" + SeedIqlCheckpoint.WEIGHTS
                + ") is not on this machine; skipping");
        return weights.get();
    }

    /** The actor in double precision, straight from the safetensors bytes: l1, l2 ReLU, mean, tanh * 0.2. */
    private static final class Reference {
        private final double[][] w1;
        private final double[] b1;
        private final double[][] w2;
        private final double[] b2;
        private final double[][] wm;
        private final double[] bm;

        Reference(final byte[] file) throws IOException {
            final ByteBuffer buf = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
            final int headerLength = (int) buf.getLong(0);
            final JsonNode header = new ObjectMapper().readTree(new String(file, 8, headerLength,
                    StandardCharsets.UTF_8));
            final int base = 8 + headerLength;
            w1 = matrix(buf, base, header.get("l1.weight"));
            b1 = matrix(buf, base, header.get("l1.bias"))[0];
            w2 = matrix(buf, base, header.get("l2.weight"));
            b2 = matrix(buf, base, header.get("l2.bias"))[0];
            wm = matrix(buf, base, header.get("mean.weight"));
            bm = matrix(buf, base, header.get("mean.bias"))[0];
        }

        double action(final float[] obs) {
            final double[] x = new double[obs.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = obs[i];
            }
            final double[] h1 = relu(dense(w1, b1, x));
            final double[] h2 = relu(dense(w2, b2, h1));
            return Math.tanh(dense(wm, bm, h2)[0]) * 0.2;
        }

        private static double[] dense(final double[][] w, final double[] b, final double[] x) {
            final double[] y = new double[w.length];
            for (int o = 0; o < w.length; o++) {
                double s = b[o];
                for (int i = 0; i < x.length; i++) {
                    s += w[o][i] * x[i];
                }
                y[o] = s;
            }
            return y;
        }

        private static double[] relu(final double[] v) {
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.max(0, v[i]);
            }
            return v;
        }

        /** A tensor as rows (a vector is one row), float32 widened to double. */
        private static double[][] matrix(final ByteBuffer buf, final int base, final JsonNode tensor) {
            assertEquals("F32", tensor.get("dtype").asText());
            final JsonNode shape = tensor.get("shape");
            final int rows = shape.size() == 2 ? shape.get(0).asInt() : 1;
            final int cols = shape.size() == 2 ? shape.get(1).asInt() : shape.get(0).asInt();
            final int start = base + tensor.get("data_offsets").get(0).asInt();
            final double[][] m = new double[rows][cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    m[r][c] = buf.getFloat(start + 4 * (r * cols + c));
                }
            }
            return m;
        }
    }
}
