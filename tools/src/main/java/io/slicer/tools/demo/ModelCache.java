package io.slicer.tools.demo;

import io.slicer.policy.PolicyModel;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.train.ModelExport;
import io.slicer.tools.train.TrainedPolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Trained models kept between demo runs, keyed by scenario, a key (algorithm and training
 * budget), training seed and {@link CodeVersion}: {@code ROOT/<scenario>/<key>-seed<S>-<code>/}. A model is written to a scratch folder and moved into place
 * only when complete, so an interrupted training never leaves a half model that a later run would trust.
 */
public final class ModelCache {
    private final Path root;
    private final String codeVersion;

    public ModelCache(final Path root, final String codeVersion) {
        this.root = root;
        this.codeVersion = codeVersion;
    }

    /** Where the model for this key lives (whether or not it exists yet). */
    public Path directory(final Scenario scenario, final String key, final long seed) {
        return root.resolve(scenario.name()).resolve(key + "-seed" + seed + "-" + codeVersion);
    }

    /** True when a complete model for this key is cached and loads cleanly (SHA-256 and shapes verified). */
    public boolean has(final Scenario scenario, final String key, final long seed) {
        final Path dir = directory(scenario, key, seed);
        if (!Files.isRegularFile(dir.resolve("model.json"))) {
            return false;
        }
        PolicyModel.load(dir);
        return true;
    }

    /** The cached model's folder, training it with {@code trainer} first when it is missing. */
    public Path getOrTrain(final Scenario scenario, final String key, final long seed,
                           final Supplier<TrainedPolicy> trainer) {
        final Path dir = directory(scenario, key, seed);
        if (has(scenario, key, seed)) {
            return dir;
        }
        final TrainedPolicy policy = trainer.get();
        try {
            Files.createDirectories(dir.getParent());
            final Path scratch = Files.createTempDirectory(dir.getParent(), "." + key + "-partial-");
            ModelExport.save(policy, codeVersion, scratch);
            deleteRecursively(dir);
            Files.move(scratch, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model cache under " + dir, e);
        }
        return dir;
    }

    private static void deleteRecursively(final Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (final Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
