package com.kreativnomentorstvo.testkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * The shared rules catch what they are for, on small deployables made for it (under
 * {@code com.kreativnomentorstvo.sample*}), and let a clean one through: a rule that never fails
 * would keep every service's {@code ArchitectureTests} green for nothing.
 */
class ServiceArchitectureTests {

	static Stream<Arguments> brokenDeployables() {
		return Stream.of(Arguments.of("a package cycle", "cycle", ServiceArchitecture.featurePackagesHaveNoCycles),
				Arguments.of("another deployable's code", "borrowing", ServiceArchitecture.noCodeOfAnotherDeployable),
				Arguments.of("business code touching Kafka", "kafka", ServiceArchitecture.businessCodeNeverTalksToKafka),
				Arguments.of("hand-made threads", "threads", ServiceArchitecture.noHandMadeExecutorsOrThreads),
				Arguments.of("a feature reaching back to the root", "rootward",
						ServiceArchitecture.featuresNeverDependOnTheRootPackage));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenDeployables")
	void aRuleFailsOnWhatItForbids(String what, String deployable, ArchRule rule) {
		EvaluationResult result = rule.evaluate(classesOf(deployable));

		assertThat(result.hasViolation()).as(what).isTrue();
	}

	static Stream<ArchRule> everyRule() {
		return Stream.of(ServiceArchitecture.featurePackagesHaveNoCycles, ServiceArchitecture.noCodeOfAnotherDeployable,
				ServiceArchitecture.businessCodeNeverTalksToKafka, ServiceArchitecture.noHandMadeExecutorsOrThreads,
				ServiceArchitecture.aggregatesKnowNeitherTheWebNorKafka, ServiceArchitecture.controllersAreNotPublic,
				ServiceArchitecture.onePageRecordAndOneIdHelper, ServiceArchitecture.featuresNeverDependOnTheRootPackage);
	}

	@ParameterizedTest
	@MethodSource("everyRule")
	void aCleanDeployableKeepsEveryRule(ArchRule rule) {
		EvaluationResult result = rule.evaluate(classesOf("clean"));

		assertThat(result.getFailureReport().getDetails()).isEmpty();
	}

	private static JavaClasses classesOf(String deployable) {
		return new ClassFileImporter().importPackages("com.kreativnomentorstvo.sample" + deployable);
	}

}
