package io.slicer.tools.eval;

import io.slicer.engine.strategy.PolicyStrategy;
import io.slicer.engine.strategy.StrategyFactory;
import io.slicer.policy.PolicyModel;
import io.slicer.tools.marketdata.lobster.LobsterDays;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The constrained-IQL seed's published actor ({@code checkpoints/agent_iql_final.pth}, the policy behind its "IQL 5.77
 * vs TWAP 8.24") as the strategy {@code seed-iql-checkpoint}, for reproducing that claim only. Its card ships in the
 * tools jar ({@value #CARD}): the five raw inputs the seed's environment observes, named from the engine's feature
 * catalogue ({@code inventory_remaining, mid, volatility_estimate, execution_flow_imbalance, time_elapsed}), no
 * normalisation, the actor's three layers {@code l1, l2, mean} (its {@code log_std} exploration head unused) and the
 * continuous head {@code tanh(mean) * 0.2} as a participation rate. The weights are not in the repository: they
 * are {@value #WEIGHTS} in the shared data (found as {@code shared/seeds/artifacts} above the working directory, or
 * next to {@code $SLICER_SHARED_DATA}), pinned by the card's SHA-256.
 *
 * <p>It runs as the seed's environment ran it: no participation-feasibility floor (the seed's last step sweeps
 * what is left, whatever the constraint). Unsealed, so offline only ({@code evaluate}).
 */
public final class SeedIqlCheckpoint {
    public static final String NAME = "seed-iql-checkpoint";
    /** The card, a classpath resource of the tools jar. */
    public static final String CARD = "/io/slicer/tools/seeds/seed-iql-checkpoint/model.json";
    /** The weights, relative to the shared folder. */
    public static final String WEIGHTS = "seeds/artifacts/seed-iql-actor.safetensors";

    private SeedIqlCheckpoint() {
    }

    /** The factory {@code seed-iql-checkpoint} resolves to; one clear line when the shared weights are absent. */
    public static StrategyFactory factory() {
        return PolicyStrategy.reproductionFactory(NAME, model());
    }

    /** The checkpoint as a Slicer model: the shipped card over the shared weights. */
    public static PolicyModel model() {
        final Path weights = weights().orElseThrow(() -> new IllegalArgumentException("strategy '" + NAME
                + "': the seed's published actor " + WEIGHTS + " was not found under a shared/ folder above "
                + Path.of("").toAbsolutePath() + " (or next to $" + LobsterDays.DATA_ROOT_ENV + "); it ships"
                + " with the shared data, not the repository"));
        return PolicyModel.load("tools jar " + CARD, card(), weights);
    }

    /** The shared weights file, if this machine has the shared data. */
    public static Optional<Path> weights() {
        final Optional<Path> data = LobsterDays.sharedDataRoot();
        if (data.isPresent() && data.get().getParent() != null) {
            final Path candidate = data.get().getParent().resolve(WEIGHTS);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            final Path candidate = dir.resolve("shared").resolve(WEIGHTS);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate.normalize());
            }
        }
        return Optional.empty();
    }

    private static byte[] card() {
        try (InputStream in = SeedIqlCheckpoint.class.getResourceAsStream(CARD)) {
            if (in == null) {
                throw new IllegalStateException("the tools jar lacks " + CARD);
            }
            return in.readAllBytes();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + CARD + ": " + e.getMessage(), e);
        }
    }
}
