package io.psicoia.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain is a plain Java library: an embedding application gets nothing but the JDK with it. */
@AnalyzeClasses(packages = "io.psicoia.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainPurityTest {

    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk = classes()
            .that()
            .resideInAPackage("io.psicoia.domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("io.psicoia.domain..", "java..");

    @ArchTest
    static final ArchRule domain_model_does_not_use_ports_or_services = noClasses()
            .that()
            .resideInAPackage("io.psicoia.domain.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.psicoia.domain.port..", "io.psicoia.domain.service..");

    @ArchTest
    static final ArchRule ports_do_not_use_services = noClasses()
            .that()
            .resideInAPackage("io.psicoia.domain.port..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.psicoia.domain.service..");

    @ArchTest
    static final ArchRule domain_does_not_log_or_print = noClasses()
            .that()
            .resideInAPackage("io.psicoia.domain..")
            .should()
            .accessField(System.class, "out")
            .orShould()
            .accessField(System.class, "err")
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("java.util.logging..");
}
