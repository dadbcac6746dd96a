package com.kreativnomentorstvo.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.kreativnomentorstvo.events.Topics;

/**
 * What the deployment files must fit, read from the code they deploy: each module's port, name
 * (= consumer group) and database from its application.yml, and which modules consume events.
 */
final class Platform {

	static final String VERSION = "0.1.0-SNAPSHOT";

	private static final Pattern PORT_DEFAULT = Pattern.compile("\\$\\{PORT:(\\d+)}");

	private Platform() {
	}

	/** One deployable module. */
	record Module(String directory, String name, int port, String database, boolean consumesEvents) {

		String jar() {
			return directory + "/target/" + directory.substring(directory.lastIndexOf('/') + 1) + "-" + VERSION
					+ "-exec.jar";
		}

		boolean isGateway() {
			return "gateway".equals(name);
		}

	}

	static final List<String> SERVICE_DIRECTORIES = List.of("participant-service", "matching-service",
			"session-service", "notification-service");

	static List<Module> services() {
		return SERVICE_DIRECTORIES.stream().map(Platform::module).toList();
	}

	static Module gateway() {
		return module("gateway");
	}

	/** The gateway and the four services. */
	static List<Module> deployables() {
		return Stream.concat(Stream.of(gateway()), services().stream()).toList();
	}

	static List<Module> consumers() {
		return services().stream().filter(Module::consumesEvents).toList();
	}

	/** Every topic a deployment must have: the catalogue's and each consumer group's dead-letter topic. */
	static List<String> requiredTopics() {
		return Stream.concat(Topics.ALL.stream(), consumers().stream().map(m -> Topics.deadLetterTopic(m.name())))
			.toList();
	}

	static Module module(String directory) {
		Map<String, Object> application = Repository.yaml(directory + "/src/main/resources/application.yml");
		String name = Documents.text(application, "spring.application.name");
		Matcher port = PORT_DEFAULT.matcher(String.valueOf(Documents.at(application, "server.port")));
		if (!port.matches()) {
			throw new AssertionError(directory + ": server.port is not ${PORT:<default>}");
		}
		return new Module(directory, name, Integer.parseInt(port.group(1)),
				Documents.text(application, "spring.mongodb.database"), declaresSubscriptions(directory));
	}

	/**
	 * The services that sign or check the links of account e-mails ({@code mentoring.links.secret},
	 * {@code LINK_SECRET}): notification-service writes them, participant-service checks them, and so
	 * does any other service whose code uses the platform's SignedLinks.
	 */
	static List<Module> linkSigners() {
		return services().stream()
			.filter(m -> m.name().equals("participant-service") || m.name().equals("notification-service")
					|| mainCodeContains(m.directory(), "SignedLinks"))
			.toList();
	}

	private static boolean mainCodeContains(String directory, String text) {
		Path sources = Repository.path(directory + "/src/main/java");
		try (Stream<Path> files = Files.walk(sources)) {
			return files.filter(file -> file.toString().endsWith(".java")).anyMatch(file -> Repository.read(file).contains(text));
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** A module consumes events when it declares a Subscriptions bean (platform README). */
	private static boolean declaresSubscriptions(String directory) {
		Path sources = Repository.path(directory + "/src/main/java");
		try (Stream<Path> files = Files.walk(sources)) {
			return files.filter(file -> file.toString().endsWith(".java"))
				.anyMatch(file -> Repository.read(file).contains("Subscriptions.forConsumer("));
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

}
