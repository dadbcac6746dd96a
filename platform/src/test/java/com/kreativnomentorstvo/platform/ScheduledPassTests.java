package com.kreativnomentorstvo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class ScheduledPassTests {

	@Test
	void aFailedPassIsLoggedAsAWarningAndTheNextOneRuns(CapturedOutput output) {
		AtomicInteger passes = new AtomicInteger();
		ScheduledPass pass = new ScheduledPass("test pass", () -> {
			if (passes.incrementAndGet() == 1) {
				throw new IllegalStateException("store away");
			}
		}, LoggerFactory.getLogger(ScheduledPassTests.class));

		assertThatNoException().isThrownBy(pass::run);
		pass.run();

		assertThat(passes).hasValue(2);
		assertThat(output).containsOnlyOnce(
				"The test pass failed; the next one follows: java.lang.IllegalStateException: store away");
	}

}
