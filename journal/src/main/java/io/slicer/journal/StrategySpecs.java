package io.slicer.journal;

import io.slicer.engine.strategy.PolicyStrategy;
import io.slicer.engine.strategy.RegisteredStrategy;
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
 * journaled as they are.
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
        return RegisteredStrategy.of(canonicalSpec, registry(archive).factory(canonicalSpec), domainSigmas);
    }
}
