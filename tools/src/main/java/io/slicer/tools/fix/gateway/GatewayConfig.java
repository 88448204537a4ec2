package io.slicer.tools.fix.gateway;

import io.slicer.engine.market.Instrument;
import io.slicer.journal.EngineSettings;
import io.slicer.policy.seal.ModelApprovals;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The gateway's settings: both FIX sessions, the symbols it trades (an {@link Instrument} each, numbered by their
 * position in {@code symbols}), the strategies it registers with the engine, and any engine setting. A Java
 * properties file; every key is optional except {@code symbols}:
 * <pre>
 * symbols=AAPL,MSFT                       # the engine's symbol ids are 0, 1, ... in this order
 * instrument.AAPL=AAPL/0.01/1/1/USD/2/shares   # default: a US equity in cents
 * volatility.AAPL=0.02                    # reference volatility per slice, price units (default 0)
 * sliceVolume.AAPL=50000                  # expected market volume per slice, shares (default 0)
 * strategies=twap,vwap,pov:0.1,ac         # what TargetStrategy may ask for (default twap,vwap,ac)
 * oms.port=9878  oms.senderCompId=SLICER  oms.targetCompId=OMS
 * venue.host=127.0.0.1  venue.port=9879  venue.senderCompId=SLICER  venue.targetCompId=VENUE
 * heartbeatSeconds=30  timerMillis=50
 * approvals=/etc/slicer/approvals.jsonl  # a learned model trades only when approved here (default: the keys dir's)
 * engine.minChild=100                     # any engine setting (EngineSettings keys)
 * </pre>
 */
public final class GatewayConfig {
    private final List<String> symbols = new ArrayList<>();
    private final Map<String, Instrument> instruments = new LinkedHashMap<>();
    private final Map<String, Double> volatility = new TreeMap<>();
    private final Map<String, Double> sliceVolume = new TreeMap<>();
    private final List<String> strategies = new ArrayList<>();
    private final EngineSettings engine = EngineSettings.parse("");
    int omsPort = 9878;
    String omsSenderCompId = "SLICER";
    String omsTargetCompId = "OMS";
    String venueHost = "127.0.0.1";
    int venuePort = 9879;
    String venueSenderCompId = "SLICER";
    String venueTargetCompId = "VENUE";
    int heartbeatSeconds = 30;
    long timerMillis = 50;
    Path approvals = ModelApprovals.defaultFile();

    private GatewayConfig() {
    }

    /** A configuration for these symbols with every other setting at its default. */
    public static GatewayConfig of(final String... symbolNames) {
        final Properties p = new Properties();
        p.setProperty("symbols", String.join(",", symbolNames));
        return from(p, "(defaults)");
    }

    /** Reads a properties file; an unknown key or a bad value is an error naming the file and the key. */
    public static GatewayConfig load(final Path file) {
        final Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (final IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the gateway configuration (" + e.getMessage() + ")");
        }
        return from(p, file.toString());
    }

