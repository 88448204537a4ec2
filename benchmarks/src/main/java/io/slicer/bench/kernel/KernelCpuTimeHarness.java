package io.slicer.bench.kernel;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.slicer.policy.InferenceContext;
import io.slicer.policy.KernelKind;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.onnx.OnnxModelWriter;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A companion to {@link KernelBenchmark} for a shared machine: JMH reports wall-clock time, which on an
 * oversubscribed host includes the time this thread waited for a core. This harness runs the same forward passes
 * and reports both wall and thread CPU nanoseconds per pass (median of rounds), so the kernel's own cost can be told
 * apart from the queue for the CPU. For the 8->256->256->1 net it also times {@link L2StreamBenchmark}'s load-only
 * passes over as many bytes as the net's weights ("l2 stream" is the floor the kernel is measured against, the other
 * three are the slower ways of walking the same bytes). Not a substitute for JMH;
 * run it next to it.
 *
 * <pre>
 *   java @jvm.options -cp benchmarks/target/benchmarks.jar io.slicer.bench.kernel.KernelCpuTimeHarness
 *   java @jvm.options -cp benchmarks/target/benchmarks.jar io.slicer.bench.kernel.KernelCpuTimeHarness \
 *       dqn_4x64x32x5 vector
 * </pre>
 * The second form times only the vector kernel (and, for the big net, the load-only passes) of the nets named, a few
 * seconds per launch: the way to compare launches ("forks") with one another.
 */
public final class KernelCpuTimeHarness {
    private static final int ROUNDS = 7;

    private KernelCpuTimeHarness() {
    }

    private interface Pass {
        float run(float[] x) throws OrtException;
    }

    public static void main(final String[] args) throws OrtException {
        final List<String> nets = args.length > 0 ? List.of(args[0].split(","))
                : List.of("dqn_4x64x32x5", "iql_8x256x256x1");
        final boolean vectorOnly = args.length > 1 && args[1].equals("vector");
        if (args.length > 2 || args.length > 1 && !vectorOnly) {
            System.err.println("usage: KernelCpuTimeHarness [net[,net]] [vector]: expected at most a list of nets and"
                    + " the word vector, found " + String.join(" ", args));
            System.exit(2);
        }
        final List<PolicyModel> models = new ArrayList<>();
        for (final String net : nets) {
            try {
                models.add(BenchmarkNets.byName(net));
            } catch (final IllegalArgumentException e) {
                System.err.println("KernelCpuTimeHarness: " + e.getMessage()
                        + " (expected dqn_4x64x32x5 or iql_8x256x256x1)");
                System.exit(2);
            }
        }
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "%-18s %-14s %14s %14s%n", "net", "impl", "wall ns/op", "cpu ns/op");
        for (int n = 0; n < nets.size(); n++) {
            final String net = nets.get(n);
            final PolicyModel model = models.get(n);
            final float[][] inputs = BenchmarkNets.inputs(model.inputWidth(), 1024);
            final int ops = net.startsWith("dqn") ? 500_000 : 20_000;
            final InferenceContext scalar = model.newContext(KernelKind.SCALAR);
            final InferenceContext vector = model.newContext(KernelKind.VECTOR);
            if (!vectorOnly) {
                report(threads, net, "scalar", ops, inputs, x -> forward(scalar, x));
            }
            report(threads, net, "vector", ops, inputs, x -> forward(vector, x));
            if (net.startsWith("iql")) {
                final L2StreamBenchmark stream = new L2StreamBenchmark();
                stream.setUp();
                report(threads, net, "l2 stream", ops, inputs, x -> stream.streamWeights());
                report(threads, net, "l2 4 streams", ops, inputs, x -> stream.fourStreams());
                report(threads, net, "l2 1 strm 4 s", ops, inputs, x -> stream.oneStreamFourSums());
                report(threads, net, "l2 1 strm 8 s", ops, inputs, x -> stream.oneStreamEightSums());
            }
            if (vectorOnly) {
                continue;
            }
            final OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                try (OrtSession session = env.createSession(OnnxModelWriter.write(model, "bench"), options)) {
                    final FloatBuffer in = ByteBuffer.allocateDirect(model.inputWidth() * Float.BYTES)
                            .order(ByteOrder.nativeOrder()).asFloatBuffer();
                    try (OnnxTensor tensor = OnnxTensor.createTensor(env, in, new long[]{1, model.inputWidth()})) {
                        final Map<String, OnnxTensor> feed = Map.of(OnnxModelWriter.INPUT_NAME, tensor);
                        report(threads, net, "onnxruntime", ops / 10, inputs, x -> {
                            in.clear();
                            in.put(x);
                            try (OrtSession.Result r = session.run(feed)) {
                                return ((OnnxTensor) r.get(0)).getFloatBuffer().get(0);
                            }
                        });
                    }
                }
            }
        }
    }

    private static float forward(final InferenceContext ctx, final float[] x) {
        System.arraycopy(x, 0, ctx.input(), 0, x.length);
        ctx.forward();
        return ctx.output()[0];
    }

    private static void report(final ThreadMXBean threads, final String net, final String impl, final int ops,
                               final float[][] inputs, final Pass pass) throws OrtException {
        final double[] wall = new double[ROUNDS];
        final double[] cpu = new double[ROUNDS];
        float sink = 0;
        for (int warm = 0; warm < 3; warm++) {
            for (int i = 0; i < ops; i++) {
                sink += pass.run(inputs[i & 1023]);
            }
        }
        for (int r = 0; r < ROUNDS; r++) {
            final long c0 = threads.getCurrentThreadCpuTime();
            final long w0 = System.nanoTime();
            for (int i = 0; i < ops; i++) {
                sink += pass.run(inputs[i & 1023]);
            }
            wall[r] = (System.nanoTime() - w0) / (double) ops;
            cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / (double) ops;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%-18s %-14s %14.1f %14.1f   (checksum %s)%n", net, impl, wall[ROUNDS / 2],
                cpu[ROUNDS / 2], sink);
    }
}
