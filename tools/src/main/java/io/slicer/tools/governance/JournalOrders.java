package io.slicer.tools.governance;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.EventType;
import io.slicer.engine.order.ParentOrder;
import io.slicer.journal.EngineRecords;
import io.slicer.journal.JournalDirectory;
import io.slicer.journal.JournalReader;
import io.slicer.journal.JournalRecord;
import io.slicer.journal.JournalReplayer;
import io.slicer.journal.ReplaySummary;
import io.slicer.journal.audit.JournalAudit;
import io.slicer.journal.audit.OrderAudit;
import io.slicer.journal.audit.ShadowAudit;
import io.slicer.journal.format.RecordType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each parent order of a journal with what a TCA report or an A/B comparison needs: its audit (IS split, halts, the
 * strategy that decided it: under an A/B test its arm), its terms (size, horizon, start), the market's VWAP and volume
 * over its horizon, the engine's TWAP benchmark IS (from a replay of the journal: the same numbers the kill switch
 * used) and its shadow, if any. Offline; allocates freely.
 */
public final class JournalOrders {
    private static final long SECOND = 1_000_000_000L;
    private static final long DAY = 86_400L * SECOND;

    /** One order: {@code twapBenchmarkBps} NaN when the replay did not hold the order any more. */
    public record Order(Path journal, OrderAudit audit, long startTime, long endTime, double marketVwap,
                        double marketVolume, double twapBenchmarkBps, ShadowAudit.OrderShadow shadow) {
        public double horizonSeconds() {
            return (endTime - startTime) / (double) SECOND;
        }

        public double startSecondOfDay() {
            return Math.floorMod(startTime, DAY) / (double) SECOND;
        }

        /** Fills' average price against the market VWAP over the horizon, bps, positive = cost. */
        public double vwapSlippageBps() {
            if (audit.filled() == 0 || !(marketVwap > 0)) {
                return Double.NaN;
            }
            return audit.side().sign() * (audit.averagePrice() - marketVwap) / marketVwap * 1e4;
        }

        /** Filled units over the market's volume printed over the horizon. */
        public double participation() {
            return marketVolume > 0 ? audit.filled() / marketVolume : Double.NaN;
        }
    }

    private JournalOrders() {
    }

    /** Every order of the journal in {@code dir}, by order id; a journal that does not replay is an error. */
    public static List<Order> read(final Path dir) {
        final Map<Long, long[]> times = new TreeMap<>();
        final Map<Long, Integer> symbols = new TreeMap<>();
        final List<long[]> trades = new ArrayList<>();
        final List<double[]> tradePrices = new ArrayList<>();
        final JournalRecord r = new JournalRecord();
        final EngineRecords records = new EngineRecords();
        final EngineEvent e = new EngineEvent();
        try (JournalReader reader = JournalReader.open(JournalDirectory.queue(dir))) {
            while (reader.next(r)) {
                if (r.type() != RecordType.INPUT) {
                    continue;
                }
                records.decodeInput(r, e);
                if (e.type() == EventType.NEW_ORDER && !times.containsKey(e.orderId())) {
                    times.put(e.orderId(), new long[]{e.startTime(), e.endTime()});
                    symbols.put(e.orderId(), e.symbol());
                } else if (e.type() == EventType.TRADE) {
                    trades.add(new long[]{e.timestamp(), e.symbol(), e.size()});
                    tradePrices.add(new double[]{e.price()});
                }
            }
        }
        final Map<Long, Double> benchmarks = new TreeMap<>();
        try (JournalReplayer replayer = new JournalReplayer(dir)) {
            final ReplaySummary summary = replayer.run();
            if (!summary.matched()) {
                throw new IllegalArgumentException("journal " + dir + " does not replay bit for bit: "
                        + summary.divergence().describe());
            }
            for (final long id : times.keySet()) {
                final ParentOrder o = replayer.replayedCore().order(id);
                benchmarks.put(id, o == null ? Double.NaN : o.yardstick().shortfallBps());
            }
        }
        final Map<Long, ShadowAudit.OrderShadow> shadows = ShadowAudit.read(dir);
        final List<Order> out = new ArrayList<>();
        for (final OrderAudit a : JournalAudit.read(dir, null).values()) {
            final long[] t = times.get(a.orderId());
            double notional = 0;
            double volume = 0;
            for (int i = 0; i < trades.size(); i++) {
                final long[] tr = trades.get(i);
                if (tr[1] == symbols.get(a.orderId()) && tr[0] >= t[0] && tr[0] <= t[1]) {
                    notional += tradePrices.get(i)[0] * tr[2];
                    volume += tr[2];
                }
            }
            out.add(new Order(dir, a, t[0], t[1], volume > 0 ? notional / volume : Double.NaN, volume,
                    benchmarks.get(a.orderId()), shadows.get(a.orderId())));
        }
        return out;
    }
}
