package catdata;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Arrays;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import catdata.error.ApiException;

/**
 * The package layout as rules, so it stays true as the code grows. Features (a catalogue entity
 * each, controller to repository) sit on shared packages; shared packages know no feature; a
 * feature knows another only by the errors it throws; {@code startup} assembles and nothing
 * imports it.
 */
@AnalyzeClasses(packages = "catdata", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] FEATURES =
            {"catdata.container..", "catdata.tag..", "catdata.item..", "catdata.image..", "catdata.household..",
                "catdata.adoption..", "catdata.archive.."};
    static final String[] SHARED = {"catdata.owner..", "catdata.error..", "catdata.paging..", "catdata.web..",
            "catdata.database..", "catdata.storage..", "catdata.codec..", "catdata.config..", "catdata.photo.."};

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("catdata.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothingImportsStartup = noClasses().that().resideOutsideOfPackage("catdata.startup..")
            .should().dependOnClassesThat().resideInAPackage("catdata.startup..")
            .because("start-up assembles the service; what it configures checks its own settings");

    @ArchTest
    static final ArchRule sharedPackagesKnowNoFeature = noClasses().that().resideInAnyPackage(SHARED)
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .orShould().dependOnClassesThat().resideInAnyPackage("catdata.security..", "catdata.local..",
                    "catdata.apidocs..");

    @ArchTest
    static final ArchRule featuresUseEachOtherOnlyThroughTheirErrors = CompositeArchRule.of(
            Arrays.stream(FEATURES).map(ArchitectureTest::onlyErrorsOfOtherFeatures).toList());

    @ArchTest
    static final ArchRule controllersGoThroughServices = noClasses().that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .orShould().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..");

    @ArchTest
    static final ArchRule sqlStaysInRepositoriesAndTheDatabasePackages = noClasses()
            .that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc.core..");

    private static ArchRule onlyErrorsOfOtherFeatures(String feature) {
        String[] others = Arrays.stream(FEATURES).filter(other -> !other.equals(feature)).toArray(String[]::new);
        return noClasses().that().resideInAPackage(feature)
                .should().dependOnClassesThat(resideInAnyPackage(others).and(not(assignableTo(ApiException.class))))
                .as("classes in " + feature + " should use another feature only through its errors");
    }
}
