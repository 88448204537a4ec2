package io.slicer.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.engine.testing.DemoModels;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.model.FeatureSpec;
import io.slicer.policy.model.ModelCard;
import io.slicer.policy.seal.ModelTrust;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A net exported by real PyTorch ({@code relu_mlp.onnx}, policy-inference's golden files) goes from
 * {@code model import-onnx} to {@code evaluate --strategies twap,model:DIR} and {@code run --strategy model:DIR}, and
 * its journaled day replays bit for bit. The import writes a complete card (identity normalisation, a measured
 * training domain) and refuses a card whose normalisation was fitted with other weights.
 */
class ImportedModelTest {
    private static final Path TORCH_ONNX = Path.of("../policy-inference/src/test/resources/golden/torch/relu_mlp.onnx");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    private CliRun importOnnx(final Path out, final String... more) {
        final List<String> args = new java.util.ArrayList<>(List.of("model", "import-onnx", "--onnx",
                TORCH_ONNX.toString(), "--out", out.toString(), "--action-space", "discrete:twap_multiple:0.5,1,1.5",
                "--domain-episodes", "40"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aFreshlyImportedTorchModelEvaluatesRunsAndReplaysBitForBit() throws Exception {
        final Path model = tmp.resolve("desk");
        final CliRun imported = importOnnx(model, "--features", String.join(",", ExecutionFeatures.NAMES));
        assertEquals(0, imported.exitCode(), imported.err());
        final ModelCard card = PolicyModel.load(model, ModelTrust.live()).card();
        assertFalse(card.normalises(), "identity normalisation unless told otherwise");
        assertEquals(ExecutionFeatures.NAMES, card.featureNames());
        assertEquals(8, card.trainingDomain().size(), "the domain measured on a scenario sample");
        assertTrue(card.trainingDomain().get(0).max() > card.trainingDomain().get(0).min());

        final CliRun asDqn = CliRun.of("evaluate", "--scenario", "liquid-stock", "--strategies", "twap,dqn:" + model,
                "--episodes", "2");
        assertEquals(SlicerCli.EXIT_USAGE, asDqn.exitCode(), asDqn.err());
        assertTrue(asDqn.err().contains("model card names algorithm 'onnx-import', not 'dqn'; use model:" + model),
                asDqn.err());

        final String spec = "model:" + model;
        final CliRun evaluated = CliRun.of("evaluate", "--scenario", "liquid-stock", "--strategies", "twap," + spec,
                "--episodes", "20", "--threads", "1", "--json");
        assertEquals(0, evaluated.exitCode(), evaluated.err());
        final JsonNode strategies = MAPPER.readTree(evaluated.out()).get("strategies");
        assertEquals(spec, strategies.get(1).get("name").asText(), evaluated.out());

        final Path approvals = tmp.resolve("approvals.jsonl");
        final CliRun approved = CliRun.of("model", "approve", "--model", model.toString(), "--by", "A. Trader",
                "--reason", "golden import", "--date", "2026-12-05", "--approvals", approvals.toString());
        assertEquals(0, approved.exitCode(), approved.err());
        final Path journal = tmp.resolve("journal");
        final CliRun day = CliRun.of("run", "--scenario", "liquid-stock", "--strategy", spec, "--journal",
                journal.toString(), "--approvals", approvals.toString(), "--json");
        assertEquals(0, day.exitCode(), day.err());
        final JsonNode doc = MAPPER.readTree(day.out());
        assertTrue(doc.get("decisions").asLong() > 0, day.out());
        assertTrue(doc.get("childrenSent").asLong() > 0, day.out());

        final CliRun replay = CliRun.of("replay", "--journal", journal.toString(), "--json");
        assertEquals(0, replay.exitCode(), replay.out() + replay.err());
        final JsonNode replayed = MAPPER.readTree(replay.out());
        assertTrue(replayed.get("matched").asBoolean(), replay.out());
        assertEquals(doc.get("decisions").asLong(), replayed.get("decisions").asLong(), replay.out());
    }

    @Test
    void aCardWhoseNormalisationBelongsToOtherWeightsIsRefusedWithTheReason() throws Exception {
        final Path dqn = tmp.resolve("dqn");
        DemoModels.randomDqn(5).save(dqn);
        final CliRun r = importOnnx(tmp.resolve("mixed"), "--card", dqn.resolve(PolicyModel.CARD_FILE).toString());
        assertEquals(SlicerCli.EXIT_USAGE, r.exitCode(), r.err());
        final List<String> lines = r.err().lines().filter(l -> !l.startsWith("warning: ")).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains("a normalisation belongs to the network it was fitted with"), lines.get(0));
        assertFalse(r.err().contains("\tat "), r.err());

        final CliRun identity = importOnnx(tmp.resolve("identity"), "--card",
                dqn.resolve(PolicyModel.CARD_FILE).toString(), "--normalisation", "identity");
        assertEquals(0, identity.exitCode(), identity.err());
        for (final FeatureSpec f : PolicyModel.load(tmp.resolve("identity")).card().features()) {
            assertEquals(0f, f.mean());
            assertEquals(1f, f.scale());
        }
    }

    @Test
    void aFeatureOutsideTheCatalogueIsRefusedAtImport() {
        final CliRun r = importOnnx(tmp.resolve("unknown"), "--features",
                "time_remaining,inventory_remaining,schedule_lead,price_drift_sigma,volume_ratio,spread_bps,"
                        + "volatility_ratio,volume_surprise");
        assertEquals(SlicerCli.EXIT_USAGE, r.exitCode(), r.err());
        final List<String> lines = r.err().lines().filter(l -> !l.startsWith("warning: ")).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains("model feature 7 'volume_surprise' is not a feature the engine computes"),
                lines.get(0));
    }
}
