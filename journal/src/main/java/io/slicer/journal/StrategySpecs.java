package io.slicer.journal;

import io.slicer.engine.order.TacticChooser;
import io.slicer.engine.strategy.PolicyStrategy;
import io.slicer.engine.strategy.RegisteredStrategy;
import io.slicer.engine.strategy.StrategyFactory;
import io.slicer.engine.strategy.StrategyRegistry;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.seal.ModelTrust;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Keeps a journal's strategies reproducible: a model spec ({@code dqn:DIR}, {@code iql:DIR}, {@code model:DIR} or
 * {@code policy:DIR})
 * is archived in the journal and journaled as {@code policy:<sha256>}, which the journal's
 * {@link StrategyRegistry} ({@link #registry}: the standard one plus the {@code policy} family, resolved from the
 * archive after checking the SHA-256) turns back into the model. Schedules ({@code twap}, {@code pov:0.1}, ...) are
 * journaled as they are. A learned tactic chooser ({@code SPEC/learned:DIR}) is archived the same way and journaled as
 * {@code CANONICAL_SPEC/learned:<sha256>}.
 */
public final class StrategySpecs {
    public static final String POLICY_PREFIX = "policy:";
    private static final List<String> MODEL_PREFIXES = List.of("dqn:", "iql:", StrategyRegistry.MODEL + ":", POLICY_PREFIX);

    private StrategySpecs() {
    }

    /** True when {@code spec} names a model (by directory or by archived SHA-256). */
    public static boolean isModel(final String spec) {
        return MODEL_PREFIXES.stream().anyMatch(spec::startsWith);
    }

    /** The standard registry plus {@code policy:<sha256>}, a model from this journal's archive. */
    private static StrategyRegistry registry(final ModelArchive archive) {
        return StrategyRegistry.standard().with("policy", (sha, lambda) -> {
            if (!ModelArchive.isDigest(sha)) {
                throw new IllegalArgumentException("strategy 'policy:" + sha + "': expected the SHA-256 of a model"
                        + " in the journal's archive (64 hex digits)");
            }
            return PolicyStrategy.factory(POLICY_PREFIX + sha, PolicyModel.load(archive.verified(sha)));
        });
    }

    /**
     * The spec as the journal records it: a model spec whose argument is a directory is archived and becomes
     * {@code policy:<sha256>} once its seal has been checked as {@link ModelTrust#live()} says (a journaled engine
     * trades); anything else is returned unchanged (and checked to resolve).
     */
    public static String canonical(final String spec, final ModelArchive archive) {
        final int learned = spec.indexOf(StrategyRegistry.LEARNED);
        if (learned > 0) {
            final String base = canonical(spec.substring(0, learned), archive);
            final String dir = spec.substring(learned + StrategyRegistry.LEARNED.length());
            if (ModelArchive.isDigest(dir) && !Files.isDirectory(Path.of(dir))) {
                archive.verified(dir);
                return base + StrategyRegistry.LEARNED + dir;
            }
            // The chooser trades: its directory, seal (trusted key), algorithm and card are checked before archiving.
            TacticChooser.load(dir, ModelTrust.live());
            return base + StrategyRegistry.LEARNED + archive.store(Path.of(dir));
        }
        if (isModel(spec)) {
            final String argument = spec.substring(spec.indexOf(':') + 1);
            final Path dir = Path.of(argument);
            if (!spec.startsWith(POLICY_PREFIX)) {
                // dqn:DIR / iql:DIR / model:DIR: the registry's checks (directory, seal, algorithm, action space) before archiving.
                StrategyRegistry.standard(ModelTrust.live()).factory(spec);
            }
            if (Files.isDirectory(dir)) {
                // The journal's models trade: only a model sealed with a trusted key is archived.
                PolicyModel.load(dir, ModelTrust.live());
                return POLICY_PREFIX + archive.store(dir);
            }
            if (spec.startsWith(POLICY_PREFIX) && ModelArchive.isDigest(argument)) {
                archive.verified(argument);
                return spec;
            }
            throw new IllegalArgumentException("strategy '" + spec + "': " + argument
                    + " is not a model directory (expected model.safetensors and model.json there)");
        }
        StrategyRegistry.standard().factory(spec);
        return spec;
    }

    /** The registered strategy for a canonical spec; model files come from the archive, SHA-256 verified. */
    public static RegisteredStrategy resolve(final String canonicalSpec, final ModelArchive archive,
                                             final double domainSigmas) {
        return RegisteredStrategy.of(canonicalSpec, factory(canonicalSpec, archive), domainSigmas);
    }

    /** The factory of a canonical spec, its models (a learned chooser's too) from the archive. */
    private static StrategyFactory factory(final String canonicalSpec, final ModelArchive archive) {
        final int learned = canonicalSpec.indexOf(StrategyRegistry.LEARNED);
        if (learned > 0) {
            final String sha = canonicalSpec.substring(learned + StrategyRegistry.LEARNED.length());
            if (!ModelArchive.isDigest(sha)) {
                throw new IllegalArgumentException("strategy '" + canonicalSpec + "': expected learned:<sha256> of a"
                        + " tactic chooser in the journal's archive (64 hex digits)");
            }
            return factory(canonicalSpec.substring(0, learned), archive).withTacticChooser(
                    TacticChooser.load(archive.verified(sha).toString(), ModelTrust.offline()));
        }
        return registry(archive).factory(canonicalSpec);
    }

    /**
     * The model specs inside {@code spec}, each as written: the policy model ({@code dqn:DIR}, {@code policy:SHA})
     * if it names one, and the learned tactic chooser's {@code learned:DIR} or {@code learned:SHA} if it has one.
     */
    public static List<String> models(final String spec) {
        final int learned = spec.indexOf(StrategyRegistry.LEARNED);
        final String base = learned > 0 ? spec.substring(0, learned) : spec;
        final List<String> out = new java.util.ArrayList<>();
        if (isModel(base)) {
            out.add(base);
        }
        if (learned > 0) {
            out.add(spec.substring(learned + 1));
        }
        return out;
    }

    /** The directory a model spec of {@link #models} names: archived (by SHA-256 in {@code archive}) or as given. */
    public static Path directory(final String modelSpec, final ModelArchive archive) {
        final String argument = modelSpec.substring(modelSpec.indexOf(':') + 1);
        final boolean archived = (modelSpec.startsWith(POLICY_PREFIX) || modelSpec.startsWith("learned:"))
                && ModelArchive.isDigest(argument) && !Files.isDirectory(Path.of(argument));
        return archived ? archive.verified(argument) : Path.of(argument);
    }
}
