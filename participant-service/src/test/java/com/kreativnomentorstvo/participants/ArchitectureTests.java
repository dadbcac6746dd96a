package com.kreativnomentorstvo.participants;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.kreativnomentorstvo.platform.outbox.AggregateRoot;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules of the service's shape, checked on every build. */
@AnalyzeClasses(packages = "com.kreativnomentorstvo.participants", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule featurePackagesHaveNoCycles = slices()
		.matching("com.kreativnomentorstvo.participants.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule noCodeOfOtherServices = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.kreativnomentorstvo.matching..", "com.kreativnomentorstvo.sessions..",
				"com.kreativnomentorstvo.notifications..", "com.kreativnomentorstvo.gateway..");

	@ArchTest
	static final ArchRule aggregatesKnowNeitherTheWebNorKafka = noClasses().that()
		.areAssignableTo(AggregateRoot.class)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "org.apache.kafka..",
				"org.springframework.kafka..", "jakarta.servlet..");

	@ArchTest
	static final ArchRule onlyTheTombstoneRelayWritesToKafka = noClasses().that()
		.doNotHaveSimpleName("ContactTombstones")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..");

	@ArchTest
	static final ArchRule controllersStayInTheirFeature = classes().that()
		.haveSimpleNameEndingWith("Controller")
		.should()
		.notBePublic();

}
