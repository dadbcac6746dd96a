package com.kreativnomentorstvo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.kreativnomentorstvo.deploy.Platform.Module;
import com.sun.net.httpserver.HttpServer;

/** The shared Dockerfile and the scripts the containers run, exercised without a Docker engine. */
class ImageTests {

	private static final String DOCKERFILE = "deploy/docker/Dockerfile";

	private static final List<String> LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies",
			"application");

	private final String dockerfile = Repository.read(DOCKERFILE);

	@Test
	void theImageRunsAsAFixedUnprivilegedUser() {
		Matcher users = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
		String last = null;
		while (users.find()) {
			last = users.group(1);
		}
		assertThat(last).as("the final USER of the Dockerfile").isNotNull();
		String uid = last.split(":")[0];
		assertThat(uid).matches("\\d+");
		assertThat(Integer.parseInt(uid)).isGreaterThanOrEqualTo(1000);
		assertThat(dockerfile).contains("useradd --system --uid " + uid);
	}

	@Test
	void theImageSetsJvmMemoryFromTheContainerLimitAndHasAHealthCheck() {
		assertThat(dockerfile).containsPattern("-XX:MaxRAMPercentage=\\d+")
			.contains("-XX:+ExitOnOutOfMemoryError")
			.contains("HEALTHCHECK")
			.contains("COPY deploy/docker/healthcheck.sh /usr/local/bin/healthcheck")
			.contains("org.springframework.boot.loader.launch.JarLauncher");
		assertThat(Repository.read("deploy/docker/Dockerfile.dockerignore")).contains("!*/target/*-exec.jar")
			.contains("!deploy/docker/healthcheck.sh");
	}

	@Test
	void theImageCopiesTheLayersSpringBootExtractsLeastChangingFirst() {
		assertThat(dockerfile).contains("java -Djarmode=tools -jar application.jar extract --layers --launcher --destination extracted");
		int previous = -1;
		for (String layer : LAYERS) {
			int at = dockerfile.indexOf("COPY --from=layers /build/extracted/" + layer + "/ ./");
			assertThat(at).as(layer).isGreaterThan(previous);
			previous = at;
		}
	}

	/** Runs the Dockerfile's extraction on a real runnable jar and finds the layers and the launcher. */
	@Test
	void aRunnableJarOfTheBuildSplitsIntoTheLayersTheDockerfileCopies(@TempDir Path directory) throws IOException {
		Module module = Platform.services().get(0);
		Path jar = Repository.path(module.jar());
		assumeTrue(Files.isRegularFile(jar), module.jar() + " is not built (mvn package)");
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Files.copy(jar, directory.resolve("application.jar"));
		Commands.Result extract = Commands.run(List.of(java.toString(), "-Djarmode=tools", "-jar", "application.jar", "extract",
				"--layers", "--launcher", "--destination", "extracted"), directory);
		assertThat(extract.succeeded()).as(extract.output()).isTrue();
		for (String layer : LAYERS) {
			assertThat(directory.resolve("extracted/" + layer)).isDirectory();
		}
		assertThat(directory.resolve("extracted/spring-boot-loader/org/springframework/boot/loader/launch/JarLauncher.class"))
			.isRegularFile();
		// our own platform library is a snapshot: Spring Boot puts it with the snapshot dependencies when it
		// comes from the local repository, and with the application when the reactor builds it alongside
		String platformJar = "BOOT-INF/lib/platform-" + Platform.VERSION + ".jar";
		assertThat(List.of("snapshot-dependencies", "application"))
			.as(platformJar + " in one of the last two layers")
			.anyMatch(layer -> Files.isRegularFile(directory.resolve("extracted/" + layer + "/" + platformJar)));
		assertThat(directory.resolve("extracted/dependencies/" + platformJar)).doesNotExist();
		assertThat(directory.resolve("extracted/application/BOOT-INF/classes/application.yml")).isRegularFile();
	}

	@Test
	void theHealthCheckIsHealthyOnlyWhileReadinessAnswers200() throws IOException {
		assumeTrue(Commands.onPath("bash").isPresent(), "bash is not installed");
		int[] status = { 200 };
		List<String> paths = new ArrayList<>();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			paths.add(exchange.getRequestURI().getPath());
			byte[] body = "{\"status\":\"UP\"}".getBytes();
			exchange.sendResponseHeaders(status[0], body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		try {
			int port = server.getAddress().getPort();
			assertThat(healthCheck(port).exitCode()).isZero();
			assertThat(paths).containsExactly("/actuator/health/readiness");
			status[0] = 503;
			assertThat(healthCheck(port).exitCode()).isNotZero();
		}
		finally {
			server.stop(0);
		}
		assertThat(healthCheck(server.getAddress().getPort()).exitCode()).as("nothing listening").isNotZero();
	}

	@Test
	void theHealthCheckAsksTheManagementPortWhereTheApplicationHasOne() throws IOException {
		assumeTrue(Commands.onPath("bash").isPresent(), "bash is not installed");
		HttpServer actuator = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		actuator.createContext("/actuator/health/readiness", exchange -> {
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		actuator.start();
		try (java.net.ServerSocket api = new java.net.ServerSocket(0)) {
			Commands.Result result = Commands.run(List.of("env", "PORT=" + api.getLocalPort(),
					"MANAGEMENT_PORT=" + actuator.getAddress().getPort(), "bash", "deploy/docker/healthcheck.sh"));

			assertThat(result.exitCode()).as(result.output()).isZero();
		}
		finally {
			actuator.stop(0);
		}
		Map<String, Object> gateway = Compose.service("gateway");
		assertThat(String.valueOf(Documents.at(gateway, "environment.MANAGEMENT_PORT")))
			.as("the gateway's actuator listens only on its management port (application.yml)")
			.isEqualTo(String.valueOf(Documents.at(
					Repository.yaml("gateway/src/main/resources/application.yml"), "management.server.port"))
				.replaceAll("\\$\\{MANAGEMENT_PORT:(\\d+)}", "$1"));
	}

	@Test
	void theContainersScriptsAreValidShell() {
		assumeTrue(Commands.onPath("bash").isPresent(), "bash is not installed");
		for (String script : List.of("deploy/docker/mongodb/entrypoint.sh", "deploy/docker/mongodb/healthcheck.sh",
				"deploy/docker/healthcheck.sh", "deploy/docker/make-env.sh", "deploy/docker/kafka/setup.sh")) {
			Commands.Result result = Commands.run(List.of("bash", "-n", script));
			assertThat(result.succeeded()).as(script + "\n" + result.output()).isTrue();
		}
		assertThat(Repository.read("deploy/docker/mongodb/healthcheck.sh")).contains("/opt/mentoring/replica-set.js");
		Map<String, Object> mongodb = Compose.service("mongodb");
		assertThat(Documents.listAt(mongodb, "volumes")).contains("./deploy/docker/mongodb:/opt/mentoring:ro");
	}

	private static Commands.Result healthCheck(int port) {
		return Commands.run(List.of("env", "PORT=" + port, "bash", "deploy/docker/healthcheck.sh"));
	}

}
