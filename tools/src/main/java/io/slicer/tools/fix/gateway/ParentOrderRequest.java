package io.slicer.tools.fix.gateway;

import io.slicer.engine.api.NewOrder;
import io.slicer.engine.market.Side;
import io.slicer.engine.strategy.StrategyRegistry;
import io.slicer.journal.StrategySpecs;
import quickfix.FieldNotFound;
import quickfix.Message;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An OMS's NewOrderSingle read as the engine's {@link NewOrder}, or the reason it is refused. TargetStrategy (847)
 * picks one of the strategy specs the gateway registered: {@code 1} VWAP ({@code vwap}), {@code 2} POV
 * ({@code pov:RATE} with ParticipationRate 849), {@code 1001} TWAP ({@code twap}), {@code 1002} Almgren-Chriss
 * ({@code ac}, or {@code ac:LAMBDA} with {@code lambda=}), {@code 1003} a learned policy ({@code model=SPEC}, the
 * spec as registered, e.g. {@code dqn:/models/a}). TargetStrategyParameters (848) is {@code key=value;...}:
 * {@code slices=N} (default 10), {@code lambda=}, {@code model=}, {@code urgency=}, {@code vol=} (reference
 * volatility per slice), {@code sliceVolume=}. The spec built is checked by the engine's own
 * {@link StrategyRegistry} and must be one the gateway registered.
 */
final class ParentOrderRequest {
    static final int TARGET_STRATEGY = 847;
    static final int TARGET_STRATEGY_PARAMETERS = 848;
    static final int PARTICIPATION_RATE = 849;
    static final int DEFAULT_SLICES = 10;

    /** What a NewOrderSingle turned into: an order or a refusal (OrdRejReason and Text). */
    record Outcome(NewOrder order, int rejectReason, String text) {
        boolean accepted() {
            return order != null;
        }
    }

    private ParentOrderRequest() {
    }

    static Outcome read(final Message m, final long orderId, final long now, final GatewayConfig config) {
        try {
            return parse(m, orderId, now, config);
        } catch (final FieldNotFound e) {
            return refuse(99, "required tag " + e.field + " missing");
        } catch (final IllegalArgumentException | quickfix.FieldException e) {
            return refuse(99, e.getMessage());
        }
    }

