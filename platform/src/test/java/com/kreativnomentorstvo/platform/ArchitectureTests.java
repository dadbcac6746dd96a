package com.kreativnomentorstvo.platform;

import com.kreativnomentorstvo.testkit.architecture.ServiceArchitecture;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The platform keeps the shared rules that are not about being a service: its parts depend on each
 * other in one direction, it knows no deployable's code, and its background work runs on Spring's
 * schedulers. (It is where Kafka lives, so that rule is not its.)
 */
@AnalyzeClasses(packagesOf = PlatformProperties.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule featurePackagesHaveNoCycles = ServiceArchitecture.featurePackagesHaveNoCycles;

	@ArchTest
	static final ArchRule noCodeOfAnotherDeployable = ServiceArchitecture.noCodeOfAnotherDeployable;

	@ArchTest
	static final ArchRule noHandMadeExecutorsOrThreads = ServiceArchitecture.noHandMadeExecutorsOrThreads;

}
