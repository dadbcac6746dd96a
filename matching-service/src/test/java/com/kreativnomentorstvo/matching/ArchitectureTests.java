package com.kreativnomentorstvo.matching;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.kreativnomentorstvo.testkit.architecture.ServiceArchitecture;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

import com.kreativnomentorstvo.matching.match.Places;

/** The rules every deployable keeps (see CONTRIBUTING.md), and the shape of this service. */
@AnalyzeClasses(packagesOf = MatchingServiceApplication.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchTests shared = ArchTests.in(ServiceArchitecture.class);

	@ArchTest
	static final ArchRule theSolverIsPlainJava = noClasses().that()
		.resideInAPackage("..matching.solver..")
		.should()
		.dependOnClassesThat()
		.resideOutsideOfPackages("..matching.solver..", "java..");

	@ArchTest
	static final ArchRule scoringKnowsNoFrameworkNorStore = noClasses().that()
		.resideInAPackage("..matching.scoring..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "org.apache.kafka..", "..matching.projection..",
				"..matching.run..", "..matching.match..");





	/** Place counts change in one class, which keeps them in step with the matches. */
	@ArchTest
	static final ArchRule onlyPlaceKeepingTakesAndGivesBackPlaces = noClasses().that()
		.doNotHaveFullyQualifiedName("com.kreativnomentorstvo.matching.match.PlaceKeeping")
		.should()
		.callMethod(Places.class, "hold", String.class, String.class, int.class)
		.orShould()
		.callMethod(Places.class, "release", String.class, String.class);

	@ArchTest
	static final ArchRule domainAndPersistenceDoNotUseTheWebLayer = noClasses().that()
		.resideInAnyPackage("..matching.projection..", "..matching.scoring..", "..matching.solver..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..");

}
