package io.slicer.engine.order;

import io.slicer.policy.InferenceContext;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.model.ActionSpace;
import io.slicer.policy.model.ModelFormatException;
import io.slicer.policy.seal.ModelTrust;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A learned tactic chooser, {@code SPEC/learned:DIR}: a small Q-network over {@link TacticFeatures} that picks, for
 * each slice's child, the {@link ChildTactic} with the highest value (minus the expected cost of the child against
 * the slice's mid, in bps). Its model card must speak {@link TacticFeatures#SCHEMA_ID}, name only features the
 * catalogue has, and carry a discrete action space in unit {@value #UNIT} whose values are the ordinals of the
 * tactics it chooses between; anything else is refused at load with one line.
 *
 * <p>{@link #choose} is allocation-free after construction; one instance per thread ({@link #copy} for another).
 */
public final class TacticChooser {
    /** The action space's unit on a chooser's card. */
    public static final String UNIT = "child_tactic";
    /** The algorithm a chooser's card names in its provenance. */
    public static final String ALGORITHM = "tactic-dqn";

    private final String spec;
    private final PolicyModel model;
    private final TacticFeatures features;
    private final ChildTactic[] actions;
    private final InferenceContext context;

    private TacticChooser(final String spec, final PolicyModel model) {
        model.requireSchema(TacticFeatures.SCHEMA_ID);
        this.spec = spec;
        this.model = model;
        this.features = TacticFeatures.of(model.card().featureNames());
        if (!(model.card().actionSpace() instanceof ActionSpace.Discrete d) || !UNIT.equals(d.unit())) {
            throw new ModelFormatException("a tactic chooser needs a discrete action space in unit '" + UNIT
                    + "', the card has " + model.card().actionSpace());
        }
        final double[] values = d.values();
        actions = new ChildTactic[values.length];
        for (int i = 0; i < values.length; i++) {
            final int ordinal = (int) values[i];
            if (ordinal != values[i] || ordinal < 0 || ordinal >= ChildTactic.values().length) {
                throw new ModelFormatException("tactic chooser action " + i + " is " + values[i]
                        + ", expected the ordinal of one of " + ChildTactic.names());
            }
            actions[i] = ChildTactic.values()[ordinal];
        }
        this.context = model.newContext();
    }

    /** A chooser over an in-memory model (the trainer's), validated as {@link #load} validates a file. */
    public static TacticChooser of(final String spec, final PolicyModel model) {
        return new TacticChooser(spec, model);
    }

    /** Loads the chooser in {@code dir}, its seal checked as {@code trust} says; {@code learned:DIR} names it. */
    public static TacticChooser load(final String dir, final ModelTrust trust) {
        if (dir == null || dir.isBlank()) {
            throw new IllegalArgumentException("tactic 'learned' needs a model directory: learned:DIR");
        }
        if (!Files.isDirectory(Path.of(dir))) {
            throw new IllegalArgumentException("tactic 'learned:" + dir + "': " + dir
                    + ": no such model directory (expected model.safetensors and model.json there)");
        }
        final PolicyModel model = PolicyModel.load(Path.of(dir), trust);
        final String trained = model.card().provenance() == null ? null : model.card().provenance().algorithm();
        if (!ALGORITHM.equals(trained)) {
            throw new IllegalArgumentException(dir + ": model card names algorithm '" + trained + "', not '"
                    + ALGORITHM + "'; a tactic chooser is trained by 'slicer train tactic'");
        }
        try {
            return new TacticChooser("learned:" + dir, model);
        } catch (final ModelFormatException e) {
            throw new IllegalArgumentException(dir + ": " + e.getMessage());
        }
    }

    /** Another chooser over the same model, for another thread. */
    public TacticChooser copy() {
        return new TacticChooser(spec, model);
    }

    /** As written after the {@code /}: {@code learned:DIR}. */
    public String spec() {
        return spec;
    }

    public TacticFeatures features() {
        return features;
    }

    public PolicyModel model() {
        return model;
    }

    /** The tactic for a child; the arguments are {@link TacticFeatures#compute}'s. */
    public ChildTactic choose(final int sign, final long bidTicks, final long askTicks, final long bidSize,
                              final long askSize, final long childShares, final double sliceTimeLeft,
                              final double inventoryRemaining, final long buyVolume, final long sellVolume) {
        features.compute(sign, bidTicks, askTicks, bidSize, askSize, childShares, sliceTimeLeft, inventoryRemaining,
                buyVolume, sellVolume, context.input());
        context.forward();
        return actions[context.argmax()];
    }
}
