package io.slicer.policy.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.slicer.policy.model.ActionSpace;
import io.slicer.policy.model.FeatureDomain;
import io.slicer.policy.model.FeatureSpec;
import io.slicer.policy.model.ModelCard;
import io.slicer.policy.model.ModelFormatException;
import io.slicer.policy.model.Provenance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The model card as JSON ({@code model.json}). Writing is byte-deterministic: keys sorted, two-space indent, "\n"
 * line ends, numbers in the shortest form that reads back to the same float or double (Jackson's Schubfach writer,
 * which does not depend on the JDK's {@code Double.toString}). Reading checks every field and names the missing or
 * malformed one.
 *
 * <pre>
 * {
 *   "actionSpace" : { "type" : "discrete", "unit" : "fraction_of_remaining", "values" : [ 0.0, 0.05, ... ] },
 *                 | { "type" : "continuous", "unit" : "participation", "low" : 0.0, "high" : 0.2 },
 *   "featureSchemaId" : "slicer.execution.v1",
 *   "features" : [ { "mean" : 0.5, "name" : "time_remaining", "scale" : 0.29 }, ... ],
 *   "format" : "slicer-model-card/1",
 *   "layers" : [ "dense 8->64 relu", ... ],
 *   "modules" : [ "l1", "l2", "mean" ],               (optional: the tensor prefixes that are the layers, in order)
 *   "provenance" : { "algorithm", "codeVersion", "extra" : { }, "scenario", "seed", "trainedAt" },
 *   "trainingDomain" : [ { "max", "mean", "min", "name", "std" }, ... ],
 *   "weightsSha256" : "64 hex digits of model.safetensors"
 * }
 * </pre>
 */
public final class ModelCardJson {
    /** Value of the "format" key; bump when the layout changes incompatibly. */
    public static final String FORMAT = "slicer-model-card/1";

    /** Refuses a key given twice: with two values for one field, which one a reader takes is not the writer's call. */
    private static final ObjectMapper READER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectWriter WRITER;

    static {
        final ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build());
        final DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        final DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(indenter);
        WRITER = mapper.writer(printer);
    }

    private ModelCardJson() {
    }

    public static byte[] write(final ModelCard card) {
        final Map<String, Object> root = new TreeMap<>();
        root.put("format", FORMAT);
        root.put("featureSchemaId", card.featureSchemaId());
        final List<Object> features = new ArrayList<>();
        for (final FeatureSpec f : card.features()) {
            final Map<String, Object> m = new TreeMap<>();
            m.put("name", f.name());
            m.put("mean", f.mean());
            m.put("scale", f.scale());
            features.add(m);
        }
        root.put("features", features);
        root.put("actionSpace", actionSpace(card.actionSpace()));
        root.put("layers", card.layers());
        if (!card.modules().isEmpty()) {
            // Written only when set, so the canonical form (and the identity) of every other card is unchanged.
            root.put("modules", card.modules());
        }
        final Provenance p = card.provenance();
        final Map<String, Object> prov = new TreeMap<>();
        prov.put("algorithm", p.algorithm());
        prov.put("scenario", p.scenario());
        prov.put("seed", p.seed());
        prov.put("trainedAt", p.trainedAt());
        prov.put("codeVersion", p.codeVersion());
        prov.put("extra", new TreeMap<>(p.extra()));
        root.put("provenance", prov);
        root.put("weightsSha256", card.weightsSha256());
        final List<Object> domain = new ArrayList<>();
        for (final FeatureDomain d : card.trainingDomain()) {
            final Map<String, Object> m = new TreeMap<>();
            m.put("name", d.name());
            m.put("min", d.min());
            m.put("max", d.max());
            m.put("mean", d.mean());
            m.put("std", d.std());
            domain.add(m);
        }
        root.put("trainingDomain", domain);
        try {
            final String text = WRITER.writeValueAsString(root) + "\n";
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("model card could not be serialised", e);
        }
    }

    private static Map<String, Object> actionSpace(final ActionSpace space) {
        final Map<String, Object> m = new TreeMap<>();
        m.put("unit", space.unit());
        if (space instanceof ActionSpace.Discrete d) {
            m.put("type", "discrete");
            final List<Double> values = new ArrayList<>();
            for (final double v : d.values()) {
                values.add(v);
            }
            m.put("values", values);
        } else if (space instanceof ActionSpace.Continuous c) {
            m.put("type", "continuous");
            m.put("low", c.low());
            m.put("high", c.high());
        }
        return m;
    }

    /** Parses a card; {@code source} names the file in error messages. */
    public static ModelCard read(final String source, final byte[] bytes) {
        final JsonNode root;
        try {
            root = READER.readTree(bytes);
        } catch (final JsonProcessingException e) {
            final String line = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new ModelFormatException(source + line + ": not valid JSON: " + firstLine(e.getOriginalMessage()));
        } catch (final java.io.IOException e) {
            throw new ModelFormatException(source + ": not valid JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new ModelFormatException(source + ": expected a JSON object (a Slicer model card)");
        }
        final Fields f = new Fields(source);
        final String format = f.text(root, "format");
        if (!FORMAT.equals(format)) {
            throw new ModelFormatException(source + ": format is '" + format + "', expected '" + FORMAT + "'");
        }
        final String schemaId = f.text(root, "featureSchemaId");
        final List<FeatureSpec> features = new ArrayList<>();
        final JsonNode featureArray = f.array(root, "features");
        for (int i = 0; i < featureArray.size(); i++) {
            final JsonNode n = featureArray.get(i);
            final String at = "features[" + i + "]";
            features.add(new FeatureSpec(f.text(n, at, "name"), f.floatValue(n, at, "mean"),
                    f.floatValue(n, at, "scale")));
        }
        final ActionSpace actionSpace = readActionSpace(f, f.object(root, "actionSpace"));
        final List<String> layers = new ArrayList<>();
        final JsonNode layerArray = f.array(root, "layers");
        for (int i = 0; i < layerArray.size(); i++) {
            final JsonNode n = layerArray.get(i);
            if (!n.isTextual()) {
                throw new ModelFormatException(source + ": layers[" + i + "] must be a string like 'dense 8->64 relu'");
            }
            layers.add(n.asText());
        }
        final List<String> modules = new ArrayList<>();
        final JsonNode moduleNode = root.get("modules");
        if (moduleNode != null && !moduleNode.isNull()) {
            if (!moduleNode.isArray()) {
                throw new ModelFormatException(source + ": field 'modules' must be an array of tensor prefixes");
            }
            for (int i = 0; i < moduleNode.size(); i++) {
                final JsonNode n = moduleNode.get(i);
                if (!n.isTextual() || n.asText().isBlank()) {
                    throw new ModelFormatException(source + ": modules[" + i + "] must be a tensor prefix such as 'l1'");
                }
                modules.add(n.asText());
            }
        }
        final JsonNode p = f.object(root, "provenance");
        final Map<String, String> extra = new TreeMap<>();
        final JsonNode extraNode = p.get("extra");
        if (extraNode != null && !extraNode.isNull()) {
            if (!extraNode.isObject()) {
                throw new ModelFormatException(source + ": provenance.extra must be an object of strings");
            }
            final Iterator<Map.Entry<String, JsonNode>> it = extraNode.fields();
            while (it.hasNext()) {
                final Map.Entry<String, JsonNode> e = it.next();
                extra.put(e.getKey(), e.getValue().asText());
            }
        }
        final Provenance provenance = new Provenance(f.optionalText(p, "provenance", "algorithm"),
                f.optionalText(p, "provenance", "scenario"), f.longValue(p, "provenance", "seed"),
                f.optionalText(p, "provenance", "trainedAt"), f.optionalText(p, "provenance", "codeVersion"), extra);
        final String sha = f.optionalText(root, "", "weightsSha256");
        final List<FeatureDomain> domain = new ArrayList<>();
        final JsonNode domainNode = root.get("trainingDomain");
        if (domainNode != null && !domainNode.isNull()) {
            if (!domainNode.isArray()) {
                throw new ModelFormatException(source + ": trainingDomain must be an array");
            }
            for (int i = 0; i < domainNode.size(); i++) {
                final JsonNode n = domainNode.get(i);
                final String at = "trainingDomain[" + i + "]";
                domain.add(new FeatureDomain(f.text(n, at, "name"), f.doubleValue(n, at, "min"),
                        f.doubleValue(n, at, "max"), f.doubleValue(n, at, "mean"), f.doubleValue(n, at, "std")));
            }
        }
        return new ModelCard(schemaId, features, actionSpace, layers, provenance, sha, domain, modules);
    }

    private static ActionSpace readActionSpace(final Fields f, final JsonNode n) {
        final String type = f.text(n, "actionSpace", "type");
        final String unit = f.text(n, "actionSpace", "unit");
        switch (type) {
            case "discrete": {
                final JsonNode values = n.get("values");
                if (values == null || !values.isArray()) {
                    throw new ModelFormatException(f.source + ": actionSpace.values must be an array of numbers");
                }
                final double[] v = new double[values.size()];
                for (int i = 0; i < v.length; i++) {
                    if (!values.get(i).isNumber()) {
                        throw new ModelFormatException(f.source + ": actionSpace.values[" + i + "] is not a number");
                    }
                    v[i] = values.get(i).doubleValue();
                }
                return new ActionSpace.Discrete(unit, v);
            }
            case "continuous":
                return new ActionSpace.Continuous(unit, f.doubleValue(n, "actionSpace", "low"),
                        f.doubleValue(n, "actionSpace", "high"));
            default:
                throw new ModelFormatException(f.source + ": actionSpace.type is '" + type
                        + "', expected 'discrete' or 'continuous'");
        }
    }

    private static String firstLine(final String s) {
        final int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }

    /** Field accessors whose errors name the file and the JSON path. */
    private static final class Fields {
        final String source;

        Fields(final String source) {
            this.source = source;
        }

        private JsonNode require(final JsonNode parent, final String at, final String key) {
            final JsonNode n = parent.get(key);
            if (n == null || n.isNull()) {
                throw new ModelFormatException(source + ": field '" + path(at, key) + "' is missing");
            }
            return n;
        }

        private static String path(final String at, final String key) {
            return at.isEmpty() ? key : at + "." + key;
        }

        String text(final JsonNode parent, final String key) {
            return text(parent, "", key);
        }

        String text(final JsonNode parent, final String at, final String key) {
            final JsonNode n = require(parent, at, key);
            if (!n.isTextual()) {
                throw new ModelFormatException(source + ": field '" + path(at, key) + "' must be a string, found "
                        + n.getNodeType());
            }
            return n.asText();
        }

        String optionalText(final JsonNode parent, final String at, final String key) {
            final JsonNode n = parent.get(key);
            return n == null || n.isNull() ? null : text(parent, at, key);
        }

        JsonNode array(final JsonNode parent, final String key) {
            final JsonNode n = require(parent, "", key);
            if (!n.isArray()) {
                throw new ModelFormatException(source + ": field '" + key + "' must be an array");
            }
            return n;
        }

        JsonNode object(final JsonNode parent, final String key) {
            final JsonNode n = require(parent, "", key);
            if (!n.isObject()) {
                throw new ModelFormatException(source + ": field '" + key + "' must be an object");
            }
            return n;
        }

        private JsonNode number(final JsonNode parent, final String at, final String key) {
            final JsonNode n = require(parent, at, key);
            if (!n.isNumber()) {
                throw new ModelFormatException(source + ": field '" + path(at, key) + "' must be a number, found "
                        + n.getNodeType());
            }
            return n;
        }

        float floatValue(final JsonNode parent, final String at, final String key) {
            final JsonNode n = number(parent, at, key);
            return n.isBigDecimal() ? n.decimalValue().floatValue() : n.floatValue();
        }

        double doubleValue(final JsonNode parent, final String at, final String key) {
            final JsonNode n = number(parent, at, key);
            return n.isBigDecimal() ? n.decimalValue().doubleValue() : n.doubleValue();
        }

        long longValue(final JsonNode parent, final String at, final String key) {
            final JsonNode n = number(parent, at, key);
            if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                throw new ModelFormatException(source + ": field '" + path(at, key) + "' must be an integer");
            }
            return n.longValue();
        }
    }
}
