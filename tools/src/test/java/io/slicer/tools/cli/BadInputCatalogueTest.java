package io.slicer.tools.cli;

import io.slicer.engine.api.SlicerEngine;
import io.slicer.engine.core.EngineConfig;
import io.slicer.engine.testing.DemoModels;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.model.ModelFormatException;
import io.slicer.policy.seal.ModelKeys;
import io.slicer.policy.seal.ModelSeal;
import io.slicer.policy.seal.ModelTrust;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bad-input catalogue of issue #18: every case is refused with exit 2 and one line on stderr that names the
 * problem and where, no stack trace; the API refuses the same specs and settings with the same message. Models are
 * sealed with the tests' key ({@code slicer.keys}, set by the build to a folder under target/).
 */
class BadInputCatalogueTest {
    @TempDir
    Path tmp;

    /** A sealed DQN whose card {@code edit} changed (then re-sealed, so only the card check can refuse it). */
    private Path model(final String name, final UnaryOperator<String> edit) throws IOException {
        final Path dir = tmp.resolve(name);
        final ModelKeys.SigningKey key = ModelKeys.signingKey(ModelKeys.directory(), notice -> { });
        DemoModels.randomDqn(3).save(dir, key);
        final Path card = dir.resolve(PolicyModel.CARD_FILE);
        final String text = Files.readString(card);
        final String edited = edit.apply(text);
        if (!edited.equals(text)) {
            Files.writeString(card, edited);
            Files.delete(dir.resolve(ModelSeal.FILE));
            try {
                PolicyModel.load(dir, ModelTrust.of(ModelKeys.directory(), false, w -> { })).save(dir, key);
            } catch (final ModelFormatException e) {
                // The card check refuses this card before any seal is read: it stays unsealed.
            }
        }
        return dir;
    }

