package io.slicer.engine.strategy;

import io.slicer.engine.order.ChildTactic;
import io.slicer.engine.order.TacticChooser;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.model.ActionSpace;
import io.slicer.policy.seal.ModelTrust;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one registry of strategy specs, {@code NAME} or {@code NAME:ARGUMENT}, as written on the command line, in an
 * engine's set-up and in a journal's SESSION. The command line, the engine builder and journal recovery all resolve
 * specs through an instance of this class.
 * <ul>
 *   <li>{@code twap}: exact equal slices.</li>
 *   <li>{@code vwap}: slices proportional to the order's expected volume profile.</li>
 *   <li>{@code vwap:adaptive}: VWAP whose remaining schedule is re-scaled by the volume realised so far
 *       ({@link AdaptiveVwap}).</li>
 *   <li>{@code pov}, {@code pov:RATE}, {@code pov:RATE:CAP}: participation RATE (default 0.10), hard cap CAP
 *       (default: the order's participation limit if it is at least RATE, else 2 * RATE, at most 1).</li>
 *   <li>{@code ac}, {@code ac:LAMBDA}: Almgren-Chriss for risk aversion LAMBDA (default: the risk-aversion option).</li>
 *   <li>{@code twap-seed}, {@code vwap-seed}: the seed notebook's versions, for reproduction only.</li>
 *   <li>{@code twap-iql-seed}: the constrained-IQL seed's baseline, for reproduction only.</li>
 *   <li>{@code dqn:DIR}, {@code iql:DIR} ({@link #standard()} only): a model directory, run by
 *       {@link PolicyStrategy}; its card must name the matching algorithm (a DQN has a discrete action space, an
 *       IQL actor a continuous one) and its seal must satisfy the registry's {@link ModelTrust}.</li>
 *   <li>{@code model:DIR} ({@link #standard()} only): any model directory with a card, whatever trained it (an
 *       imported ONNX or safetensors network): its card's features, action space and head decide; its seal is checked
 *       as for {@code dqn:DIR}.</li>
 * </ul>
 * Any spec may end in {@code /TACTIC}, how each slice's child works the book ({@link ChildTactic}: {@code cross},
 * {@code join}, {@code step}, {@code peg}, {@code peg:mid}), e.g. {@code twap/join}, {@code dqn:models/dqn/step}; the
 * factory then reports it as {@link StrategyFactory#tactic()}. Without one, children cross, as they always did.
 * {@code SPEC/learned:DIR} picks each child's tactic with the chooser trained into DIR ({@link TacticChooser},
 * {@link StrategyFactory#tacticChooser()}); its seal is checked as the registry's {@link ModelTrust} says, as a policy
 * model's is ({@link #standard(ModelTrust)}: {@link ModelTrust#live()} to trade), and the engine runs it per child.
 * Every argument is checked when the spec is resolved, before any order: the command line, the API and the journal
 * refuse the same bad spec with the same message.
 * Other modules add families with {@link #with}: the journal resolves {@code policy:<sha256>} from its model archive,
 * the tools the dynamic-programming optimum {@code dp}. Immutable: {@code with} returns a new registry, so no
 * registration anywhere changes what another caller resolves.
 */
public final class StrategyRegistry {
    /** Turns the part after {@code NAME:} (null when absent) and the risk-aversion option into a factory. */
    @FunctionalInterface
    public interface Family {
        StrategyFactory factory(String argument, double riskAversion);
    }

    /** The prefix of a model directory whatever trained it: {@code model:DIR}. */
    public static final String MODEL = "model";

    private static final StrategyRegistry SCHEDULES = new StrategyRegistry(new TreeMap<>())
            .with(Twap.NAME, (arg, lambda) -> {
                noArgument(Twap.NAME, arg);
                return terms -> new Twap(terms.slices());
            })
            .with(Vwap.NAME, (arg, lambda) -> {
                if (arg == null) {
                    return terms -> new Vwap(terms.expectedVolumeProfile());
                }
                if ("adaptive".equals(arg)) {
                    return terms -> new AdaptiveVwap(terms.expectedVolumeProfile());
                }
                throw new IllegalArgumentException("strategy 'vwap:" + arg + "': expected vwap or vwap:adaptive");
            })
            .with(Pov.NAME, StrategyRegistry::pov)
            .with("ac", (arg, lambda) -> {
                final double l = arg == null ? lambda : number("ac", arg, "risk aversion lambda");
                if (!(l >= 0)) {
                    throw new IllegalArgumentException("strategy 'ac" + (arg == null ? "" : ":" + arg)
                            + "': risk aversion lambda must be >= 0, found " + l);
                }
                return terms -> new AlmgrenChrissStrategy(AlmgrenChriss.of(terms, l), l);
            })
            .with(TwapSeed.NAME, (arg, lambda) -> {
                noArgument(TwapSeed.NAME, arg);
                return terms -> new TwapSeed();
            })
            .with(SeedIqlBaseline.NAME, (arg, lambda) -> {
                noArgument(SeedIqlBaseline.NAME, arg);
                return terms -> new SeedIqlBaseline();
            })
            .with(VwapSeed.NAME, (arg, lambda) -> {
                noArgument(VwapSeed.NAME, arg);
                return terms -> new VwapSeed(terms.slices());
            });

    private static final StrategyRegistry STANDARD = SCHEDULES
            .with("dqn", (arg, lambda) -> modelDirectory("dqn", arg, ModelTrust.offline()))
            .with("iql", (arg, lambda) -> modelDirectory("iql", arg, ModelTrust.offline()))
            .with(MODEL, (arg, lambda) -> modelDirectory(MODEL, arg, ModelTrust.offline()));

    /** What introduces a learned tactic chooser after a spec: {@code twap/learned:DIR}. */
    public static final String LEARNED = "/learned:";

    private final Map<String, Family> families;

    /** How a {@code learned:DIR} chooser's seal is checked: {@link ModelTrust#offline()} unless built to trade. */
    private final ModelTrust chooserTrust;

    private StrategyRegistry(final Map<String, Family> families) {
        this(families, ModelTrust.offline());
    }

    private StrategyRegistry(final Map<String, Family> families, final ModelTrust chooserTrust) {
        this.families = families;
        this.chooserTrust = chooserTrust;
    }

    /** The classic schedules and the seeds' baselines. */
    public static StrategyRegistry schedules() {
        return SCHEDULES;
    }

    /**
     * The schedules plus learned models from their directories ({@code dqn:DIR}, {@code iql:DIR}), their seals checked
     * as {@link ModelTrust#offline()} says (evaluation, replay).
     */
    public static StrategyRegistry standard() {
        return STANDARD;
    }

    /** {@link #standard()} with models' seals checked as {@code trust} says ({@link ModelTrust#live()} to trade). */
    public static StrategyRegistry standard(final ModelTrust trust) {
        return new StrategyRegistry(SCHEDULES.families, trust)
                .with("dqn", (arg, lambda) -> modelDirectory("dqn", arg, trust))
                .with("iql", (arg, lambda) -> modelDirectory("iql", arg, trust))
                .with(MODEL, (arg, lambda) -> modelDirectory(MODEL, arg, trust));
    }

    /** This registry plus {@code prefix}; a prefix can be registered once. */
    public StrategyRegistry with(final String prefix, final Family family) {
        if (prefix.isEmpty() || prefix.indexOf(':') >= 0) {
            throw new IllegalArgumentException("strategy prefix must be non-empty and contain no ':', found '" + prefix
                    + "'");
        }
        if (families.containsKey(prefix)) {
            throw new IllegalArgumentException("strategy prefix '" + prefix + "' is already registered");
        }
        final Map<String, Family> more = new TreeMap<>(families);
        more.put(prefix, family);
        return new StrategyRegistry(Collections.unmodifiableMap(more), chooserTrust);
    }

    /** Known prefixes, sorted. */
    public Set<String> names() {
        return families.keySet();
    }

    /** A factory for {@code spec}; {@code riskAversion} is used by specs that take lambda from the options. */
    public StrategyFactory factory(final String spec, final double riskAversion) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty strategy name; expected one of " + names()
                    + " (optionally NAME:ARGUMENT)");
        }
        final int learned = spec.indexOf(LEARNED);
        if (learned > 0) {
            // learned:DIR holds a path, so it is found by its prefix, not by the last '/'.
            return factory(spec.substring(0, learned), riskAversion).withTacticChooser(
                    TacticChooser.load(spec.substring(learned + LEARNED.length()), chooserTrust));
        }
        final int slash = spec.lastIndexOf('/');
        if (slash >= 0) {
            final String tactic = spec.substring(slash + 1);
            if (ChildTactic.isTactic(tactic)) {
                return factory(spec.substring(0, slash), riskAversion).withTactic(ChildTactic.parse(tactic));
            }
            final int firstColon = spec.indexOf(':');
            if (firstColon < 0 || firstColon > spec.indexOf('/')) {
                // A schedule's spec holds no path, so what follows its '/' can only have meant a tactic.
                throw new IllegalArgumentException("strategy '" + spec + "': unknown tactic '" + tactic
                        + "', expected SPEC/TACTIC with TACTIC one of " + ChildTactic.names());
            }
        }
        final int colon = spec.indexOf(':');
        final String prefix = colon < 0 ? spec : spec.substring(0, colon);
        final String argument = colon < 0 ? null : spec.substring(colon + 1);
        final Family family = families.get(prefix);
        if (family == null) {
            throw new IllegalArgumentException("unknown strategy '" + spec + "', expected one of " + names()
                    + " (optionally NAME:ARGUMENT)");
        }
        return family.factory(argument, riskAversion);
    }

    /** A factory for {@code spec} with risk aversion 0. */
    public StrategyFactory factory(final String spec) {
        return factory(spec, 0.0);
    }

    private static StrategyFactory pov(final String arg, final double lambda) {
        double rate = Pov.DEFAULT_RATE;
        double cap = Double.NaN;
        if (arg != null) {
            final String[] parts = arg.split(":", -1);
            if (parts.length > 2) {
                throw new IllegalArgumentException("strategy 'pov:" + arg + "': expected pov, pov:RATE or pov:RATE:CAP");
            }
            rate = number("pov", parts[0], "participation rate");
            if (!(rate > 0 && rate <= 1)) {
                throw new IllegalArgumentException("strategy 'pov:" + arg + "': participation rate must be in (0, 1],"
                        + " found " + parts[0]);
            }
            if (parts.length == 2) {
                cap = number("pov", parts[1], "hard cap");
                if (!(cap >= rate && cap <= 1)) {
                    throw new IllegalArgumentException("strategy 'pov:" + arg + "': hard cap must be in [rate " + rate
                            + ", 1], found " + parts[1]);
                }
            }
        }
        final double r = rate;
        final double explicitCap = cap;
        return terms -> {
            double hardCap = explicitCap;
            if (Double.isNaN(hardCap)) {
                final double desk = terms.participationLimit();
                hardCap = !Double.isNaN(desk) && desk >= r ? desk : Math.min(1.0, 2 * r);
            }
            return new Pov(r, hardCap, terms.expectedVolumeProfile());
        };
    }

    /**
     * A model directory: loaded, its seal checked as {@code trust} says, and validated once, shared by every order.
     * {@code dqn} and {@code iql} also hold the card to the algorithm and head they name; {@code model} takes any.
     */
    private static StrategyFactory modelDirectory(final String algorithm, final String dir, final ModelTrust trust) {
        if (dir == null || dir.isBlank()) {
            throw new IllegalArgumentException("strategy '" + algorithm + "' needs a model directory: " + algorithm
                    + ":DIR");
        }
        if (!Files.isDirectory(Path.of(dir))) {
            throw new IllegalArgumentException("strategy '" + algorithm + ":" + dir + "': " + dir
                    + ": no such model directory (expected model.safetensors and model.json there)");
        }
        final PolicyModel model = PolicyModel.load(Path.of(dir), trust);
        if (MODEL.equals(algorithm)) {
            return PolicyStrategy.factory(algorithm + ":" + dir, model);
        }
        final String trained = model.card().provenance().algorithm();
        if (!algorithm.equals(trained)) {
            // Only dqn and iql are prefixes named after a trainer; any other model runs as model:DIR.
            final boolean ownPrefix = "dqn".equals(trained) || "iql".equals(trained);
            throw new IllegalArgumentException(dir + ": model card names algorithm '" + trained + "', not '"
                    + algorithm + "'; use " + (ownPrefix ? trained : MODEL) + ":" + dir);
        }
        final boolean discrete = model.card().actionSpace() instanceof ActionSpace.Discrete;
        if (discrete != "dqn".equals(algorithm)) {
            throw new IllegalArgumentException(dir + ": a " + algorithm + " model needs a "
                    + ("dqn".equals(algorithm) ? "discrete" : "continuous") + " action space, the card has a "
                    + (discrete ? "discrete" : "continuous") + " one");
        }
        return PolicyStrategy.factory(algorithm + ":" + dir, model);
    }

    private static double number(final String name, final String text, final String what) {
        try {
            final double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("strategy '" + name + ":" + text + "': expected a number for the "
                    + what + ", found '" + text + "'");
        }
    }

    private static void noArgument(final String name, final String arg) {
        if (arg != null) {
            throw new IllegalArgumentException("strategy '" + name + "' takes no argument, found '" + name + ":" + arg
                    + "'");
        }
    }
}
