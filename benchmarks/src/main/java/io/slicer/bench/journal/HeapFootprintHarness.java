package io.slicer.bench.journal;

import io.slicer.engine.core.SlicerCore;
import io.slicer.engine.strategy.RegisteredStrategy;
import io.slicer.engine.strategy.StrategyRegistry;
import io.slicer.journal.ChainHead;
import io.slicer.journal.EngineSettings;
import io.slicer.journal.JournalKey;
import io.slicer.journal.JournalWriter;
import io.slicer.journal.JournalingHook;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code -XX:ObjectAlignmentInBytes=64} (the flag that lets the vector kernel line-align its weight panels) costs
 * in heap: the live set after a full collection of (1) the engine as an OMS embeds it, a core with 4,096 order slots
 * journaling a busy {@link SyntheticDay} for ten minutes of its time, and (2) an OMS-like heap of small objects, a
 * {@code HashMap} of one million orders, each with two string ids and two fills. Run it once with the flag and once
 * without; the ratio of the lines is the cost. Objects are padded to a multiple of the alignment, so small objects
 * (most of an OMS) pay the most.
 *
 * <pre>
 *   java @jvm.options [-XX:ObjectAlignmentInBytes=64] -cp benchmarks/target/benchmarks.jar \
 *       io.slicer.bench.journal.HeapFootprintHarness
 * </pre>
 */
public final class HeapFootprintHarness {
    private static final int OMS_ORDERS = 1_000_000;

    private HeapFootprintHarness() {
    }

    /** One order as an OMS might hold it. */
    record OmsOrder(String clOrdId, String symbol, long quantity, double limit, long filled, List<OmsFill> fills) {
    }

    /** One execution against an order. */
    record OmsFill(String execId, long quantity, double price, long time) {
    }

    public static void main(final String[] args) throws Exception {
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        final long base = liveBytes(memory);
        final var dir = Files.createTempDirectory("slicer-heap-footprint");
        final SyntheticDay day = new SyntheticDay(7);
        long engineBytes;
        try (JournalWriter writer = JournalWriter.open(dir, ChainHead.GENESIS, JournalKey.NONE)) {
            final SlicerCore core = new SlicerCore(EngineSettings.parse("maxOrders=4096").toConfig(),
                    List.of(RegisteredStrategy.schedule("twap", StrategyRegistry.standard().factory("twap"))), day,
                    new JournalingHook(writer));
            for (long t = 0; t < 600; t++) {
                day.second(t, core::onEvent);
            }
            engineBytes = liveBytes(memory) - base;
            System.out.printf(Locale.ROOT, "ObjectAlignmentInBytes=%s%n", alignment());
            System.out.printf(Locale.ROOT, "engine (core, 4,096 order slots, journal writer), live: %,.1f MB "
                    + "(%d decisions)%n", engineBytes / 1e6, core.decisions());
        }
        final long beforeOms = liveBytes(memory);
        final Map<Long, OmsOrder> book = new HashMap<>();
        for (int i = 0; i < OMS_ORDERS; i++) {
            final List<OmsFill> fills = new ArrayList<>(2);
            fills.add(new OmsFill("E" + i + "a", 100, 99.5 + i % 7, i));
            fills.add(new OmsFill("E" + i + "b", 200, 99.5 + i % 5, i + 1));
            book.put((long) i, new OmsOrder("C" + i, "SYM" + i % 500, 1_000, 100.0, 300, fills));
        }
        final long omsBytes = liveBytes(memory) - beforeOms;
        System.out.printf(Locale.ROOT, "OMS-like heap (%,d orders, 2 fills each, in a HashMap), live: %,.1f MB "
                + "(%.0f bytes per order)%n", book.size(), omsBytes / 1e6, omsBytes / (double) OMS_ORDERS);
    }

    private static String alignment() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                .getVMOption("ObjectAlignmentInBytes").getValue();
    }

    /** Heap in use after full collections (the live set). */
    private static long liveBytes(final MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
