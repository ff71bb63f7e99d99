package io.psicoia.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The hexagon's rules, checked over every module's production classes. */
@AnalyzeClasses(packages = "io.psicoia", importOptions = ArchitectureTest.ProductionClassesOnly.class)
class ArchitectureTest {

    /** Leaves out test classes, also those that reach the classpath as a test-jar (the domain's fakes). */
    static final class ProductionClassesOnly implements ImportOption {
        private static final ImportOption NO_TEST_DIRECTORIES = new ImportOption.DoNotIncludeTests();

        @Override
        public boolean includes(Location location) {
            return NO_TEST_DIRECTORIES.includes(location)
                    && !location.matches(java.util.regex.Pattern.compile(".*-tests\\.jar!/.*"));
        }
    }

    private static final String DOMAIN = "io.psicoia.domain..";
    private static final String LLM = "io.psicoia.adapter.llm..";
    private static final String TCP = "io.psicoia.adapter.tcp..";
    private static final String GATEWAY = "io.psicoia.gateway..";
    private static final String CLI = "io.psicoia.cli..";
    private static final String ADMIN = "io.psicoia.adapter.admin..";

    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk = classes()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(DOMAIN, "java..");

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = noClasses()
            .that()
            .resideInAPackage(LLM)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(TCP, GATEWAY)
            .because("each adapter plugs into the domain's ports only");

    @ArchTest
    static final ArchRule tcp_does_not_depend_on_other_adapters = noClasses()
            .that()
            .resideInAPackage(TCP)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(LLM, GATEWAY)
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule gateway_does_not_depend_on_other_adapters_or_the_domain = noClasses()
            .that()
            .resideInAPackage(GATEWAY)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(LLM, TCP, DOMAIN)
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule admin_does_not_depend_on_other_adapters = noClasses()
            .that()
            .resideInAPackage(ADMIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(LLM, TCP, GATEWAY)
            .because("the admin listener sees the chat through the domain's events port only");

    @ArchTest
    static final ArchRule other_adapters_do_not_depend_on_admin = noClasses()
            .that()
            .resideInAnyPackage(LLM, TCP, GATEWAY, DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(ADMIN);

    @ArchTest
    static final ArchRule nothing_depends_on_cli = noClasses()
            .that()
            .resideOutsideOfPackage(CLI)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(CLI);

    @ArchTest
    static final ArchRule only_cli_reads_environment = noClasses()
            .that()
            .resideOutsideOfPackage(CLI)
            .should()
            .callMethod(System.class, "getenv")
            .orShould()
            .callMethod(System.class, "getenv", String.class)
            .orShould()
            .callMethod(System.class, "getProperty", String.class)
            .orShould()
            .callMethod(System.class, "getProperty", String.class, String.class)
            .orShould()
            .callMethod(System.class, "getProperties");

    @ArchTest
    static final ArchRule no_standard_streams_outside_cli =
            noClasses().that().resideOutsideOfPackage(CLI).should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

    @ArchTest
    static final ArchRule no_generic_exceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule no_java_util_logging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule no_netty_logging_handler = noClasses()
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("io.netty.handler.logging.LoggingHandler")
            .because("it hex-dumps payloads, and payloads are private conversations");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles =
            slices().matching("io.psicoia.(*)..").should().beFreeOfCycles();
}
