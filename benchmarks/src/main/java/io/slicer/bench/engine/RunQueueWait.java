package io.slicer.bench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * How long the harness's named threads sat runnable on a Linux run queue without a CPU during the measurement window,
 * from {@code /proc/self/task/<tid>/schedstat} (on-CPU ns, run-queue wait ns) and {@code .../sched} (involuntary
 * context switches). A sampler thread sleeps until the window opens and again until it closes, so the measured
 * threads' code does not change when measuring starts. Prints "unavailable" where the kernel exposes no schedstat.
 */
final class RunQueueWait {
    private final String[] names;
    private final Thread sampler;
    private TreeMap<String, long[]> before;
    private TreeMap<String, long[]> after;

    RunQueueWait(final long from, final long to, final String... names) {
        this.names = names.clone();
        this.sampler = new Thread(() -> {
            sleepUntil(from);
            before = sample();
            sleepUntil(to);
            after = sample();
        }, "schedstat-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private static void sleepUntil(final long time) {
        long left;
        while ((left = time - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    /** name -> {on-CPU ns, run-queue wait ns, involuntary switches}. */
    private TreeMap<String, long[]> sample() {
        final TreeMap<String, long[]> out = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (final Path task : (Iterable<Path>) tasks::iterator) {
                final String comm = Files.readString(task.resolve("comm")).trim();
                for (final String name : names) {
                    if (comm.equals(name)) {
                        final String[] stat = Files.readString(task.resolve("schedstat")).trim().split(" ");
                        long involuntary = 0;
                        for (final String line : Files.readAllLines(task.resolve("sched"))) {
                            if (line.startsWith("nr_involuntary_switches")) {
                                involuntary = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                            }
                        }
                        out.put(name, new long[]{Long.parseLong(stat[0]), Long.parseLong(stat[1]), involuntary});
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return out;
    }

    /** One line per thread, once the window has closed. */
    String report() {
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "run-queue wait: interrupted";
        }
        if (before == null || after == null) {
            return "run-queue wait: unavailable (no /proc/self/task/*/schedstat)";
        }
        final StringBuilder s = new StringBuilder();
        for (final String name : names) {
            final long[] b = before.get(name);
            final long[] a = after.get(name);
            if (a == null || b == null) {
                continue;
            }
            s.append(String.format(Locale.ROOT, "thread %-14s on-CPU %.0f ms, runnable but waiting for a CPU %.0f ms, "
                    + "involuntary context switches %d%n", name, (a[0] - b[0]) / 1e6, (a[1] - b[1]) / 1e6, a[2] - b[2]));
        }
        return s.toString().stripTrailing();
    }
}
