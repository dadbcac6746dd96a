package com.kreativnomentorstvo.local.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Formats a real log directory with Kafka's own storage tool, in this JVM: a launcher whose
 * formatting silently did nothing would only show as a broker that never starts.
 */
class FormatStorageTests {

	@TempDir
	Path home;

	@Test
	void formatsTheLogDirectoryWithANewClusterIdThatMetaPropertiesHolds() throws IOException {
		Path logDir = home.resolve("data");
		Path config = config(logDir);

		String clusterId = FormatStorage.format(config, quiet());

		Properties meta = new Properties();
		try (Reader reader = Files.newBufferedReader(logDir.resolve("meta.properties"))) {
			meta.load(reader);
		}
		assertThat(meta.getProperty("cluster.id")).isEqualTo(clusterId)
			.hasSize(22)
			.matches("[A-Za-z0-9_-]+")
			.doesNotStartWith("-");
		assertThat(meta.getProperty("node.id")).isEqualTo("1");
	}

	@Test
	void refusesADirectoryThatIsFormattedAlreadyInsteadOfGivingItANewClusterId() throws IOException {
		Path logDir = home.resolve("data");
		Path config = config(logDir);
		String first = FormatStorage.format(config, quiet());

		assertThatThrownBy(() -> FormatStorage.format(config, quiet())).isInstanceOf(RuntimeException.class)
			.hasMessageContaining("cluster.id");
		assertThat(Files.readString(logDir.resolve("meta.properties"))).contains("cluster.id=" + first);
	}

	@Test
	void clusterIdsAreTwentyTwoUrlSafeCharactersThatTheStorageToolCannotMistakeForAnOption() {
		IntStream.range(0, 2000).mapToObj(i -> FormatStorage.clusterId()).forEach(id -> {
			assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+");
			assertThat(id).doesNotStartWith("-");
		});
	}

	/** A one-node KRaft broker as the launchers write it: its listeners, then the module's shared settings. */
	private Path config(Path logDir) throws IOException {
		Path config = home.resolve("server.properties");
		String common;
		try (InputStream settings = getClass().getResourceAsStream("/single-node-broker.properties")) {
			assertThat(settings).as("single-node-broker.properties on the class path").isNotNull();
			common = new String(settings.readAllBytes(), StandardCharsets.UTF_8);
		}
		Files.writeString(config, """
				listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093
				advertised.listeners=PLAINTEXT://127.0.0.1:19092
				listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
				controller.quorum.voters=1@127.0.0.1:19093
				log.dirs=%s
				""".formatted(logDir.toString().replace("\\", "/")) + common);
		return config;
	}

	private static PrintStream quiet() {
		return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
	}

}
