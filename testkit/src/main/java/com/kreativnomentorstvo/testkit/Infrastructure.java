package com.kreativnomentorstvo.testkit;

import java.util.Locale;

import org.testcontainers.DockerClientFactory;

/**
 * Which broker and store the tests use: Testcontainers images ({@code apache/kafka}, {@code mongo})
 * where a Docker engine is available, otherwise Apache Kafka's own server and an embedded
 * MongoDB-wire server in this JVM. Force one with {@code -Dmentoring.test.infrastructure=embedded}
 * or {@code =containers} (or the environment variable {@code TEST_INFRASTRUCTURE}).
 */
public enum Infrastructure {

	EMBEDDED, CONTAINERS;

	private static volatile Infrastructure selected;

	/** The infrastructure of this test JVM, decided once. */
	public static Infrastructure selected() {
		if (selected == null) {
			synchronized (Infrastructure.class) {
				if (selected == null) {
					selected = decide();
				}
			}
		}
		return selected;
	}

	private static Infrastructure decide() {
		String forced = System.getProperty("mentoring.test.infrastructure", System.getenv("TEST_INFRASTRUCTURE"));
		if (forced != null && !forced.isBlank() && !"auto".equalsIgnoreCase(forced)) {
			return valueOf(forced.trim().toUpperCase(Locale.ROOT));
		}
		return dockerAvailable() ? CONTAINERS : EMBEDDED;
	}

	static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

}
