package io.slicer.journal;

import io.slicer.engine.core.ModelRegistration;
import io.slicer.engine.core.RegisteredStrategy;
import io.slicer.engine.strategy.Strategies;
import io.slicer.policy.PolicyModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns strategy specs into the strategies an engine registers, keeping learned models reproducible: a model spec
 * ({@code dqn:DIR}, {@code iql:DIR} or {@code policy:DIR}) is archived in the journal and journaled as
 * {@code policy:<sha256>}, which a replay resolves from the archive after checking the SHA-256. Schedules
 * ({@code twap}, {@code pov:0.1}, ...) go through {@link Strategies} unchanged.
 */
public final class StrategySpecs {
    public static final String POLICY_PREFIX = "policy:";
    private static final List<String> MODEL_PREFIXES = List.of("dqn:", "iql:", POLICY_PREFIX);

    private StrategySpecs() {
    }

    /** True when {@code spec} names a model (by directory or by archived SHA-256). */
    public static boolean isModel(final String spec) {
        return MODEL_PREFIXES.stream().anyMatch(spec::startsWith);
    }

    /**
     * The spec as the journal records it: a model spec whose argument is a directory is archived and becomes
     * {@code policy:<sha256>}; anything else is returned unchanged (and checked to parse).
     */
    public static String canonical(final String spec, final ModelArchive archive) {
        if (isModel(spec)) {
            final String argument = spec.substring(spec.indexOf(':') + 1);
            final Path dir = Path.of(argument);
            if (Files.isDirectory(dir)) {
                return POLICY_PREFIX + archive.store(dir);
            }
            if (spec.startsWith(POLICY_PREFIX) && argument.matches("[0-9a-f]{64}")) {
                archive.verified(argument);
                return spec;
            }
            throw new IllegalArgumentException("strategy '" + spec + "': " + argument
                    + " is not a model directory (expected model.safetensors and model.json there)");
        }
        Strategies.factory(spec);
        return spec;
    }

    /** The registered strategy for a canonical spec; model files come from the archive, SHA-256 verified. */
    public static RegisteredStrategy resolve(final String canonicalSpec, final ModelArchive archive,
                                             final double domainSigmas) {
        if (!canonicalSpec.startsWith(POLICY_PREFIX)) {
            return RegisteredStrategy.schedule(canonicalSpec, Strategies.factory(canonicalSpec));
        }
        final String sha = canonicalSpec.substring(POLICY_PREFIX.length());
        return ModelRegistration.register(canonicalSpec, PolicyModel.load(archive.verified(sha)), domainSigmas);
    }
}
