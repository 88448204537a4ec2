package io.slicer.tools.train;

import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.model.ActionSpace;
import io.slicer.policy.model.Activation;
import io.slicer.policy.model.DenseLayer;
import io.slicer.policy.model.FeatureDomain;
import io.slicer.policy.model.FeatureSpec;
import io.slicer.policy.model.ModelCard;
import io.slicer.policy.model.Provenance;
import io.slicer.policy.seal.ModelKeys;
import io.slicer.tools.train.nn.Mlp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link TrainedPolicy} into a policy-inference model: weights rounded to float once, the feature schema with
 * the normalisation the network was trained behind, the training domain, the action space and provenance.
 *
 * <p>{@code trainedAt} is not a wall-clock time (that would make two runs with one seed write different files): it is
 * {@code "seed-<S>"}, the only input that distinguishes two runs of one code version on one scenario.
 */
public final class ModelExport {
    private ModelExport() {
    }

    public static PolicyModel toModel(final TrainedPolicy p, final String codeVersion) {
        final Mlp net = p.network();
        final List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l < net.layerCount(); l++) {
            layers.add(new DenseLayer(net.width(l), net.width(l + 1), activation(net.activation(l)),
                    toFloat(net.weight(l)), toFloat(net.bias(l))));
        }
        final List<FeatureSpec> specs = new ArrayList<>();
        final List<FeatureDomain> domain = new ArrayList<>();
        final FeatureStatistics stats = p.domain();
        for (int i = 0; i < ExecutionFeatures.COUNT; i++) {
            final String name = ExecutionFeatures.NAMES.get(i);
            specs.add(new FeatureSpec(name, (float) p.normalizer().mean(i), (float) p.normalizer().scale(i)));
            domain.add(new FeatureDomain(name, stats.min(i), stats.max(i), stats.mean(i), stats.std(i)));
        }
        final ActionSpace space = p.discrete()
                ? new ActionSpace.Discrete(p.unit().id(), p.actionValues())
                : new ActionSpace.Continuous(p.unit().id(), p.low(), p.high());
        final Provenance provenance = new Provenance(p.algorithm(), p.scenario(), p.seed(), "seed-" + p.seed(),
                codeVersion, p.provenanceExtra());
        final ModelCard card = new ModelCard(ExecutionFeatures.SCHEMA_ID, specs, space, List.of(), provenance, null,
                domain);
        return PolicyModel.of(card, layers);
    }

    /**
     * Writes the model files, sealed with the firm's signing key ({@link ModelKeys#directory()}; a fresh installation
     * gets one, announced on standard error), and {@code learning_curve.csv} into {@code dir}; returns the model.
     */
    public static PolicyModel save(final TrainedPolicy p, final String codeVersion, final Path dir) {
        final PolicyModel model = toModel(p, codeVersion);
        model.save(dir, ModelKeys.signingKey(ModelKeys.directory(), notice -> System.err.println("slicer: " + notice)));
        p.curve().write(dir);
        return model;
    }

    private static Activation activation(final io.slicer.tools.train.nn.Nonlinearity f) {
        return Activation.valueOf(f.name());
    }

    private static float[] toFloat(final double[] v) {
        final float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
