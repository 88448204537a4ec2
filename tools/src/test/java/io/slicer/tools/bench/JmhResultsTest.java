package io.slicer.tools.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JmhResultsTest {

    @Test
    void readsScoreErrorUnitAndAllocationPerOperation(@TempDir final Path dir) throws Exception {
        final Path json = dir.resolve("jmh.json");
        Files.writeString(json, """
                [ {
                  "benchmark" : "io.slicer.bench.kernel.KernelBenchmark.vector",
                  "params" : { "net" : "dqn_4x64x32x5" },
                  "primaryMetric" : { "score" : 61.25, "scoreError" : 2.5, "scoreUnit" : "ns/op" },
                  "secondaryMetrics" : { "gc.alloc.rate.norm" : { "score" : 0.0012, "scoreUnit" : "B/op" } }
                }, {
                  "benchmark" : "io.slicer.bench.sim.SimulatorBenchmark.slice",
                  "params" : { },
                  "primaryMetric" : { "score" : 31.0, "scoreError" : "NaN", "scoreUnit" : "ns/op" },
                  "secondaryMetrics" : { }
                } ]""");
        final List<JmhResults.Row> rows = JmhResults.read(json);
        assertEquals(2, rows.size());
        assertEquals(new JmhResults.Row("io.slicer.bench.kernel.KernelBenchmark.vector", "net=dqn_4x64x32x5",
                61.25, 2.5, "ns/op", 0.0012), rows.get(0));
        assertTrue(Double.isNaN(rows.get(1).bytesPerOp()));
        final String md = JmhResults.markdown(rows);
        assertTrue(md.contains("| kernel.KernelBenchmark.vector | net=dqn_4x64x32x5 | 61.25 | 2.50 | ns/op | 0.00120 |"),
                md);
    }
}