    private static Outcome parse(final Message m, final long orderId, final long now, final GatewayConfig config)
            throws FieldNotFound {
        for (final int tag : new int[]{11, 55, 54, 38, 40, TARGET_STRATEGY}) {
            if (!m.isSetField(tag)) {
                return refuse(tag == 55 ? 1 : 99, "required tag " + tag + " missing");
            }
        }
        final String symbolName = m.getString(55);
        final int symbol = config.symbolId(symbolName);
        if (symbol < 0) {
            return refuse(1, "unknown symbol '" + symbolName + "', expected one of " + config.symbols());
        }
        final char sideCode = m.getChar(54);
        final Side side = sideCode == '1' ? Side.BUY : sideCode == '2' ? Side.SELL : null;
        if (side == null) {
            return refuse(99, "Side 54=" + sideCode + ": expected 1 (buy) or 2 (sell)");
        }
        final double qty = m.getDouble(38);
        if (!(qty > 0) || qty != Math.rint(qty) || qty > Long.MAX_VALUE / 2) {
            return refuse(13, "OrderQty 38=" + m.getString(38) + ": expected a positive whole quantity");
        }
        final char ordType = m.getChar(40);
        double limit = Double.NaN;
        if (ordType == '2') {
            if (!m.isSetField(44)) {
                return refuse(99, "required tag 44 missing (OrdType 2, limit, needs a Price)");
            }
            limit = m.getDouble(44);
            if (!(limit > 0) || Double.isInfinite(limit)) {
                return refuse(99, "Price 44=" + m.getString(44) + ": expected a positive price");
            }
        } else if (ordType != '1') {
            return refuse(99, "OrdType 40=" + ordType + ": expected 1 (market) or 2 (limit)");
        }
        final long start = m.isSetField(168) ? nanos(m, 168) : now;
        if (!m.isSetField(126)) {
            return refuse(99, "required tag 126 missing (ExpireTime: the end of the horizon)");
        }
        final long end = nanos(m, 126);
        if (end <= Math.max(start, now)) {
            return refuse(99, "ExpireTime 126 must be after EffectiveTime 168 and after now");
        }
        final Map<String, String> params = parameters(m.isSetField(TARGET_STRATEGY_PARAMETERS)
                ? m.getString(TARGET_STRATEGY_PARAMETERS) : "");
        final int slices = params.containsKey("slices") ? Integer.parseInt(params.get("slices")) : DEFAULT_SLICES;
        if (slices < 1) {
            return refuse(99, "848 slices=" + slices + ": expected at least 1");
        }
        final String spec = strategySpec(m.getString(TARGET_STRATEGY), params, m);
        if (spec == null) {
            return refuse(99, "unknown TargetStrategy 847=" + m.getString(TARGET_STRATEGY)
                    + ", expected 1 (VWAP), 2 (POV), 1001 (TWAP), 1002 (Almgren-Chriss) or 1003 (learned policy)");
        }
        if (!StrategySpecs.isModel(spec)) {
            // The engine's own registry reads the spec: a malformed one is refused with its words (a model is not
            // loaded per order: it must simply be one of those registered).
            StrategyRegistry.schedules().factory(spec);
        }
        final List<String> registered = config.strategies();
        final int strategy = registered.indexOf(spec);
        if (strategy < 0) {
            return refuse(99, "strategy '" + spec + "' is not registered with this gateway; registered: " + registered);
        }
        final double urgency = params.containsKey("urgency") ? Double.parseDouble(params.get("urgency")) : Double.NaN;
        final double vol = params.containsKey("vol") ? Double.parseDouble(params.get("vol"))
                : config.volatility(symbol);
        final double volume = params.containsKey("sliceVolume") ? Double.parseDouble(params.get("sliceVolume"))
                : config.sliceVolume(symbol);
        return new Outcome(new NewOrder(orderId, symbol, side, (long) qty, start, end, slices, strategy, limit,
                Double.NaN, urgency, vol, volume), 0, null);
    }

    /** The registered strategy spec 847 (and 848/849) ask for, or null for an unknown TargetStrategy. */
    private static String strategySpec(final String code, final Map<String, String> params, final Message m)
            throws FieldNotFound {
        return switch (code) {
            case "1" -> "vwap";
            case "2" -> {
                if (!m.isSetField(PARTICIPATION_RATE)) {
                    throw new IllegalArgumentException("required tag 849 missing (ParticipationRate for POV)");
                }
                yield "pov:" + m.getString(PARTICIPATION_RATE);
            }
            case "1001" -> "twap";
            case "1002" -> params.containsKey("lambda") ? "ac:" + params.get("lambda") : "ac";
            case "1003" -> {
                if (!params.containsKey("model")) {
                    throw new IllegalArgumentException("TargetStrategy 1003 needs model=SPEC in 848");
                }
                yield params.get("model");
            }
            default -> null;
        };
    }

    /** {@code key=value;key=value}; a pair without '=' is an error. */
    static Map<String, String> parameters(final String text) {
        final Map<String, String> out = new TreeMap<>();
        for (final String pair : text.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            final int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("TargetStrategyParameters 848 '" + text
                        + "': expected key=value;..., found '" + pair + "'");
            }
            out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return out;
    }

    static long nanos(final Message m, final int tag) throws FieldNotFound {
        final java.time.LocalDateTime t = m.getUtcTimeStamp(tag);
        final java.time.Instant i = t.toInstant(ZoneOffset.UTC);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static Outcome refuse(final int reason, final String text) {
        return new Outcome(null, reason, text);
    }
}