    /** Runs {@code slicer ARGS}; asserts exit 2 and one stderr line without a stack trace; returns that line. */
    private static String refused(final String... args) {
        final CliRun r = CliRun.of(args);
        final List<String> lines = r.err().lines().filter(l -> !l.startsWith("warning: ")).toList();
        assertEquals(SlicerCli.EXIT_USAGE, r.exitCode(), r.err());
        assertEquals(1, lines.size(), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        return lines.get(0);
    }

    private String run(final String strategy, final String... config) {
        final List<String> args = new ArrayList<>(List.of("run", "--scenario", "small-day", "--strategy", strategy,
                "--journal", tmp.resolve("journal-" + tmp.toFile().list().length).toString()));
        for (final String c : config) {
            args.add("--config");
            args.add(c);
        }
        return refused(args.toArray(String[]::new));
    }

    private String evaluate(final String strategies) {
        return refused("evaluate", "--scenario", "ac-2000", "--episodes", "30", "--threads", "1", "--strategies",
                strategies);
    }

    private static String api(final String spec) {
        return assertThrows(IllegalArgumentException.class, () -> SlicerEngine.builder().strategy(spec)).getMessage();
    }

    // ---- strategy specs: run, evaluate and the API refuse them alike

    @Test
    void povRateAboveOneIsRefusedAlikeByRunEvaluateAndTheApi() {
        final String message = "strategy 'pov:5': participation rate must be in (0, 1], found 5";
        assertEquals("slicer run: " + message, run("pov:5"));
        assertEquals("slicer evaluate: " + message, evaluate("twap,pov:5"));
        assertEquals(message, api("pov:5"));
    }

    @Test
    void negativePovRateIsRefusedAlike() {
        final String message = "strategy 'pov:-0.1': participation rate must be in (0, 1], found -0.1";
        assertEquals("slicer run: " + message, run("pov:-0.1"));
        assertEquals(message, api("pov:-0.1"));
    }

    @Test
    void negativeRiskAversionIsRefusedAlike() {
        final String message = "strategy 'ac:-1': risk aversion lambda must be >= 0, found -1.0";
        assertEquals("slicer run: " + message, run("ac:-1"));
        assertEquals("slicer evaluate: " + message, evaluate("ac:-1"));
        assertEquals(message, api("ac:-1"));
    }

    @Test
    void povCapBelowItsRateIsRefused() {
        assertEquals("slicer run: strategy 'pov:0.2:0.1': hard cap must be in [rate 0.2, 1], found 0.1",
                run("pov:0.2:0.1"));
    }

    @Test
    void nonNumericPovRateIsRefused() {
        assertEquals("slicer run: strategy 'pov:abc': expected a number for the participation rate, found 'abc'",
                run("pov:abc"));
    }

    @Test
    void anArgumentToAStrategyThatTakesNoneIsRefused() {
        assertEquals("slicer run: strategy 'twap' takes no argument, found 'twap:3'", run("twap:3"));
    }

    @Test
    void anUnknownStrategyIsRefusedNamingTheKnownOnes() {
        assertTrue(run("wobble").startsWith("slicer run: unknown strategy 'wobble', expected one of ["));
    }

    // ---- engine settings: limits that would switch a check off

    @Test
    void anIsKillMultipleOf1e300IsRefusedByTheCliAndTheApi() {
        final String line = run("twap", "isKill=1e300/5/0.05");
        assertTrue(line.startsWith("slicer run: isKill multiple is 1.0E300, above the plausible 100.0"), line);
        final String api = assertThrows(IllegalArgumentException.class,
                () -> EngineConfig.builder().isKill(1e300, 5, 0.05).build()).getMessage();
        assertEquals(line, "slicer run: " + api);
    }

    @Test
    void aMaxChildOfLongMaxIsRefused() {
        final String line = run("twap", "maxChild=" + Long.MAX_VALUE);
        assertTrue(line.startsWith("slicer run: maxChild is 9.223372036854776E18, above the plausible 1.0E9"), line);
    }

    @Test
    void aMaxChildQuantityOfLongMaxIsRefused() {
        assertTrue(run("twap", "maxChildQuantity=" + Long.MAX_VALUE).startsWith("slicer run: maxChildQuantity is"));
    }

    @Test
    void anUnboundedNotionalLimitIsRefused() {
        assertTrue(run("twap", "maxChildNotional=1e300").startsWith("slicer run: maxChildNotional is 1.0E300"));
    }

    @Test
    void aDomainSigmasThatSwitchesTheDomainCheckOffIsRefused() {
        assertTrue(run("twap", "domainSigmas=1e300").startsWith("slicer run: domainSigmas is 1.0E300"));
    }

    // ---- model cards

    @Test
    void aTrainingDomainWidenedTo1e300IsRefused() throws IOException {
        final Path dir = model("wide", t -> t.replaceFirst("\"max\" : [-0-9.eE]+", "\"max\" : 1.0E300"));
        final String line = refused("evaluate", "--scenario", "ac-2000", "--episodes", "30", "--strategies",
                "dqn:" + dir);
        assertTrue(line.contains(dir.resolve(PolicyModel.WEIGHTS_FILE) + ": trainingDomain[0]"), line);
        assertTrue(line.contains("beyond the plausible 1000000.0"), line);
    }

    @Test
    void anActionValueOfABillionIsRefused() throws IOException {
        final Path dir = model("huge-action", t -> t.replace("2.0 ]", "1.0E9 ]"));
        final String line = refused("model", "inspect", dir.toString());
        assertTrue(line.contains("actionSpace.values[4] is 1.0E9, outside [0, 10.0] for unit 'twap_multiple'"), line);
    }

    @Test
    void aDuplicateKeyInTheCardIsRefusedWithItsLine() throws IOException {
        final Path dir = model("duplicate", t -> t.replaceFirst("\"featureSchemaId\"",
                "\"featureSchemaId\" : \"other\",\n  \"featureSchemaId\""));
        final String line = refused("model", "inspect", dir.toString());
        assertTrue(line.matches(".*model\\.json:\\d+: not valid JSON: Duplicate field 'featureSchemaId'.*"), line);
    }

    @Test
    void iqlOnADqnModelIsRefused() throws IOException {
        final Path dir = model("dqn", t -> t);
        final String line = run("iql:" + dir);
        assertEquals("slicer run: " + dir + ": model card names algorithm 'dqn', not 'iql'; use dqn:" + dir, line);
    }

    @Test
    void aCardWithoutAnAlgorithmIsRefusedForAModelSpec() throws IOException {
        final Path dir = model("anonymous", t -> t.replace("\"algorithm\" : \"dqn\"", "\"algorithm\" : null"));
        assertEquals("slicer run: " + dir + ": model card names algorithm 'null', not 'dqn'; use model:" + dir,
                run("dqn:" + dir));
    }

    @Test
    void aMissingModelDirectoryIsReportedUnderItsOwnPath() {
        final Path missing = tmp.resolve("nowhere").resolve("model");
        assertTrue(run("dqn:" + missing).contains(missing + ": no such model directory"));
        assertEquals("slicer model inspect: " + missing + ": no such model directory or file",
                refused("model", "inspect", missing.toString()));
    }

    // ---- seals

    @Test
    void anUnsealedModelIsRefusedForRunButEvaluatedWithAWarning() throws IOException {
        final Path dir = tmp.resolve("unsealed");
        DemoModels.randomDqn(3).save(dir);
        final String line = run("dqn:" + dir);
        assertTrue(line.startsWith("slicer run: " + dir.resolve(ModelSeal.FILE) + ": model is not sealed"), line);
        assertThrows(IllegalArgumentException.class, () -> SlicerEngine.builder().strategy("dqn:" + dir));
        final CliRun offline = CliRun.of("evaluate", "--scenario", "ac-2000", "--episodes", "30", "--threads", "1",
                "--strategies", "twap,dqn:" + dir, "--json");
        assertEquals(0, offline.exitCode(), offline.err());
    }

    @Test
    void aCardEditedAfterSealingIsRefusedByRun() throws IOException {
        final Path dir = model("sealed", t -> t);
        final Path card = dir.resolve(PolicyModel.CARD_FILE);
        Files.writeString(card, Files.readString(card).replace("\"untrained-demo\"", "\"edited\""));
        final String line = run("dqn:" + dir);
        assertTrue(line.startsWith("slicer run: " + dir.resolve(ModelSeal.FILE) + ":2: seal is for model"), line);
    }

    @Test
    void aSealThatIsNotASealIsRefusedWithItsLine() throws IOException {
        final Path dir = model("garbled", t -> t);
        Files.writeString(dir.resolve(ModelSeal.FILE), "hello\n");
        final String line = run("dqn:" + dir);
        assertTrue(line.startsWith("slicer run: " + dir.resolve(ModelSeal.FILE) + ":1: expected a seal"), line);
    }

    @Test
    void keygenRefusesToReplaceAnExistingKey() {
        final Path keys = tmp.resolve("keys");
        assertEquals(0, CliRun.of("model", "keygen", "--keys", keys.toString()).exitCode());
        assertTrue(refused("model", "keygen", "--keys", keys.toString()).contains("a signing key already exists"));
    }

    // ---- outputs are never overwritten without --force

    @Test
    void importOnnxRefusesAnOutputDirectoryThatHoldsFiles() throws IOException {
        final Path out = model("existing", t -> t);
        final String line = refused("model", "import-onnx", "--onnx", tmp.resolve("x.onnx").toString(), "--out",
                out.toString());
        assertEquals("slicer model import-onnx: --out " + out + " already holds files; refusing to overwrite them (choose a"
                + " new directory, or pass --force)", line);
    }

    @Test
    void trainRefusesAnOutputDirectoryThatHoldsFilesBeforeTraining() throws IOException {
        final Path out = model("trained", t -> t);
        final String line = refused("train", "dqn", "--scenario", "ac-2000", "--out", out.toString(), "--quiet");
        assertTrue(line.startsWith("slicer train: --out " + out + " already holds files"), line);
    }
}
