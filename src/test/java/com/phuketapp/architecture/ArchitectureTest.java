package com.phuketapp.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.phuketapp.PhuketApplication;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.web.bind.annotation.RestController;

/** The layout of STYLE.md, checked: modules by Spring Modulith, a few layering rules by ArchUnit. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.phuketapp");

    @Test
    void modulesOnlyUseEachOthersPublicFaceAndFormNoCycles() {
        ApplicationModules.of(PhuketApplication.class).verify();
    }

    @Test
    void platformDependsOnNoFeatureModule() {
        noClasses()
                .that()
                .resideInAPackage("com.phuketapp.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.phuketapp.identity..",
                        "com.phuketapp.catalog..",
                        "com.phuketapp.booking..",
                        "com.phuketapp.payment..",
                        "com.phuketapp.notification..",
                        "com.phuketapp.integration..")
                .check(MAIN);
    }

    @Test
    void controllersLiveInWebPackagesAndNeverTouchPersistence() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .resideInAPackage("..web..")
                .orShould()
                .resideInAPackage("..platform..")
                .check(MAIN);
        noClasses()
                .that()
                .resideInAPackage("..web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..persistence..")
                .check(MAIN);
    }

    @Test
    void dependenciesAreInjectedThroughConstructors() {
        fields().should().notBeAnnotatedWith(Autowired.class).check(MAIN);
    }

    @Test
    void nothingPrintsToTheConsoleBehindTheLoggersBack() {
        noClasses()
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .orShould()
                .callMethod(Throwable.class, "printStackTrace")
                .check(MAIN);
    }
}
