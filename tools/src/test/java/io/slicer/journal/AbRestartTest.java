package io.slicer.journal;

import io.slicer.engine.market.Side;
import io.slicer.tools.day.OmsLog;
import io.slicer.tools.day.SimulatedDay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An order's A/B arm is a function of its id and the journaled configuration: it survives a restart. */
class AbRestartTest {
    private static final int ORDERS = 16;

    @TempDir
    Path tmp;

    private static SimulatedDay day() {
        final List<SimulatedDay.ParentSpec> parents = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            parents.add(new SimulatedDay.ParentSpec(100 + i, i % 2 == 0 ? Side.BUY : Side.SELL, 5_000, 1 + 5L * i,
                    100, 10, 0));
        }
        return new SimulatedDay(3, 200, parents);
    }

    private static long[] arms(final JournaledEngine engine) {
        final long[] out = new long[ORDERS];
        for (int i = 0; i < ORDERS; i++) {
            out[i] = engine.core().order(100 + i).strategyIndex();
        }
        return out;
    }

    @Test
    void theArmOfEveryOrderSurvivesARestartAndADifferentAllocationIsRefused() throws Exception {
        final Path journal = tmp.resolve("journal");
        final EngineSettings settings = EngineSettings.parse("abTest=17/1/1");
        final long[] before;
        try (OmsLog oms = new OmsLog(tmp.resolve("oms.log"));
             JournaledEngine engine = JournaledEngine.open(journal, "test", settings, List.of("twap", "vwap"), oms)) {
            day().play(engine, oms, second -> {
            });
            before = arms(engine);
        }
        int armOne = 0;
        for (final long a : before) {
            armOne += (int) a;
        }
        assertTrue(armOne > 0 && armOne < ORDERS, "both arms trade: " + armOne + " of " + ORDERS + " on arm 1");
        try (OmsLog oms = new OmsLog(tmp.resolve("oms2.log"));
             JournaledEngine restarted = JournaledEngine.open(journal, "test", EngineSettings.parse("abTest=17/1/1"),
                     List.of("twap", "vwap"), oms)) {
            assertTrue(restarted.recovery().inputsReplayed() > 0);
            assertEquals(Arrays.toString(before), Arrays.toString(arms(restarted)),
                    "recovery recomputed every order's arm and checked each decision's strategy bit for bit");
        }
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            try (OmsLog oms = new OmsLog(tmp.resolve("oms3.log"));
                 JournaledEngine other = JournaledEngine.open(journal, "test", EngineSettings.parse("abTest=18/1/1"),
                         List.of("twap", "vwap"), oms)) {
                other.core();
            }
        });
        assertTrue(e.getMessage().contains("abTest=17/1/1"), e.getMessage());
    }
}
