package com.kreativnomentorstvo.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.Topics;

/**
 * What the deployment files must fit, read from the code they deploy: each module's port, name
 * (= consumer group) and database from its application.yml, and which modules consume events.
 */
final class Platform {

	static final String VERSION = "0.1.0-SNAPSHOT";

	private static final Pattern PORT_DEFAULT = Pattern.compile("\\$\\{PORT:(\\d+)}");

	private static final Pattern TOMBSTONE_SUBSCRIPTION = Pattern.compile("onTombstone\\(Topics\\.([A-Z_]+)");

	private static final Pattern MANAGEMENT_PORT_DEFAULT = Pattern.compile("\\$\\{MANAGEMENT_PORT:(\\d+)}");

	private static final Pattern PATH_LITERAL = Pattern.compile("\"(/[^\"\\s]*)\"");

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

	/** The web application: the pages, behind the gateway. */
	static Module web() {
		return module("web");
	}

	/** Everything that runs as a pod of the platform: the deployables and the web application. */
	static List<Module> runnables() {
		return Stream.concat(deployables().stream(), Stream.of(web())).toList();
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
	 * The port of a module's actuator (probes, metrics) where it has one of its own
	 * ({@code management.server.port: ${MANAGEMENT_PORT:<default>}}, the gateway's); empty where the
	 * actuator shares the API port.
	 */
	static java.util.OptionalInt managementPort(Module module) {
		Map<String, Object> application = Repository.yaml(module.directory() + "/src/main/resources/application.yml");
		Object port = Documents.at(application, "management.server.port");
		if (port == null) {
			return java.util.OptionalInt.empty();
		}
		Matcher matcher = MANAGEMENT_PORT_DEFAULT.matcher(String.valueOf(port));
		if (!matcher.matches()) {
			throw new AssertionError(module.directory() + ": management.server.port is not ${MANAGEMENT_PORT:<default>}");
		}
		return java.util.OptionalInt.of(Integer.parseInt(matcher.group(1)));
	}

	/**
	 * The paths the gateway serves on its API port, as Spring path patterns: every path its security
	 * lets a caller reach (GatewaySecurity's literals: the API, the OpenAPI documents, the Swagger UI
	 * and its assets, the AsyncAPI document and event schemas, the pages of account e-mails' links),
	 * the paths of every service's routes and each service's OpenAPI document (the API's route table,
	 * {@code support/src/main/resources/mentoring-api-routes.yml}, which the gateway imports). Its
	 * actuator is not among them: it answers on the management port only.
	 */
	static Set<String> gatewayPaths() {
		Module gateway = gateway();
		Set<String> paths = new TreeSet<>();
		Map<String, Object> routes = Repository.yaml("support/src/main/resources/mentoring-api-routes.yml");
		Documents.mapAt(routes, "mentoring.api.services").forEach((service, route) -> {
			Documents.listAt(route, "paths").forEach(path -> paths.add(String.valueOf(path)));
			if (!"false".equals(Documents.text(route, "api-docs"))) {
				paths.add("/v3/api-docs/" + service);
			}
		});
		Path security = Repository.path(gateway.directory()
				+ "/src/main/java/com/kreativnomentorstvo/gateway/security/GatewaySecurity.java");
		Matcher literals = PATH_LITERAL.matcher(Repository.read(security));
		while (literals.find()) {
			paths.add(literals.group(1));
		}
		paths.removeIf(path -> managementPort(gateway).isPresent() && path.startsWith("/actuator"));
		return paths;
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

	/** A permission a service's Kafka user needs: operation Read or Write on a topic or a group. */
	record KafkaPermission(String user, String operation, String resource, String name) implements Comparable<KafkaPermission> {

		@Override
		public int compareTo(KafkaPermission other) {
			return toString().compareTo(other.toString());
		}

		@Override
		public String toString() {
			return user + " " + operation + " " + resource + " " + name;
		}

	}

	/**
	 * The topics whose events a module's main code makes ({@code new <EventRecord>(}): the outbox
	 * relays each event to the topic of its catalogue entry.
	 */
	static Set<String> publishedTopics(Module module) {
		String code = mainCode(module.directory());
		Set<String> topics = new TreeSet<>();
		for (EventType type : EventType.values()) {
			if (code.contains("new " + type.dataClass().getSimpleName() + "(")) {
				topics.add(type.topic());
			}
		}
		return topics;
	}

	/**
	 * The topics a module's subscriptions read: the topic of every event type it handles
	 * ({@code .on(<EventRecord>.class}) and of every tombstone handler ({@code onTombstone(Topics.X}).
	 */
	static Set<String> consumedTopics(Module module) {
		String code = mainCode(module.directory());
		Set<String> topics = new TreeSet<>();
		for (EventType type : EventType.values()) {
			if (Pattern.compile("\\bon\\(\\s*" + type.dataClass().getSimpleName() + "\\.class").matcher(code).find()) {
				topics.add(type.topic());
			}
		}
		Matcher tombstones = TOMBSTONE_SUBSCRIPTION.matcher(code);
		while (tombstones.find()) {
			try {
				topics.add((String) Topics.class.getField(tombstones.group(1)).get(null));
			}
			catch (ReflectiveOperationException e) {
				throw new AssertionError(module.name() + " subscribes to tombstones of an unknown topic " + tombstones.group(1), e);
			}
		}
		return topics;
	}

	/**
	 * What the platform's Kafka users need, derived from the code: each service writes the topics of
	 * the events it publishes; a consumer also writes its dead-letter topic, reads the topics it
	 * subscribes to and its own dead-letter topic (/actuator/deadletters reads it), and joins its own
	 * consumer group. Nothing else: topics are made by the deployment, not by the services.
	 */
	static Set<KafkaPermission> kafkaPermissions() {
		Set<KafkaPermission> permissions = new TreeSet<>();
		for (Module service : services()) {
			String user = service.name();
			publishedTopics(service).forEach(topic -> permissions.add(new KafkaPermission(user, "Write", "topic", topic)));
			if (service.consumesEvents()) {
				String deadLetters = Topics.deadLetterTopic(service.name());
				permissions.add(new KafkaPermission(user, "Write", "topic", deadLetters));
				consumedTopics(service).forEach(topic -> permissions.add(new KafkaPermission(user, "Read", "topic", topic)));
				permissions.add(new KafkaPermission(user, "Read", "topic", deadLetters));
				permissions.add(new KafkaPermission(user, "Read", "group", service.name()));
			}
		}
		return permissions;
	}

	/**
	 * The settings of a compacted topic that keep the platform's promise on how soon an erased
	 * person's earlier record is gone (platform's {@code PlatformProperties.Compaction} defaults and
	 * its CompactedTopicRoller): empty where the platform makes no such promise.
	 */
	static Map<String, String> compactionSettings() {
		String properties = Repository.read("platform/src/main/java/com/kreativnomentorstvo/platform/PlatformProperties.java");
		Matcher segment = Pattern.compile("@DefaultValue\\(\"([^\"]+)\"\\)\\s+Duration\\s+segment\\b").matcher(properties);
		Matcher tombstones = Pattern.compile("@DefaultValue\\(\"([^\"]+)\"\\)\\s+Duration\\s+tombstoneRetention\\b")
			.matcher(properties);
		if (!segment.find() || !tombstones.find()) {
			return Map.of();
		}
		String segmentMillis = Long.toString(millis(segment.group(1)));
		return Map.of("cleanup.policy", "compact", "segment.ms", segmentMillis, "min.compaction.lag.ms", "0",
				"max.compaction.lag.ms", segmentMillis, "delete.retention.ms", Long.toString(millis(tombstones.group(1))));
	}

	/** A Spring Boot duration of the simple form (500ms, 30s, 5m, 1h, 1d). */
	private static long millis(String duration) {
		Matcher simple = Pattern.compile("(\\d+)(ms|s|m|h|d)").matcher(duration.strip());
		if (!simple.matches()) {
			return java.time.Duration.parse(duration).toMillis();
		}
		long amount = Long.parseLong(simple.group(1));
		return switch (simple.group(2)) {
			case "ms" -> amount;
			case "s" -> amount * 1000;
			case "m" -> amount * 60_000;
			case "h" -> amount * 3_600_000;
			default -> amount * 86_400_000;
		};
	}

	/** Every Java file of a module's main code, concatenated. */
	private static String mainCode(String directory) {
		Path sources = Repository.path(directory + "/src/main/java");
		try (Stream<Path> files = Files.walk(sources)) {
			StringBuilder code = new StringBuilder();
			files.filter(file -> file.toString().endsWith(".java")).sorted().forEach(file -> code.append(Repository.read(file)).append('\n'));
			return code.toString();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
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
