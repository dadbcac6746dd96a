package com.kreativnomentorstvo.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * When a launcher starts this service as a child process ({@code mentoring.parent-pid}), the
 * service stops when the launcher is gone, even if the launcher was killed without cleaning up.
 */
@AutoConfiguration
@ConditionalOnProperty("mentoring.parent-pid")
public class ParentProcessWatch implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger log = LoggerFactory.getLogger(ParentProcessWatch.class);

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		long pid = Long.parseLong(context.getEnvironment().getRequiredProperty("mentoring.parent-pid"));
		ProcessHandle.of(pid).ifPresentOrElse(parent -> parent.onExit().thenRun(() -> {
			log.info("Launcher {} has exited; stopping", pid);
			System.exit(SpringApplication.exit(context));
		}), () -> System.exit(SpringApplication.exit(context)));
	}

}