    static GatewayConfig from(final Properties p, final String where) {
        final GatewayConfig c = new GatewayConfig();
        final String symbolList = p.getProperty("symbols", "").trim();
        if (symbolList.isEmpty()) {
            throw new IllegalArgumentException(where + ": expected symbols=SYM[,SYM...], found none");
        }
        for (final String s : symbolList.split(",")) {
            final String name = s.trim();
            if (name.isEmpty() || c.symbols.contains(name)) {
                throw new IllegalArgumentException(where + ": symbols=" + symbolList
                        + ": expected distinct non-empty names");
            }
            c.symbols.add(name);
        }
        for (final String key : new TreeMap<>(p).keySet().stream().map(Object::toString).toList()) {
            final String v = p.getProperty(key).trim();
            try {
                c.set(key, v);
            } catch (final IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + key + "=" + v + ": " + e.getMessage());
            }
        }
        if (c.strategies.isEmpty()) {
            c.strategies.addAll(List.of("twap", "vwap", "ac"));
        }
        for (int i = 0; i < c.symbols.size(); i++) {
            final String name = c.symbols.get(i);
            final Instrument instrument = c.instruments.getOrDefault(name, Instrument.usEquity(name));
            c.instruments.put(name, instrument);
            c.engine.set("instrument." + i, instrument.spec());
        }
        return c;
    }

    private void set(final String key, final String v) {
        final int dot = key.indexOf('.');
        final String prefix = dot < 0 ? key : key.substring(0, dot);
        final String rest = dot < 0 ? "" : key.substring(dot + 1);
        switch (prefix) {
            case "symbols" -> { }
            case "instrument" -> instruments.put(symbolNamed(rest), Instrument.parse(v));
            case "volatility" -> volatility.put(symbolNamed(rest), nonNegative(v));
            case "sliceVolume" -> sliceVolume.put(symbolNamed(rest), nonNegative(v));
            case "strategies" -> {
                for (final String s : v.split(",")) {
                    strategies.add(s.trim());
                }
            }
            case "engine" -> engine.set(rest, v);
            case "oms" -> {
                switch (rest) {
                    case "port" -> omsPort = port(v);
                    case "senderCompId" -> omsSenderCompId = v;
                    case "targetCompId" -> omsTargetCompId = v;
                    default -> throw new IllegalArgumentException("expected oms.port, oms.senderCompId or oms.targetCompId");
                }
            }
            case "venue" -> {
                switch (rest) {
                    case "host" -> venueHost = v;
                    case "port" -> venuePort = port(v);
                    case "senderCompId" -> venueSenderCompId = v;
                    case "targetCompId" -> venueTargetCompId = v;
                    default -> throw new IllegalArgumentException(
                            "expected venue.host, venue.port, venue.senderCompId or venue.targetCompId");
                }
            }
            case "heartbeatSeconds" -> heartbeatSeconds = (int) positive(v);
            case "timerMillis" -> timerMillis = positive(v);
            case "approvals" -> approvals = Path.of(v);
            default -> throw new IllegalArgumentException("unknown key; expected symbols, instrument.SYM, volatility.SYM,"
                    + " sliceVolume.SYM, strategies, engine.KEY, oms.*, venue.*, heartbeatSeconds, timerMillis or approvals");
        }
    }

    private String symbolNamed(final String name) {
        if (!symbols.contains(name)) {
            throw new IllegalArgumentException("symbol '" + name + "' is not in symbols=" + String.join(",", symbols));
        }
        return name;
    }

    private static double nonNegative(final String v) {
        final double d = Double.parseDouble(v);
        if (!(d >= 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("expected a non-negative number");
        }
        return d;
    }

    private static long positive(final String v) {
        final long n = Long.parseLong(v);
        if (n <= 0) {
            throw new IllegalArgumentException("expected a positive whole number");
        }
        return n;
    }

    private static int port(final String v) {
        final int n = Integer.parseInt(v);
        if (n < 1 || n > 65535) {
            throw new IllegalArgumentException("expected a TCP port 1-65535");
        }
        return n;
    }

    /** Overrides the OMS-side listening port (the CLI's {@code --port}). */
    public GatewayConfig omsPort(final int port) {
        this.omsPort = port;
        return this;
    }

    /** Overrides the venue address (the CLI's {@code --venue HOST:PORT}). */
    public GatewayConfig venue(final String host, final int port) {
        this.venueHost = host;
        this.venuePort = port;
        return this;
    }

    /** The engine's symbol id of {@code name}, or -1 when the gateway does not trade it. */
    public int symbolId(final String name) {
        return symbols.indexOf(name);
    }

    public List<String> symbols() {
        return List.copyOf(symbols);
    }

    public Instrument instrument(final int symbol) {
        return instruments.get(symbols.get(symbol));
    }

    double volatility(final int symbol) {
        return volatility.getOrDefault(symbols.get(symbol), 0.0);
    }

    double sliceVolume(final int symbol) {
        return sliceVolume.getOrDefault(symbols.get(symbol), 0.0);
    }

    /** The strategy specs registered with the engine, in registration order (the engine's strategy index). */
    public List<String> strategies() {
        return List.copyOf(strategies);
    }

    EngineSettings engineSettings() {
        return engine;
    }
}
