package io.slicer.journal;

import io.slicer.engine.core.EngineConfig;
import io.slicer.engine.market.Instrument;
import io.slicer.engine.risk.TradingState;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The engine configuration as the journal records it: {@code key=value} pairs joined by {@code ;}, keys sorted, only
 * the settings that differ from {@link EngineConfig}'s defaults. A replay builds the same {@link EngineConfig} from
 * the same text. Grouped settings take slash-separated values: {@code isKill=MULTIPLE/FLOOR_BPS/MIN_FILLED},
 * {@code impact=ETA/GAMMA/TAU}, {@code throttle=MESSAGES/WINDOW_NANOS}; an instrument is
 * {@code instrument.SYMBOL=NAME/TICK/LOT/MULTIPLIER/CURRENCY/PRECISION/UNIT} (and {@code defaultInstrument=...} for every
 * symbol without one), as {@link Instrument#spec()} writes it.
 */
public final class EngineSettings {
    private static final Map<String, BiConsumer<EngineConfig.Builder, String>> KEYS = new TreeMap<>();
    private static final String INSTRUMENT = "instrument.";

    static {
        KEYS.put("maxSymbols", (b, v) -> b.maxSymbols(Integer.parseInt(v)));
        KEYS.put("maxOrders", (b, v) -> b.maxOrders(Integer.parseInt(v)));
        KEYS.put("maxLiveChildrenPerOrder", (b, v) -> b.maxLiveChildrenPerOrder(Integer.parseInt(v)));
        KEYS.put("maxLiveChildren", (b, v) -> b.maxLiveChildren(Integer.parseInt(v)));
        KEYS.put("maxSlices", (b, v) -> b.maxSlices(Integer.parseInt(v)));
        KEYS.put("firstChildId", (b, v) -> b.firstChildId(Long.parseLong(v)));
        KEYS.put("defaultInstrument", (b, v) -> b.defaultInstrument(Instrument.parse(v)));
        KEYS.put("minChild", (b, v) -> b.minChild(Long.parseLong(v)));
        KEYS.put("maxChild", (b, v) -> b.maxChild(Long.parseLong(v)));
        KEYS.put("participationCap", (b, v) -> b.participationCap(Double.parseDouble(v)));
        KEYS.put("policyParticipationLimit", (b, v) -> b.policyParticipationLimit(Double.parseDouble(v)));
        KEYS.put("cancelAtSliceEnd", (b, v) -> b.cancelAtSliceEnd(bool(v)));
        KEYS.put("maxChildQuantity", (b, v) -> b.maxChildQuantity(Long.parseLong(v)));
        KEYS.put("maxChildNotional", (b, v) -> b.maxChildNotional(Double.parseDouble(v)));
        KEYS.put("priceCollar", (b, v) -> b.priceCollar(Double.parseDouble(v)));
        KEYS.put("throttle", (b, v) -> {
            final String[] p = parts(v, 2, "throttle=MESSAGES/WINDOW_NANOS");
            b.throttle(Integer.parseInt(p[0]), Long.parseLong(p[1]));
        });
        KEYS.put("duplicateWindowNanos", (b, v) -> b.duplicateWindowNanos(Long.parseLong(v)));
        KEYS.put("isKill", (b, v) -> {
            final String[] p = parts(v, 3, "isKill=MULTIPLE/FLOOR_BPS/MIN_FILLED_FRACTION");
            b.isKill(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]));
        });
        KEYS.put("isNoiseSigmas", (b, v) -> b.isNoiseSigmas(Double.parseDouble(v)));
        KEYS.put("domainSigmas", (b, v) -> b.domainSigmas(Double.parseDouble(v)));
        KEYS.put("staleAfterNanos", (b, v) -> b.staleAfterNanos(Long.parseLong(v)));
        KEYS.put("twapFallback", (b, v) -> b.twapFallback(bool(v)));
        KEYS.put("priceBand", (b, v) -> b.priceBand(Double.parseDouble(v)));
        KEYS.put("onBadMarketData", (b, v) -> b.onBadMarketData(badMarketDataResponse(v)));
        KEYS.put("volatilityDecay", (b, v) -> b.volatilityDecay(Double.parseDouble(v)));
        KEYS.put("impact", (b, v) -> {
            final String[] p = parts(v, 3, "impact=ETA/GAMMA/TAU");
            b.impact(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]));
        });
    }

    private final TreeMap<String, String> values = new TreeMap<>();

    private EngineSettings() {
    }

    /** Parses {@code key=value;key=value}; an empty text means all defaults. */
    public static EngineSettings parse(final String text) {
        final EngineSettings settings = new EngineSettings();
        if (text == null || text.isBlank()) {
            return settings;
        }
        for (final String pair : text.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            final int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("engine setting '" + pair + "': expected key=value");
            }
            settings.set(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return settings;
    }

    public EngineSettings set(final String key, final String value) {
        setting(key);
        if (key.startsWith(INSTRUMENT)) {
            Instrument.parse(value);
        }
        values.put(key, value);
        return this;
    }

    /**
     * What {@code key} sets on a builder: a named setting, or {@code instrument.SYMBOL} (reference data for one
     * symbol); an unknown key is an error naming the keys there are.
     */
    private static BiConsumer<EngineConfig.Builder, String> setting(final String key) {
        if (key.startsWith(INSTRUMENT)) {
            final int symbol = symbolOf(key);
            return (b, v) -> b.instrument(symbol, Instrument.parse(v));
        }
        final BiConsumer<EngineConfig.Builder, String> named = KEYS.get(key);
        if (named == null) {
            throw new IllegalArgumentException("unknown engine setting '" + key + "', expected one of "
                    + KEYS.keySet() + " or " + INSTRUMENT + "SYMBOL");
        }
        return named;
    }

    /** Builds the configuration; a malformed value is an error naming the key. */
    public EngineConfig toConfig() {
        final EngineConfig.Builder builder = EngineConfig.builder();
        applyTo(builder);
        return builder.build();
    }

    /** Sets these values on {@code builder} (e.g. {@code SlicerEngine.builder().config(settings::applyTo)}). */
    public void applyTo(final EngineConfig.Builder builder) {
        for (final Map.Entry<String, String> e : values.entrySet()) {
            try {
                setting(e.getKey()).accept(builder, e.getValue());
            } catch (final NumberFormatException ex) {
                throw new IllegalArgumentException("engine setting " + e.getKey() + "=" + e.getValue()
                        + ": not a number", ex);
            }
        }
    }

    /** Canonical text: sorted keys, as journaled. */
    @Override
    public String toString() {
        final StringBuilder sb = new StringBuilder();
        for (final Map.Entry<String, String> e : values.entrySet()) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    /** The symbol of an {@code instrument.SYMBOL} key. */
    private static int symbolOf(final String key) {
        try {
            final int symbol = Integer.parseInt(key.substring(INSTRUMENT.length()));
            if (symbol < 0) {
                throw new NumberFormatException();
            }
            return symbol;
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("engine setting '" + key + "': expected " + INSTRUMENT
                    + "SYMBOL with SYMBOL a symbol index >= 0");
        }
    }

    private static TradingState badMarketDataResponse(final String v) {
        return switch (v) {
            case "HALT" -> TradingState.HALTED;
            case "PAUSE" -> TradingState.PAUSED;
            default -> throw new IllegalArgumentException("engine setting onBadMarketData='" + v
                    + "': expected HALT or PAUSE");
        };
    }

    private static boolean bool(final String v) {
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("engine setting value '" + v + "': expected true or false");
        }
        return Boolean.parseBoolean(v);
    }

    private static String[] parts(final String v, final int n, final String form) {
        final String[] p = v.split("/", -1);
        if (p.length != n) {
            throw new IllegalArgumentException("engine setting '" + v + "': expected " + form);
        }
        return p;
    }
}
