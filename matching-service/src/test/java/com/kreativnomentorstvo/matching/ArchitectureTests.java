package com.kreativnomentorstvo.matching;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.kreativnomentorstvo.matching", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

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

	@ArchTest
	static final ArchRule businessCodeNeverTalksToKafka = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");

	@ArchTest
	static final ArchRule theServiceUsesNoOtherServicesCode = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.kreativnomentorstvo.participants..", "com.kreativnomentorstvo.sessions..",
				"com.kreativnomentorstvo.notifications..", "com.kreativnomentorstvo.gateway..");

	@ArchTest
	static final ArchRule domainAndPersistenceDoNotUseTheWebLayer = noClasses().that()
		.resideInAnyPackage("..matching.projection..", "..matching.scoring..", "..matching.solver..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..");

}
