package io.slicer.policy.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.slicer.policy.InferenceContext;
import io.slicer.policy.KernelKind;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.TestModels;
import io.slicer.policy.model.ActionSpace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exported models run in ONNX Runtime give what the Slicer kernels give; PyTorch-shaped files import faithfully. */
class OnnxRuntimeAgreementTest {
    private static final double TOLERANCE = 1e-5;
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    @Test
    void exportedModelsAgreeWithOnnxRuntime() throws OrtException {
        for (final PolicyModel model : List.of(TestModels.dqn(21), TestModels.iqlActor(22), TestModels.mixed(23))) {
            final byte[] onnx = OnnxModelWriter.write(model, "test");
            assertAgree(model, onnx, "input");
        }
    }

    @Test
    void torchGemmExportImportsAndAgreesWithOnnxRuntime() throws OrtException {
        final PolicyModel source = TestModels.dqn(31);
        final byte[] onnx = TorchStyleOnnx.gemm(source.layers(), "obs");
        final PolicyModel imported = OnnxImport.toModel("dqn.onnx", onnx, new OnnxImport.Options(null,
                "slicer.execution.v1", TestModels.DQN_FEATURES, new ActionSpace.Discrete("fraction_of_remaining",
                new double[]{0, 0.05, 0.1, 0.2, 0.4})));
        assertEquals(source.card().layers(), imported.card().layers());
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(source.layers().get(k).weight(), imported.layers().get(k).weight());
        }
        assertEquals(0f, imported.card().features().get(2).mean());
        assertEquals(1f, imported.card().features().get(2).scale());
        assertAgree(imported, onnx, "obs");
    }

    @Test
    void torchMatMulAddExportImportsAndAgreesWithOnnxRuntime() throws OrtException {
        final PolicyModel source = TestModels.mixed(32);
        final byte[] onnx = TorchStyleOnnx.matMulAdd(source.layers(), "input");
        final PolicyModel imported = OnnxImport.toModel("mixed.onnx", onnx, new OnnxImport.Options(source.card(),
                null, null, null));
        for (int k = 0; k < source.layers().size(); k++) {
            assertArrayEquals(source.layers().get(k).weight(), imported.layers().get(k).weight(), "layer " + k);
            assertArrayEquals(source.layers().get(k).bias(), imported.layers().get(k).bias(), "layer " + k);
            assertEquals(source.layers().get(k).activation(), imported.layers().get(k).activation());
        }
        assertEquals(source.card().features(), imported.card().features());
    }

    private static void assertAgree(final PolicyModel model, final byte[] onnx, final String inputName)
            throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = ENV.createSession(onnx, options)) {
                final InferenceContext scalar = model.newContext(KernelKind.SCALAR);
                final InferenceContext vector = model.newContext(KernelKind.VECTOR);
                final SplittableRandom rnd = new SplittableRandom(5);
                double worst = 0;
                for (int n = 0; n < 200; n++) {
                    final float[] x = TestModels.input(rnd, model.inputWidth());
                    final float[] ort;
                    try (OnnxTensor t = OnnxTensor.createTensor(ENV, new float[][]{x});
                         OrtSession.Result r = session.run(Map.of(inputName, t))) {
                        ort = ((float[][]) r.get(0).getValue())[0];
                    }
                    for (final InferenceContext ctx : List.of(scalar, vector)) {
                        System.arraycopy(x, 0, ctx.input(), 0, x.length);
                        ctx.forward();
                        assertEquals(ort.length, ctx.output().length);
                        for (int o = 0; o < ort.length; o++) {
                            worst = Math.max(worst, Math.abs(ort[o] - ctx.output()[o]) / Math.max(1.0, Math.abs(ort[o])));
                        }
                    }
                }
                assertTrue(worst <= TOLERANCE, "worst relative difference to ONNX Runtime " + worst);
            }
        }
    }
}
