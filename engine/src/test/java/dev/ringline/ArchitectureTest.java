package dev.ringline;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of the engine's main code, checked on the compiled classes. One rule per field: to add a rule,
 * add a field; to add a cobol layer, add one {@code layer} line and its access line. The package-info of each
 * package says the same in prose.
 */
@AnalyzeClasses(packages = "dev.ringline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * The decoder's data flow, lowest first: error codes, field codecs, copybook and layout, record framing, JSON
     * output, then typed rows (which use the JSON package's {@code Trim} only), JSON input (encode) and
     * schemas, which do not use each other, and the facade that runs them. A package may use only the ones below it.
     */
    @ArchTest
    static final ArchRule cobolLayersOnlyUseLowerLayers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("error").definedBy("dev.ringline.cobol.error")
            .layer("codec").definedBy("dev.ringline.cobol.codec")
            .layer("copybook").definedBy("dev.ringline.cobol.copybook")
            .layer("framing").definedBy("dev.ringline.cobol.framing")
            .layer("json").definedBy("dev.ringline.cobol.json")
            .layer("row").definedBy("dev.ringline.cobol.row")
            .layer("encode").definedBy("dev.ringline.cobol.encode")
            .layer("schema").definedBy("dev.ringline.cobol.schema")
            .layer("facade").definedBy("dev.ringline.cobol")
            .whereLayer("facade").mayNotBeAccessedByAnyLayer()
            .whereLayer("schema").mayOnlyBeAccessedByLayers("facade")
            .whereLayer("row").mayOnlyBeAccessedByLayers("facade")
            .whereLayer("encode").mayOnlyBeAccessedByLayers("facade")
            .whereLayer("json").mayOnlyBeAccessedByLayers("row", "encode", "schema", "facade")
            .whereLayer("framing").mayOnlyBeAccessedByLayers("json", "row", "encode", "schema", "facade")
            .whereLayer("copybook").mayOnlyBeAccessedByLayers("framing", "json", "row", "encode", "schema", "facade")
            .whereLayer("codec").mayOnlyBeAccessedByLayers("copybook", "framing", "json", "row", "encode", "schema",
                    "facade")
            .whereLayer("error").mayOnlyBeAccessedByLayers("codec", "copybook", "framing", "json", "row", "encode",
                    "schema", "facade");

    /** The engine (ring, pipeline, memory accounting) knows nothing about COBOL; the decoder builds on it. */
    @ArchTest
    static final ArchRule engineDoesNotUseCobol = noClasses()
            .that().resideInAnyPackage("dev.ringline.pipeline..", "dev.ringline.memory..", "dev.ringline.buffer..")
            .should().dependOnClassesThat().resideInAPackage("dev.ringline.cobol..");

    /**
     * The engine core does not depend on the port of the Rust API: {@code memory} ({@code WorkerPool},
     * {@code StreamingProcessor}) is built on {@code pipeline}, which has its own {@code MemoryBudget} interface.
     */
    @ArchTest
    static final ArchRule pipelineDoesNotUseTheRustApiPort = noClasses()
            .that().resideInAPackage("dev.ringline.pipeline..")
            .should().dependOnClassesThat().resideInAPackage("dev.ringline.memory..");

    /** The reusable buffers are a leaf: the pipeline, the port and the decoder use them, they use none of those. */
    @ArchTest
    static final ArchRule buffersAreALeaf = noClasses()
            .that().resideInAPackage("dev.ringline.buffer..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ringline.pipeline..", "dev.ringline.memory..",
                    "dev.ringline.cobol..", "dev.ringline.cli..");

    /** The top-level packages (buffer, pipeline, memory, cobol, cli) depend on each other without a cycle. */
    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles = slices().matching("dev.ringline.(*)..")
            .should().beFreeOfCycles();

    /** The Micrometer binding only listens to the decoder; nothing in the engine needs Micrometer. */
    @ArchTest
    static final ArchRule micrometerIsOptional = noClasses()
            .that().resideOutsideOfPackage("dev.ringline.micrometer..")
            .should().dependOnClassesThat().resideInAPackage("io.micrometer..");

    /** The binding uses the decoder's public listener only, not the pipeline or the decoder's internals. */
    @ArchTest
    static final ArchRule micrometerUsesOnlyTheListener = noClasses()
            .that().resideInAPackage("dev.ringline.micrometer..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ringline.pipeline..", "dev.ringline.memory..",
                    "dev.ringline.buffer..", "dev.ringline.cobol.(*)..");
}
