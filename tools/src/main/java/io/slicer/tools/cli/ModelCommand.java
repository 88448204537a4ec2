package io.slicer.tools.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.io.ModelCardJson;
import io.slicer.policy.io.Sha256;
import io.slicer.policy.kernel.Kernels;
import io.slicer.policy.model.ActionSpace;
import io.slicer.policy.model.DenseLayer;
import io.slicer.policy.model.FeatureDomain;
import io.slicer.policy.model.FeatureSpec;
import io.slicer.policy.model.ModelCard;
import io.slicer.policy.model.ModelFormatException;
import io.slicer.policy.model.Provenance;
import io.slicer.policy.onnx.OnnxGraph;
import io.slicer.policy.onnx.OnnxImport;
import io.slicer.policy.onnx.OnnxModelReader;
import io.slicer.policy.onnx.OnnxModelWriter;
import io.slicer.policy.seal.ModelApprovals;
import io.slicer.policy.seal.ModelKeys;
import io.slicer.policy.seal.ModelSeal;
import io.slicer.policy.seal.ModelTrust;
import io.slicer.tools.demo.CodeVersion;
import io.slicer.tools.sim.Scenarios;
import io.slicer.tools.train.DomainSample;
import io.slicer.tools.train.TrainingSeeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code slicer model}: look inside a policy model and move it between Slicer's files (safetensors + model card) and
 * ONNX.
 */
@Command(name = "model", description = "Inspect policy models, convert them to and from ONNX, approve them for live.",
        mixinStandardHelpOptions = true,
        subcommands = {ModelCommand.Inspect.class, ModelCommand.ExportOnnx.class, ModelCommand.ImportOnnx.class,
                ModelCommand.Keygen.class, ModelCommand.Approve.class})
