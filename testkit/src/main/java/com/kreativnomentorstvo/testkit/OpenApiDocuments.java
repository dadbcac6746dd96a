package com.kreativnomentorstvo.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's OpenAPI document as integrators get it: each build exports what the running service
 * serves to {@code target/openapi/<service>.json} and compares it with the committed
 * {@code docs/openapi/<service>.json}, from which the {@code mentoring-client} module generates its Java
 * client. A change of the HTTP surface fails until the committed document is renewed with
 * {@code -Dopenapi.update=true} (see {@code client/README.md}).
 */
public final class OpenApiDocuments {

	private OpenApiDocuments() {
	}

	/** Fetches the running service's document, exports it, and asserts that the committed one is the same. */
	public static void assertCommittedDocumentIsServed(String service, int port) {
		String document = normalised(fetch(port), TestTokens.shared().issuer());
		Path exported = Path.of("target", "openapi", service + ".json");
		write(exported, document);
		Path committed = Path.of("..", "docs", "openapi", service + ".json");
		if (Boolean.getBoolean("openapi.update")) {
			write(committed, document);
		}

		assertThat(committed).as("the committed document; create it with -Dopenapi.update=true").exists();
		String difference = firstDifference(read(committed), document);
		assertThat(difference).as("""
				%s no longer describes the API that %s serves (exported to %s), %s
				If the change is intended, renew the document, review its diff and commit it with the change:
				  ./mvnw -pl %s verify -Dit.test=OpenApiDocumentIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.update=true
				""", committed.normalize(), service, exported.toAbsolutePath().normalize(), difference, service)
			.isEmpty();
	}

	/**
	 * The document without what changes from run to run (the random port in {@code servers}, the test
	 * issuer's address in the sign-in scheme, both set to the local stack's), with sorted keys and one
	 * value per line, so that the committed file changes only when the API does and its diff reads well.
	 */
	static String normalised(String served, String issuer) {
		JsonMapper json = JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();
		ObjectNode document = (ObjectNode) json.readTree(served.replace(issuer, "http://localhost:9000"));
		document.putArray("servers")
			.addObject()
			.put("url", "http://localhost:8080")
			.put("description", "the gateway of the local stack, which serves every service's /api/v1");
		DefaultIndenter lines = new DefaultIndenter("  ", "\n");
		DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
			.withObjectNameValueSpacing(Separators.Spacing.AFTER)
			.withObjectEmptySeparator("")
			.withArrayEmptySeparator("")).withObjectIndenter(lines).withArrayIndenter(lines);
		return json.writer().with(printer).writeValueAsString(document) + "\n";
	}

	/** Where the two texts first differ, line by line; empty when they are the same. */
	static String firstDifference(String committed, String served) {
		List<String> was = committed.lines().toList();
		List<String> is = served.lines().toList();
		for (int line = 0; line < Math.max(was.size(), is.size()); line++) {
			String before = line < was.size() ? was.get(line) : "<end of file>";
			String now = line < is.size() ? is.get(line) : "<end of file>";
			if (!before.equals(now)) {
				return "first at line %d: committed '%s', served '%s'".formatted(line + 1, before.strip(), now.strip());
			}
		}
		return committed.equals(served) ? "" : "in line endings only";
	}

	private static String fetch(int port) {
		try {
			HttpResponse<String> served = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
					.timeout(Duration.ofSeconds(60))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
			return served.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, String text) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
