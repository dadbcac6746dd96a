package com.kreativnomentorstvo.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Points a Spring Boot test at the JVM's shared broker, store and token issuer, and makes retries
 * and the outbox sweep fast. Put it next to {@code @SpringBootTest}. Test classes that share the
 * rest of their configuration share one application context, and so one set of consumers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(PlatformInfrastructureCustomizerFactory.class)
public @interface WithPlatformInfrastructure {

}
