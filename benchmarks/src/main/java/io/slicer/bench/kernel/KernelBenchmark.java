package io.slicer.bench.kernel;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.slicer.policy.InferenceContext;
import io.slicer.policy.KernelKind;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.onnx.OnnxModelWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One policy decision's forward pass: copy 4 or 8 features in, run the network, read the head. Same weights for the
 * scalar kernel, the Vector API kernel and ONNX Runtime (the exported model, one intra-op thread, the input tensor
 * reused over a direct buffer so ORT is measured at its cheapest).
 *
 * <pre>
 *   java @jvm.options -jar benchmarks/target/benchmarks.jar Kernel -f 1 -wi 3 -i 5 -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelBenchmark {
    private static final int INPUTS = 1024;

    @Param({"dqn_4x64x32x5", "iql_8x256x256x1"})
    public String net;

    private float[][] inputs;
    private int next;
    private InferenceContext scalar;
    private InferenceContext vector;
    private OrtEnvironment env;
    private OrtSession session;
    private OrtSession.SessionOptions options;
    private FloatBuffer ortInput;
    private OnnxTensor ortTensor;
    private Map<String, OnnxTensor> ortFeed;

    @Setup(Level.Trial)
    public void setUp() throws OrtException {
        final PolicyModel model = BenchmarkNets.byName(net);
        inputs = BenchmarkNets.inputs(model.inputWidth(), INPUTS);
        scalar = model.newContext(KernelKind.SCALAR);
        vector = model.newContext(KernelKind.VECTOR);
        env = OrtEnvironment.getEnvironment();
        options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        session = env.createSession(OnnxModelWriter.write(model, "bench"), options);
        ortInput = ByteBuffer.allocateDirect(model.inputWidth() * Float.BYTES).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        ortTensor = OnnxTensor.createTensor(env, ortInput, new long[]{1, model.inputWidth()});
        ortFeed = Map.of(OnnxModelWriter.INPUT_NAME, ortTensor);
        requireZeroCopyInput(model);
    }

    /** ORT wraps a direct buffer without copying; check it, or the benchmark would run on stale input. */
    private void requireZeroCopyInput(final PolicyModel model) throws OrtException {
        final float[] expected = new float[2];
        for (int n = 0; n < 2; n++) {
            final float[] x = inputs[n];

            System.arraycopy(x, 0, scalar.input(), 0, x.length);
            scalar.forward();
            expected[n] = scalar.output()[0];
            ortInput.clear();
            ortInput.put(x);
            try (OrtSession.Result result = session.run(ortFeed)) {
                final float got = ((OnnxTensor) result.get(0)).getFloatBuffer().get(0);
                if (Math.abs(got - expected[n]) > 1e-4f * Math.max(1f, Math.abs(expected[n]))) {
                    throw new IllegalStateException(net + ": ONNX Runtime gave " + got + ", Slicer " + expected[n]
                            + " for input " + n + " (input buffer not shared?)");
                }
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws OrtException {
        ortTensor.close();
        session.close();
        options.close();
    }

    private float[] nextInput() {
        final float[] x = inputs[next];
        next = (next + 1) & (INPUTS - 1);
        return x;
    }

    @Benchmark
    public float scalar() {
        return run(scalar);
    }

    @Benchmark
    public float vector() {
        return run(vector);
    }

    @Benchmark
    public float onnxRuntime() throws OrtException {
        final float[] x = nextInput();
        ortInput.clear();
        ortInput.put(x);
        try (OrtSession.Result result = session.run(ortFeed)) {
            return ((OnnxTensor) result.get(0)).getFloatBuffer().get(0);
        }
    }

    private float run(final InferenceContext ctx) {
        final float[] x = nextInput();
        System.arraycopy(x, 0, ctx.input(), 0, x.length);
        ctx.forward();
        return ctx.output()[0];
    }
}
