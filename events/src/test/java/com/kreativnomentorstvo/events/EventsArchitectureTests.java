package com.kreativnomentorstvo.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The published language is plain Java that any consumer can use. */
@AnalyzeClasses(packages = "com.kreativnomentorstvo.events", importOptions = ImportOption.DoNotIncludeTests.class)
class EventsArchitectureTests {

	@ArchTest
	static final ArchRule theEventsDoNotDependOnSpring = noClasses().that()
		.resideInAPackage("com.kreativnomentorstvo.events..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.springframework..");

	@ArchTest
	static final ArchRule everyEventIsARecord = classes().that()
		.implement(MentoringEvent.class)
		.should()
		.beRecords();

}
