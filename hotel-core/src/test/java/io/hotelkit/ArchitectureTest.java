package io.hotelkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.hotelkit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_domain_imports_no_framework = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta.persistence..", "javax.persistence..", "org.hibernate..", "io.helidon..", "com.fasterxml..",
                    "org.springframework..")
            .because("hotel-core is the domain and its ports; frameworks live in the adapters");

    @ArchTest
    static final ArchRule no_domain_code_reaches_for_the_in_memory_adapters = noClasses()
            .that().resideOutsideOfPackages("io.hotelkit.memory..")
            .and().doNotHaveFullyQualifiedName("io.hotelkit.Hotel")
            .and().doNotHaveFullyQualifiedName("io.hotelkit.Hotel$Builder")
            .should().dependOnClassesThat().resideInAPackage("io.hotelkit.memory..")
            .because("the domain talks to ports; which adapters fill them is the entry point's choice");

    @ArchTest
    static final ArchRule time_comes_from_a_clock = noClasses()
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.LocalDate.class, "now")
            .because("time comes in through java.time.Clock, so tests can fix it");

    @ArchTest
    static final ArchRule the_packages_are_free_of_cycles = slices().matching("io.hotelkit.(*)..")
            .should().beFreeOfCycles()
            .because("each context builds on the ones below it; a cycle makes two packages one in all but name");

    @ArchTest
    static final ArchRule the_domain_needs_the_jdk_and_jspecify_only = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "org.jspecify..", "io.hotelkit..")
            .because("an embedding pulls in nothing it did not ask for; where core must log, it uses System.Logger, so "
                    + "a minimal embedding prints no SLF4J warnings");
}
