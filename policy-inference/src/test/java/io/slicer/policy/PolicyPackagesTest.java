package io.slicer.policy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages of policy-inference form a tree: the value types of a model at the bottom, file formats, kernels and
 * seals on them, loading and inference on those, ONNX on top. A type that two packages need lives in the lower one, so
 * that neither reaches back up.
 */
class PolicyPackagesTest {
    private static final JavaClasses POLICY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.slicer.policy");

    @Test
    void packagesAreLayeredFromTheModelValuesUpToOnnx() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("model").definedBy("io.slicer.policy.model..")
                .layer("io").definedBy("io.slicer.policy.io..")
                .layer("kernel").definedBy("io.slicer.policy.kernel..")
                .layer("seal").definedBy("io.slicer.policy.seal..")
                .layer("inference").definedBy("io.slicer.policy")
                .layer("onnx").definedBy("io.slicer.policy.onnx..")
                .whereLayer("onnx").mayNotBeAccessedByAnyLayer()
                .whereLayer("inference").mayOnlyBeAccessedByLayers("onnx")
                .whereLayer("io").mayOnlyBeAccessedByLayers("inference", "onnx")
                .whereLayer("kernel").mayOnlyBeAccessedByLayers("inference", "onnx")
                .whereLayer("seal").mayOnlyBeAccessedByLayers("inference", "onnx")
                .whereLayer("model").mayOnlyBeAccessedByLayers("io", "kernel", "seal", "inference", "onnx")
                .check(POLICY);
    }

    @Test
    void policyPackagesHaveNoCycles() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(final JavaClass javaClass) {
                return SliceIdentifier.of(javaClass.getPackageName());
            }

            @Override
            public String getDescription() {
                return "each package of policy-inference";
            }
        }).should().beFreeOfCycles().check(POLICY);
    }
}
