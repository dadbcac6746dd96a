package com.kreativnomentorstvo.web;

import com.kreativnomentorstvo.testkit.architecture.ServiceArchitecture;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/** The rules every deployable keeps, checked on every build (see CONTRIBUTING.md). */
@AnalyzeClasses(packagesOf = WebApplication.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchTests shared = ArchTests.in(ServiceArchitecture.class);

}
