package com.kreativnomentorstvo.sessions;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.platform.outbox.AggregateRoot;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The module's shape, as rules that fail the build when broken. */
class ArchitectureTests {

	private static final JavaClasses SERVICE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.kreativnomentorstvo.sessions");

	@Test
	void featurePackagesDoNotDependOnEachOtherInCircles() {
		slices().matching("com.kreativnomentorstvo.sessions.(*)..").should().beFreeOfCycles().check(SERVICE);
	}

	@Test
	void theServiceNeverUsesAnotherServicesCode() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.kreativnomentorstvo.participants..", "com.kreativnomentorstvo.matching..",
					"com.kreativnomentorstvo.notifications..", "com.kreativnomentorstvo.gateway..")
			.check(SERVICE);
	}

	@Test
	void businessCodeNeverTalksToKafkaItself() {
		// events leave through the platform's outbox, in the same write as the state change
		noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
			.check(SERVICE);
	}

	@Test
	void aggregatesKnowNothingOfTheWeb() {
		noClasses().that()
			.areAssignableTo(AggregateRoot.class)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
			.check(SERVICE);
	}

	@Test
	void controllersAreNotPartOfAnyPackagesApi() {
		classes().that().areAnnotatedWith(RestController.class).should().notBePublic().check(SERVICE);
	}

}
