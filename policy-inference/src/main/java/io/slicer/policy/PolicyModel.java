package io.slicer.policy;

import io.slicer.policy.io.LayerSpec;
import io.slicer.policy.io.ModelCardJson;
import io.slicer.policy.io.SafetensorsReader;
import io.slicer.policy.io.SafetensorsWriter;
import io.slicer.policy.io.Sha256;
import io.slicer.policy.io.TorchLinearLayout;
import io.slicer.policy.kernel.DenseNetwork;
import io.slicer.policy.kernel.ForwardKernel;
import io.slicer.policy.kernel.Kernels;
import io.slicer.policy.model.DenseLayer;
import io.slicer.policy.model.ModelCard;
import io.slicer.policy.model.ModelFormatException;
import io.slicer.policy.seal.ModelIdentity;
import io.slicer.policy.seal.ModelKeys;
import io.slicer.policy.seal.ModelSeal;
import io.slicer.policy.seal.ModelTrust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A validated policy network and its model card. Immutable and thread-safe; each thread that runs it takes its own
 * {@link #newContext()}.
 *
 * <p>On disk a model is a directory holding {@code model.safetensors} (weights, PyTorch {@code nn.Linear} layout, see
 * {@link io.slicer.policy.io.SafetensorsDescriptor}) and {@code model.json} (the card, see {@link ModelCardJson}),
 * whose {@code weightsSha256} pins the weights file. {@link #save} is byte-deterministic. A model's
 * {@link #identity()} is one SHA-256 over both ({@link ModelIdentity}); a writer seals it ({@link #save(Path,
 * ModelKeys.SigningKey)}, {@code model.seal}) and {@link #load(Path, ModelTrust)} checks the seal.
 */
public final class PolicyModel {
    public static final String WEIGHTS_FILE = "model.safetensors";
    public static final String CARD_FILE = "model.json";
    /** What Slicer writes into the safetensors {@code __metadata__}: the PyTorch convention. */
    private static final Map<String, String> WEIGHTS_METADATA = new TreeMap<>(Map.of("format", "pt"));

    private final ModelCard card;
    private final List<DenseLayer> layers;
    private final DenseNetwork network;
    private final ForwardKernel defaultKernel;
    private final String identity;

    private PolicyModel(final ModelCard card, final List<DenseLayer> layers, final byte[] weights) {
        this.card = card;
        this.layers = layers;
        this.identity = ModelIdentity.of(CARD_FILE, ModelCardJson.write(card), WEIGHTS_FILE, weights);
        final float[] mean = new float[card.features().size()];
        final float[] scale = new float[mean.length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = card.features().get(i).mean();
            scale[i] = card.features().get(i).scale();
        }
        network = new DenseNetwork(mean, scale, layers);
        defaultKernel = Kernels.select(network);
    }

    /**
     * Validates and builds a model. The card's {@code layers} may be empty (they are derived from the weights) and its
     * {@code weightsSha256} is replaced by the hash of the weights file {@link #save} writes.
     *
     * @throws ModelFormatException on any shape mismatch, non-finite weight, bad normalisation or action space
     */
    public static PolicyModel of(final ModelCard card, final List<DenseLayer> layers) {
        final List<DenseLayer> copies = copy(layers);
        ModelValidator.validate("in-memory model", card, copies, ModelValidator.defaultNames(copies.size()));
        final byte[] weights = weightsBytes(copies);
        final ModelCard complete = card.withLayersAndSha(describe(copies), Sha256.hex(weights));
        return new PolicyModel(complete, copies, weights);
    }

    /**
     * Loads {@code model.safetensors} and {@code model.json} from a directory, or from the directory of the given
     * file (either one may be named), checking everything: file structure, dtypes, shapes against the card and each
     * other, finite weights, the weights' SHA-256 against the card, normalisation and action space.
     *
     * <p>The seal is checked as {@link ModelTrust#offline()} says: a broken seal is refused, an unsealed model is
     * taken with a warning. The live path uses {@link #load(Path, ModelTrust)} with {@link ModelTrust#live()}.
     *
     * @throws ModelFormatException naming the file, tensor and index of the first problem found
     */
    public static PolicyModel load(final Path path) {
        return load(path, ModelTrust.offline());
    }

    /**
     * {@link #load(Path)}, then the seal checked as {@code trust} says.
     *
     * @throws ModelFormatException naming the file (and line) of the first problem found
     */
    public static PolicyModel load(final Path path, final ModelTrust trust) {
        if (!Files.exists(path)) {
            // Say which path is missing: resolving the card next to a path that is not there would name its parent.
            throw new ModelFormatException(path + ": no such model directory or file");
        }
        final Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        final Path weightsPath = dir.resolve(WEIGHTS_FILE);
        final Path cardPath = dir.resolve(CARD_FILE);
        final PolicyModel model = load(cardPath.toString(), readFile(cardPath, "model card"), weightsPath);
        trust.check(dir, model.identity);
        return model;
    }

    /**
     * A model whose card is not in a directory of its own: a card that ships with Slicer (the seed checkpoint's, in
     * the tools jar) naming a weights file elsewhere. Checked as {@link #load(Path)} checks a directory, the weights
     * pinned by the card's SHA-256; there is no seal (the card is reviewed with the code that ships it), so this is
     * for offline use only.
     *
     * @param cardSource where the card came from, for error messages
     */
    public static PolicyModel load(final String cardSource, final byte[] cardBytes, final Path weightsPath) {
        final ModelCard card = ModelCardJson.read(cardSource, cardBytes);
        final byte[] weights = readFile(weightsPath, "weights file");
        final String source = weightsPath.toString();
        final SafetensorsReader.Contents contents = SafetensorsReader.read(source, weights);
        final String actualSha = Sha256.hex(weights);
        if (card.weightsSha256() == null) {
            throw new ModelFormatException(cardSource + ": weightsSha256 is missing; a card must pin its weights");
        }
        if (!card.weightsSha256().equalsIgnoreCase(actualSha)) {
            throw new ModelFormatException(source + ": SHA-256 is " + actualSha + " but " + cardSource
                    + " expects " + card.weightsSha256() + " (weights changed after the card was written?)");
        }
        final List<LayerSpec> specs = new ArrayList<>();
        for (int k = 0; k < card.layers().size(); k++) {
            specs.add(LayerSpec.parse(cardSource, k, card.layers().get(k)));
        }
        final List<DenseLayer> layers = TorchLinearLayout.toLayers(source, contents.tensors(), specs,
                card.features().size(), card.modules());
        ModelValidator.validate(source, card, layers,
                TorchLinearLayout.modulePrefixes(source, contents.tensors(), card.modules()));
        return new PolicyModel(card.withLayersAndSha(describe(layers), actualSha), layers, weights);
    }

    /**
     * Writes {@code model.safetensors} and {@code model.json} into {@code dir} (created if needed). The same model
     * always gives the same bytes; the card written carries the SHA-256 of the weights written.
     */
    public void save(final Path dir) {
        write(dir);
    }

    /** Writes card and weights; returns the identity of what was written. */
    private String write(final Path dir) {
        final byte[] weights = weightsBytes(layers);
        // Slicer writes its own tensor names (net.0, net.2, ...) and only the layers: the card names no modules.
        final byte[] cardBytes = ModelCardJson.write(new ModelCard(card.featureSchemaId(), card.features(),
                card.actionSpace(), card.layers(), card.provenance(), Sha256.hex(weights), card.trainingDomain()));
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(WEIGHTS_FILE), weights);
            Files.write(dir.resolve(CARD_FILE), cardBytes);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write model to " + dir + ": " + e.getMessage(), e);
        }
        return ModelIdentity.of(CARD_FILE, cardBytes, WEIGHTS_FILE, weights);
    }

    /**
     * Writes the model as {@link #save(Path)} does and seals it with {@code key} ({@code model.seal}), replacing a
     * seal already there.
     */
    public void save(final Path dir, final ModelKeys.SigningKey key) {
        final String written = write(dir);
        try {
            Files.write(dir.resolve(ModelSeal.FILE), key.seal(written).toBytes());
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write the seal of " + dir + ": " + e.getMessage(), e);
        }
    }

    public ModelCard card() {
        return card;
    }

    /** SHA-256 over the canonical card and the weights ({@link ModelIdentity}): what a seal signs. */
    public String identity() {
        return identity;
    }

    /** The layers; the arrays are copies, so changing them does not change the model. */
    public List<DenseLayer> layers() {
        return copy(layers);
    }

    public int inputWidth() {
        return network.inputWidth();
    }

    public int outputWidth() {
        return network.outputWidth();
    }

    /** The immutable numbers the kernels run on (for benchmarks, exporters and reference checks). */
    public DenseNetwork network() {
        return network;
    }

    /**
     * Refuses a model whose card speaks another feature schema (its names would mean something else).
     *
     * @throws ModelFormatException saying which schema the card names
     */
    public void requireSchema(final String schemaId) {
        if (!card.featureSchemaId().equals(schemaId)) {
            throw new ModelFormatException("model feature schema is '" + card.featureSchemaId() + "', expected '"
                    + schemaId + "' (the model was trained on other features)");
        }
    }

    /**
     * Refuses a model trained on other features: the schema id and the ordered names must both match.
     *
     * @throws ModelFormatException saying which name differs, at which position
     */
    public void requireFeatures(final String schemaId, final List<String> expectedNames) {
        if (!card.featureSchemaId().equals(schemaId)) {
            throw new ModelFormatException("model feature schema is '" + card.featureSchemaId() + "', expected '"
                    + schemaId + "' (the model was trained on other features)");
        }
        final List<String> actual = card.featureNames();
        for (int i = 0; i < Math.max(actual.size(), expectedNames.size()); i++) {
            final String a = i < actual.size() ? actual.get(i) : "<none>";
            final String e = i < expectedNames.size() ? expectedNames.get(i) : "<none>";
            if (!a.equals(e)) {
                throw new ModelFormatException("model feature " + i + " is '" + a + "', expected '" + e + "' (model has "
                        + actual.size() + " features " + actual + ", engine builds " + expectedNames.size() + " "
                        + expectedNames + ")");
            }
        }
    }

    /** A context on the best available kernel (see {@link Kernels}). */
    public InferenceContext newContext() {
        return new InferenceContext(defaultKernel, inputWidth(), outputWidth(), card.actionSpace());
    }

    /** A context on a chosen kernel (benchmarks and tests compare them). */
    public InferenceContext newContext(final KernelKind kind) {
        final ForwardKernel kernel = switch (kind) {
            case AUTO -> defaultKernel;
            case SCALAR -> Kernels.scalar(network);
            case VECTOR -> Kernels.vector(network);
        };
        return new InferenceContext(kernel, inputWidth(), outputWidth(), card.actionSpace());
    }

    /**
     * The SHA-256 of the weights file {@link #save} writes for {@code layers}: what a card's {@code weightsSha256}
     * says of a model with these weights.
     */
    public static String weightsSha256(final List<DenseLayer> layers) {
        return Sha256.hex(weightsBytes(layers));
    }

    private static byte[] weightsBytes(final List<DenseLayer> layers) {
        return SafetensorsWriter.write(TorchLinearLayout.toTensors(layers), WEIGHTS_METADATA);
    }

    private static List<String> describe(final List<DenseLayer> layers) {
        return layers.stream().map(DenseLayer::describe).toList();
    }

    private static List<DenseLayer> copy(final List<DenseLayer> layers) {
        if (layers == null) {
            return List.of();
        }
        final List<DenseLayer> out = new ArrayList<>(layers.size());
        for (final DenseLayer l : layers) {
            out.add(l == null ? null : new DenseLayer(l.inputs(), l.outputs(), l.activation(),
                    l.weight() == null ? null : l.weight().clone(), l.bias() == null ? null : l.bias().clone()));
        }
        return java.util.Collections.unmodifiableList(out);
    }

    private static byte[] readFile(final Path path, final String what) {
        try {
            return Files.readAllBytes(path);
        } catch (final NoSuchFileException e) {
            throw new ModelFormatException(path + ": " + what + " not found (a model directory holds "
                    + WEIGHTS_FILE + " and " + CARD_FILE + ")");
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
