package com.kreativnomentorstvo.testkit.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The rules every deployable of the platform keeps (the four services and the gateway), written once.
 * A module's {@code ArchitectureTests} takes them all with
 * {@code @ArchTest static final ArchTests shared = ArchTests.in(ServiceArchitecture.class);} under
 * {@code @AnalyzeClasses(packagesOf = <its application class>, importOptions = DoNotIncludeTests.class)},
 * beside the rules of its own shape. CONTRIBUTING.md's skeleton table names where each part lives.
 */
public final class ServiceArchitecture {

	/** Where every deployable's code lives: {@code com.kreativnomentorstvo.<deployable>}. */
	public static final String BASE = "com.kreativnomentorstvo";

	/**
	 * What every deployable may use beside its own code: the published language, the small pieces every
	 * web stack shares ({@code support}) and the platform.
	 */
	static final Set<String> SHARED = Set.of("events", "support", "platform");

	private ServiceArchitecture() {
	}

	/**
	 * Feature packages depend on each other in one direction only, so that each can be read, tested
	 * and moved on its own. The root package (the application and its subscription list) wires
	 * features together and stays out of the slices.
	 */
	@ArchTest
	public static final ArchRule featurePackagesHaveNoCycles = slices().matching(BASE + ".*.(*)..")
		.namingSlices("feature $1")
		.should()
		.beFreeOfCycles();

	/**
	 * The root package wires the features together (the application, its subscription list) and the
	 * features never reach back into it, so that a feature can be read and tested without the whole.
	 */
	@ArchTest
	public static final ArchRule featuresNeverDependOnTheRootPackage = classes().should(notReachBackToTheRoot());

	/**
	 * A deployable uses its own code, the published language ({@code events}), the shared pieces
	 * ({@code support}) and the platform, never another deployable's: services talk through events and
	 * HTTP only.
	 */
	@ArchTest
	public static final ArchRule noCodeOfAnotherDeployable = classes().should(useNoOtherDeployablesCode());

	/**
	 * Business code never speaks to Kafka: events leave through the platform's outbox in the same write
	 * as the state change, and arrive through the platform's subscriptions (idempotent, retried,
	 * dead-lettered).
	 */
	@ArchTest
	public static final ArchRule businessCodeNeverTalksToKafka = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
		.because("events leave through the platform's outbox and arrive through its subscriptions");

	/**
	 * Background work is scheduled by the feature that owns it, on Spring's scheduler
	 * ({@code @Scheduled} or a {@code SchedulingConfigurer}), so that it is observed, shut down with
	 * the application and configured in one place: no hand-made thread pools or threads.
	 */
	@ArchTest
	public static final ArchRule noHandMadeExecutorsOrThreads = noClasses().should()
		.dependOnClassesThat()
		.belongToAnyOf(Executors.class, ThreadPoolExecutor.class, ScheduledThreadPoolExecutor.class,
				ForkJoinPool.class)
		.orShould()
		.callConstructorWhere(target(owner(assignableTo(Thread.class))))
		.because("each feature schedules itself on Spring's task scheduler");

	/**
	 * An aggregate holds the rules of its records and knows nothing of how it is asked (HTTP) or how its
	 * events travel (Kafka): it is tested on its own, in milliseconds.
	 */
	@ArchTest
	public static final ArchRule aggregatesKnowNeitherTheWebNorKafka = noClasses().that()
		.areAssignableTo("com.kreativnomentorstvo.platform.outbox.AggregateRoot")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
				"org.apache.kafka..", "org.springframework.kafka..")
		.allowEmptyShould(true);

	/** Controllers are the edge of their feature, not an API for other packages. */
	@ArchTest
	public static final ArchRule controllersAreNotPublic = classes().that()
		.areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
		.should()
		.notBePublic()
		.allowEmptyShould(true);

	/** The one page record and the one id helper of the platform, not a copy per service. */
	@ArchTest
	public static final ArchRule onePageRecordAndOneIdHelper = noClasses().should()
		.haveSimpleName("PageOf")
		.orShould()
		.haveSimpleName("Ids")
		.because("paging is the platform's PageOf and ids come from the platform's Ids");

	static ArchCondition<JavaClass> useNoOtherDeployablesCode() {
		return new ArchCondition<>("use no other deployable's code (only its own, events, support and platform)") {
			@Override
			public void check(JavaClass origin, ConditionEvents events) {
				String own = deployableOf(origin.getPackageName());
				for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
					String target = deployableOf(dependency.getTargetClass().getPackageName());
					if (target != null && !target.equals(own) && !SHARED.contains(target)) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}
		};
	}

	static ArchCondition<JavaClass> notReachBackToTheRoot() {
		return new ArchCondition<>("not depend on their deployable's root package, if they are in a feature") {
			@Override
			public void check(JavaClass origin, ConditionEvents events) {
				String own = deployableOf(origin.getPackageName());
				if (own == null || origin.getPackageName().equals(BASE + "." + own)) {
					return;
				}
				for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
					if (dependency.getTargetClass().getPackageName().equals(BASE + "." + own)) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}
		};
	}

	/** The deployable a package belongs to ({@code matching} for {@code com.kreativnomentorstvo.matching.run}), if any. */
	static String deployableOf(String packageName) {
		if (!packageName.startsWith(BASE + ".")) {
			return null;
		}
		String rest = packageName.substring(BASE.length() + 1);
		int dot = rest.indexOf('.');
		return dot < 0 ? rest : rest.substring(0, dot);
	}

}
