package com.kreativnomentorstvo.authserver;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import com.kreativnomentorstvo.testkit.SharedMongo;

/** Points the server at the test JVM's shared store (testkit); each context names its own database. */
public class SharedStore implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of("spring.mongodb.uri=" + SharedMongo.uri()).applyTo(context);
	}

}
