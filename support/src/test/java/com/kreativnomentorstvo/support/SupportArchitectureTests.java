package com.kreativnomentorstvo.support;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Every deployable may use this module, so it uses none of theirs, and it stays plain classes that
 * a deployable registers itself: nothing here becomes a bean by being on the class path.
 */
@AnalyzeClasses(packages = "com.kreativnomentorstvo.support", importOptions = ImportOption.DoNotIncludeTests.class)
class SupportArchitectureTests {

	@ArchTest
	static final ArchRule usesNoDeployablesCode = noClasses().should()
		.dependOnClassesThat(resideInAPackage("com.kreativnomentorstvo..")
			.and(not(resideInAPackage("com.kreativnomentorstvo.support.."))))
		.because("the gateway, the platform and the authorization server all use it");

	@ArchTest
	static final ArchRule noSpringContextOfItsOwn = noClasses().should()
		.beMetaAnnotatedWith("org.springframework.stereotype.Component")
		.orShould()
		.beAnnotatedWith("org.springframework.boot.autoconfigure.AutoConfiguration")
		.orShould()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.context..", "org.springframework.boot.autoconfigure..");

}
