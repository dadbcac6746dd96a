package com.kreativnomentorstvo.faults.mutants;

import java.util.Set;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import com.kreativnomentorstvo.platform.messaging.Inbox;

/**
 * A platform build with one mechanism taken out, to show that the fault-injection suite notices
 * when it is missing. Only the suite puts this class in front of a service's own classes (Spring
 * Boot's {@code PropertiesLauncher} with {@code loader.path}), and only when it is asked to run
 * against a mutant ({@code -Dfaults.mutant=...}); the platform itself is not changed. The inbox
 * bean is wrapped in a proxy (no constructor of it is called, so the mutant does not depend on how
 * the inbox is built):
 *
 * <ul>
 * <li>{@code no-inbox}: {@code applyOnce} runs the effect every time: every delivery of an event is
 * applied, also when this consumer applied it before;</li>
 * <li>{@code no-infrastructure-classification}: a failure of the store or the broker while an event
 * is applied leaves {@code applyOnce} as a plain {@link IllegalStateException} without its cause,
 * as a failure of unknown kind would, so it is retried only as often as one.</li>
 * </ul>
 * The third mutant, {@code no-outbox-sweep}, needs no code: the suite sets the sweep's interval to
 * a hundred years.
 */
@AutoConfiguration
public class MutantsAutoConfiguration {

	/** The system property naming the mutant. */
	public static final String PROPERTY = "faults.mutant";

	/** Failures of the store or the broker (and their subtypes), by class name. */
	private static final Set<String> INFRASTRUCTURE = Set.of("org.springframework.dao.DataAccessResourceFailureException",
			"org.springframework.dao.TransientDataAccessException", "org.springframework.dao.QueryTimeoutException",
			"com.mongodb.MongoTimeoutException", "com.mongodb.MongoSocketException",
			"com.mongodb.MongoExecutionTimeoutException", "com.mongodb.MongoNotPrimaryException",
			"com.mongodb.MongoNodeIsRecoveringException", "org.apache.kafka.common.errors.RetriableException",
			"java.util.concurrent.TimeoutException", "java.net.SocketException");

	@Bean
	static BeanPostProcessor faultsMutant() {
		String mutant = System.getProperty(PROPERTY, "");
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof Inbox)) {
					return bean;
				}
				return switch (mutant) {
					case "no-inbox" -> proxy(bean, forgetful());
					case "no-infrastructure-classification" -> proxy(bean, unclassified());
					default -> bean;
				};
			}

		};
	}

	private static Object proxy(Object target, MethodInterceptor interceptor) {
		ProxyFactory factory = new ProxyFactory(target);
		factory.setProxyTargetClass(true);
		factory.addAdvice(interceptor);
		return factory.getProxy(target.getClass().getClassLoader());
	}

	/** The inbox check taken out. */
	private static MethodInterceptor forgetful() {
		return invocation -> {
			switch (invocation.getMethod().getName()) {
				case "applyOnce" -> {
					for (Object argument : invocation.getArguments()) {
						if (argument instanceof Runnable effect) {
							effect.run();
							return Boolean.TRUE;
						}
					}
					return invocation.proceed();
				}
				case "hasApplied" -> {
					return Boolean.FALSE;
				}
				default -> {
					return invocation.proceed();
				}
			}
		};
	}

	/** The classification of infrastructure errors taken out. */
	private static MethodInterceptor unclassified() {
		return invocation -> {
			if (!invocation.getMethod().getName().equals("applyOnce")) {
				return invocation.proceed();
			}
			try {
				return invocation.proceed();
			}
			catch (RuntimeException failure) {
				if (infrastructure(failure)) {
					throw new IllegalStateException("failed (classification taken out): " + failure.getClass().getSimpleName());
				}
				throw failure;
			}
		};
	}

	private static boolean infrastructure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
				if (INFRASTRUCTURE.contains(type.getName())) {
					return true;
				}
			}
		}
		return false;
	}

}