public final class ModelCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "Print a model's card, layers, feature schema, action space, training domain and whether"
                    + " the weights match the card's SHA-256. FILE is a model directory, its model.json or"
                    + " model.safetensors, or an .onnx file.")
    static final class Inspect implements java.util.concurrent.Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "model directory, model.json, model.safetensors or .onnx")
        Path file;

        @Option(names = "--json", description = "print one JSON document instead of text")
        boolean json;

        @Override
        public Integer call() {
            final PrintWriter out = spec.commandLine().getOut();
            if (file.getFileName() != null && file.getFileName().toString().endsWith(".onnx")) {
                return inspectOnnx(out);
            }
            if (!Files.exists(file)) {
                throw new IllegalArgumentException(file + ": no such model directory or file");
            }
            final Path dir = Files.isDirectory(file) ? file : file.toAbsolutePath().getParent();
            final Path cardPath = dir.resolve(PolicyModel.CARD_FILE);
            final Path weightsPath = dir.resolve(PolicyModel.WEIGHTS_FILE);
            final ModelCard card = ModelCardJson.read(cardPath.toString(), read(cardPath));
            final String actual = Sha256.hex(read(weightsPath));
            final boolean verified = actual.equalsIgnoreCase(String.valueOf(card.weightsSha256()));
            PolicyModel model = null;
            if (verified) {
                model = PolicyModel.load(dir);
            }
            if (json) {
                final ObjectMapper mapper = new ObjectMapper();
                final ObjectNode root = mapper.createObjectNode();
                root.put("path", dir.toString());
                try {
                    root.set("card", mapper.readTree(ModelCardJson.write(model != null ? model.card() : card)));
                } catch (final IOException e) {
                    throw new UncheckedIOException(e);
                }
                final ObjectNode sha = root.putObject("sha256");
                sha.put("expected", card.weightsSha256());
                sha.put("actual", actual);
                sha.put("verified", verified);
                if (model != null) {
                    root.put("parameters", parameters(model.layers()));
                    root.put("kernel", model.newContext().kernelName());
                }
                out.println(root.toPrettyString());
            } else {
                printCard(out, dir.toString(), model != null ? model.card() : card);
                out.printf(Locale.ROOT, "weights sha256: %s %s%n", actual,
                        verified ? "verified ok" : "FAILED (card expects " + card.weightsSha256() + ")");
                if (model != null) {
                    out.printf(Locale.ROOT, "parameters: %d, kernel: %s (vector API available: %s)%n",
                            parameters(model.layers()), model.newContext().kernelName(), Kernels.vectorAvailable());
                }
            }
            out.flush();
            if (!verified) {
                spec.commandLine().getErr().println("slicer model inspect: " + weightsPath + ": SHA-256 " + actual
                        + " does not match the card's " + card.weightsSha256());
                return SlicerCli.EXIT_USAGE;
            }
            return 0;
        }

        private int inspectOnnx(final PrintWriter out) {
            final byte[] bytes = read(file);
            final OnnxGraph graph = OnnxModelReader.read(file.toString(), bytes);
            if (json) {
                final ObjectMapper mapper = new ObjectMapper();
                final ObjectNode root = mapper.createObjectNode();
                root.put("path", file.toString());
                root.put("sha256", Sha256.hex(bytes));
                final var layers = root.putArray("layers");
                graph.layers().forEach(l -> layers.add(l.describe()));
                root.put("normalisation", graph.mean() != null || graph.scale() != null);
                if (graph.embeddedCard() != null) {
                    try {
                        root.set("card", mapper.readTree(graph.embeddedCard()));
                    } catch (final IOException e) {
                        throw new ModelFormatException(file + ": embedded model card is not JSON: " + e.getMessage());
                    }
                }
                out.println(root.toPrettyString());
            } else {
                out.println("onnx: " + file);
                out.println("sha256: " + Sha256.hex(bytes));
                for (int k = 0; k < graph.layers().size(); k++) {
                    out.printf(Locale.ROOT, "  layer %d: %s (%s)%n", k, graph.layers().get(k).describe(),
                            graph.layerNames().get(k));
                }
                out.println("input normalisation in graph: " + (graph.mean() != null || graph.scale() != null));
                if (graph.embeddedCard() != null) {
                    printCard(out, file + " (embedded card)", ModelCardJson.read(file.toString(),
                            graph.embeddedCard().getBytes(StandardCharsets.UTF_8)));
                } else {
                    out.println("no embedded model card: import with --card or --features/--action-space");
                }
            }
            out.flush();
            return 0;
        }

        private static long parameters(final List<DenseLayer> layers) {
            long n = 0;
            for (final DenseLayer l : layers) {
                n += (long) l.inputs() * l.outputs() + l.outputs();
            }
            return n;
        }

        private static void printCard(final PrintWriter out, final String where, final ModelCard card) {
            out.println("model: " + where);
            out.println("feature schema: " + card.featureSchemaId());
            for (int i = 0; i < card.features().size(); i++) {
                final FeatureSpec f = card.features().get(i);
                out.printf(Locale.ROOT, "  feature %d: %-22s mean %s scale %s%n", i, f.name(), f.mean(), f.scale());
            }
            out.println("action space: " + describe(card.actionSpace()));
            for (int k = 0; k < card.layers().size(); k++) {
                out.printf(Locale.ROOT, "  layer %d: %s%n", k, card.layers().get(k));
            }
            final var p = card.provenance();
            out.printf(Locale.ROOT, "provenance: algorithm %s, scenario %s, seed %d, trained %s, code %s %s%n",
                    p.algorithm(), p.scenario(), p.seed(), p.trainedAt(), p.codeVersion(), p.extra());
            if (card.trainingDomain().isEmpty()) {
                out.println("training domain: not recorded");
            } else {
                out.println("training domain:");
                for (final FeatureDomain d : card.trainingDomain()) {
                    out.printf(Locale.ROOT, "  %-22s min %s max %s mean %s std %s%n", d.name(), d.min(), d.max(),
                            d.mean(), d.std());
                }
            }
        }

        private static String describe(final ActionSpace space) {
            if (space instanceof ActionSpace.Discrete d) {
                return "discrete " + d.unit() + " " + Arrays.toString(d.values());
            }
            final ActionSpace.Continuous c = (ActionSpace.Continuous) space;
            return "continuous " + c.unit() + " [" + c.low() + ", " + c.high() + "] (tanh-squashed)";
        }
    }

    @Command(name = "export-onnx", mixinStandardHelpOptions = true,
            description = "Write a Slicer model as ONNX (Gemm/activation nodes as torch.onnx.export writes them,"
                    + " with Sub/Div input normalisation and the model card in metadata_props).")
    static final class ExportOnnx implements java.util.concurrent.Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--model", required = true, description = "model directory (model.safetensors + model.json)")
        Path model;

        @Option(names = "--out", required = true, description = "ONNX file to write")
        Path out;

        @Override
        public Integer call() {
            final PolicyModel loaded = PolicyModel.load(model);
            final byte[] onnx = OnnxModelWriter.write(loaded, CodeVersion.release());
            write(out, onnx);
            spec.commandLine().getErr().println("wrote " + out + " (" + onnx.length + " bytes, "
                    + loaded.card().layers().size() + " layers)");
            return 0;
        }
    }

    @Command(name = "import-onnx", mixinStandardHelpOptions = true,
            description = {"Turn an ONNX MLP (e.g. from torch.onnx.export) into a sealed Slicer model directory with a"
                    + " complete card, to run as model:DIR. An ONNX file has no feature schema or action space: they"
                    + " come from --features/--action-space (which win), --card, the card Slicer embeds when it"
                    + " exports, or the file's metadata_props (slicer.features, slicer.action_space).",
                    "Features are names from the engine's feature catalogue (README, Model files).",
                    "Normalisation is the graph's Sub/Div nodes, else identity, unless --normalisation says otherwise;"
                            + " a card's normalisation fitted with other weights is refused.",
                    "The training domain (what the kill switch holds live inputs to) is the card's, else measured"
                            + " while the model trades --domain-episodes episodes of --domain-scenario."})
    static final class ImportOnnx implements java.util.concurrent.Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--onnx", required = true, description = "ONNX file to read")
        Path onnx;

        @Option(names = "--out", required = true, description = "model directory to write")
        Path out;

        @Option(names = "--card", description = "model card JSON supplying schema, action space, provenance")
        Path card;

        @Option(names = "--features", split = ",", description = "ordered feature names, e.g. a,b,c")
        List<String> features;

        @Option(names = "--schema-id", description = "feature schema id (default: the card's, else "
                + ExecutionFeatures.SCHEMA_ID + ")")
        String schemaId;

        @Option(names = "--action-space", description = "discrete:UNIT:v1,v2,... or continuous:UNIT:LOW:HIGH")
        String actionSpace;

        @Option(names = "--normalisation", paramLabel = "MODE", defaultValue = "auto",
                description = "auto: the graph's, else the card's if fitted with these weights (its weightsSha256),"
                        + " else identity; identity; card: the card's on your word (default: ${DEFAULT-VALUE})")
        String normalisation;

        @Option(names = "--domain-scenario", paramLabel = "NAME", defaultValue = "liquid-stock",
                description = "scenario whose sample measures the training domain when the card gives none"
                        + " (default: ${DEFAULT-VALUE})")
        String domainScenario;

        @Option(names = "--domain-episodes", paramLabel = "N", defaultValue = "200",
                description = "episodes of that sample (default: ${DEFAULT-VALUE})")
        int domainEpisodes;

        @Option(names = "--domain-seed", paramLabel = "S", defaultValue = "" + TrainingSeeds.DEFAULT_TRAINING_SEED,
                description = "training seed of that sample, never the evaluation seed (default: ${DEFAULT-VALUE})")
        long domainSeed;

        @Option(names = "--force", description = "write into --out even if it already holds files")
        boolean force;

        @Override
        public Integer call() {
            CliArguments.requireFreshOutput("--out", out, force);
            TrainingSeeds.requireTrainingSeed(domainSeed);
            final ModelCard base = card == null ? null : ModelCardJson.read(card.toString(), read(card));
            final String schema = schemaId != null ? schemaId : base == null ? ExecutionFeatures.SCHEMA_ID : null;
            PolicyModel model = OnnxImport.toModel(onnx.toString(), read(onnx),
                    new OnnxImport.Options(base, schema, features, actionSpace == null ? null
                            : parseActionSpace(actionSpace), normalisationMode(normalisation)));
            // Another schema's features are not the engine's to compute: it can neither check nor measure them.
            final boolean engineFeatures = ExecutionFeatures.SCHEMA_ID.equals(model.card().featureSchemaId());
            if (engineFeatures) {
                ExecutionFeatures.of(model.card().featureNames());
            }
            final PrintWriter err = spec.commandLine().getErr();
            if (engineFeatures && model.card().trainingDomain().isEmpty()) {
                final List<FeatureDomain> domain = DomainSample.measure(model, Scenarios.byName(domainScenario),
                        domainEpisodes, domainSeed);
                final var p = model.card().provenance();
                final java.util.Map<String, String> extra = new java.util.TreeMap<>(p.extra());
                extra.put("trainingDomain", "measured while the model traded " + domainEpisodes + " episodes of "
                        + domainScenario + ", seed " + domainSeed);
                final ModelCard c = model.card();
                model = PolicyModel.of(new ModelCard(c.featureSchemaId(), c.features(), c.actionSpace(), List.of(),
                        new Provenance(p.algorithm(), p.scenario(), p.seed(), p.trainedAt(), p.codeVersion(), extra),
                        null, domain, c.modules()), model.layers());
                err.println("slicer model import-onnx: training domain measured on " + domainEpisodes
                        + " episodes of " + domainScenario + " (seed " + domainSeed + ")");
            }
            final ModelKeys.SigningKey key = ModelKeys.signingKey(ModelKeys.directory(),
                    notice -> err.println("slicer: " + notice));
            model.save(out, key);
            err.println("wrote " + out.resolve(PolicyModel.WEIGHTS_FILE) + ", " + PolicyModel.CARD_FILE + " and "
                    + ModelSeal.FILE + " (" + String.join(", ", model.card().layers()) + "; sealed with key "
                    + key.keyId() + ")");
            return 0;
        }
    }

    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = {"Create the firm's model signing key (Ed25519): signing.key and signing.pub in the keys"
                    + " directory (--keys, else $" + ModelKeys.ENV + ", else ~/.slicer/keys).",
                    "Commands that write a model create one there on first use; this makes it ahead of time and"
                            + " refuses to replace an existing key."})
    static final class Keygen implements java.util.concurrent.Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--keys", paramLabel = "DIR", description = "keys directory (default: the configured one)")
        Path keys;

        @Override
        public Integer call() {
            final Path dir = keys != null ? keys : ModelKeys.directory();
            final String id = ModelKeys.generate(dir);
            spec.commandLine().getOut().println("created model signing key " + id + " in " + dir + " ("
                    + ModelKeys.SIGNING_KEY + ", " + ModelKeys.SIGNING_PUB + ")");
            return 0;
        }
    }

    private static OnnxImport.Normalisation normalisationMode(final String text) {
        return switch (text) {
            case "auto" -> OnnxImport.Normalisation.AUTO;
            case "identity" -> OnnxImport.Normalisation.IDENTITY;
            case "card" -> OnnxImport.Normalisation.CARD;
            default -> throw new IllegalArgumentException("--normalisation '" + text
                    + "': expected auto, identity or card");
        };
    }

    /** "discrete:UNIT:v1,v2,..." or "continuous:UNIT:LOW:HIGH". */
    static ActionSpace parseActionSpace(final String text) {
        try {
            return ActionSpace.parse(text);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("--action-space: " + e.getMessage());
        }
    }

    private static byte[] read(final Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (final NoSuchFileException e) {
            throw new IllegalArgumentException(path + ": no such file");
        } catch (final IOException e) {
            throw new UncheckedIOException(path + ": " + e.getMessage(), e);
        }
    }

    private static void write(final Path path, final byte[] bytes) {
        try {
            final Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(path, bytes);
        } catch (final IOException e) {
            throw new UncheckedIOException(path + ": " + e.getMessage(), e);
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = {"Approves a sealed model for live trading: appends its identity (card and weights), the "
                    + "approver, the date and the reason to the approvals file.", "An unapproved model may run in "
                    + "shadow (run --shadow) and offline only."})
    static final class Approve implements java.util.concurrent.Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--model", required = true, paramLabel = "DIR", description = "model directory")
        Path model;

        @Option(names = "--by", required = true, paramLabel = "NAME", description = "who approves")
        String by;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why")
        String reason;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "approval date (default: today, UTC)")
        String date;

        @Option(names = "--approvals", paramLabel = "FILE",
                description = "approvals file (default: approvals.jsonl in the trusted-keys directory)")
        Path approvals;

        @Override
        public Integer call() {
            // Only a model whose seal holds can be approved: the approval names what the seal signs.
            final String identity = PolicyModel.load(model, ModelTrust.live())
                    .identity();
            final ModelApprovals.Approval a = new ModelApprovals.Approval(
                    identity, by, date != null ? date : LocalDate.now(ZoneOffset.UTC).toString(),
                    reason);
            final Path file = approvals != null ? approvals : ModelApprovals.defaultFile();
            ModelApprovals.append(file, a);
            spec.commandLine().getOut().println("approved " + model + " (identity " + identity + ") as approval "
                    + a.id() + " by " + a.approver() + " on " + a.date() + " in " + file);
            return 0;
        }
    }
}
