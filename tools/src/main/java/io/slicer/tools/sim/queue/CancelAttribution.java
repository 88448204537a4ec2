package io.slicer.tools.sim.queue;

/**
 * How much of a cancellation at our price came from the queue ahead of us. Level-1 data says how much was cancelled
 * at a price, not where in the queue it stood, so this is a model, chosen on the command line after the scenario's
 * name ({@code lobster:AMZN:60:10:risk-averse}); the options follow hftbacktest's queue models:
 * <ul>
 *   <li>{@code pro-rata} (the default): in proportion to the size ahead and behind, {@code c * A / (A + B)}. Every
 *       share resting at our price is equally likely to be the one cancelled.</li>
 *   <li>{@code risk-averse} (hftbacktest's {@code RiskAverseQueueModel}): cancellations come from behind us; the
 *       queue ahead shrinks only when the level holds less than it, {@code max(0, c - B)}. Only trades advance us,
 *       so fills are the fewest any model gives.</li>
 *   <li>{@code power:N} (hftbacktest's {@code PowerProbQueueFunc}): {@code c * f(A) / (f(A) + f(B))} with
 *       {@code f(x) = x^N}; {@code power:1} is pro rata, a larger N takes more from the longer side.</li>
 *   <li>{@code log} (hftbacktest's {@code LogProbQueueFunc}): the same with {@code f(x) = ln(1 + x)}.</li>
 * </ul>
 * Whatever the model, the part taken from ahead is between {@code c - B} and {@code min(c, A)}: a cancellation
 * cannot remove more than rests on either side of us. Immutable.
 */
public final class CancelAttribution {
    private static final int PRO_RATA = 0;
    private static final int RISK_AVERSE = 1;
    private static final int POWER = 2;
    private static final int LOG = 3;

    public static final CancelAttribution PRO_RATA_MODEL = new CancelAttribution(PRO_RATA, 1.0, "pro-rata");
    public static final CancelAttribution RISK_AVERSE_MODEL = new CancelAttribution(RISK_AVERSE, 0.0, "risk-averse");

    private final int kind;
    private final double power;
    private final String spec;

    private CancelAttribution(final int kind, final double power, final String spec) {
        this.kind = kind;
        this.power = power;
        this.spec = spec;
    }

    /** {@code pro-rata}, {@code risk-averse}, {@code power:N} (N > 0) or {@code log}. */
    public static CancelAttribution parse(final String text) {
        if ("pro-rata".equals(text)) {
            return PRO_RATA_MODEL;
        }
        if ("risk-averse".equals(text)) {
            return RISK_AVERSE_MODEL;
        }
        if ("log".equals(text)) {
            return new CancelAttribution(LOG, 0.0, "log");
        }
        if (text != null && text.startsWith("power:")) {
            final String n = text.substring("power:".length());
            try {
                final double p = Double.parseDouble(n);
                if (p > 0 && Double.isFinite(p)) {
                    return new CancelAttribution(POWER, p, text);
                }
            } catch (final NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("queue model '" + text + "': expected power:N with N a positive "
                    + "number, found '" + n + "'");
        }
        throw new IllegalArgumentException("unknown queue model '" + text + "', expected " + NAMES);
    }

    /** The models as written, for messages. */
    public static final String NAMES = "pro-rata, risk-averse, power:N or log";

    /** True when {@code text} looks like a queue model's name (so a scenario spec may end in it). */
    public static boolean isModelName(final String text) {
        return "pro-rata".equals(text) || "risk-averse".equals(text) || "log".equals(text)
                || text.startsWith("power:");
    }

    /** As written. */
    public String spec() {
        return spec;
    }

    /**
     * Shares of a cancellation of {@code cancelled} at our price that stood ahead of us, with {@code ahead} and
     * {@code behind} resting there before it.
     */
    public long fromAhead(final long cancelled, final long ahead, final long behind) {
        final long least = Math.max(0, cancelled - behind);
        final long most = Math.min(cancelled, ahead);
        if (ahead <= 0) {
            return 0;
        }
        final long share = switch (kind) {
            case RISK_AVERSE -> least;
            case PRO_RATA -> Math.round((double) cancelled * ahead / (ahead + behind));
            default -> {
                final double fa = weight(ahead);
                final double fb = weight(behind);
                yield Math.round(cancelled * fa / (fa + fb));
            }
        };
        return Math.max(least, Math.min(most, share));
    }

    private double weight(final long size) {
        return kind == LOG ? Math.log1p(size) : Math.pow(size, power);
    }
}
