package com.kreativnomentorstvo.notifications.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.kreativnomentorstvo.testkit.MovableClock;

/** The service's {@code Clock} in tests: movable, in place of the platform's system clock. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

	@Bean
	MovableClock clock() {
		return new MovableClock();
	}

}
