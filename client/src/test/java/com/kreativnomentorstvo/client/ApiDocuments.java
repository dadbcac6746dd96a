package com.kreativnomentorstvo.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The committed OpenAPI documents the client is generated from, and the operations each describes. */
final class ApiDocuments {

	/** A service, its document and the package its client is generated into. */
	enum Service {

		PARTICIPANTS("participant-service", "participants"), MATCHING("matching-service", "matching"),
		SESSIONS("session-service", "sessions"), NOTIFICATIONS("notification-service", "notifications");

		final String name;

		final String clientPackage;

		Service(String name, String packageName) {
			this.name = name;
			this.clientPackage = "com.kreativnomentorstvo.client." + packageName;
		}

		Path document() {
			return Path.of(System.getProperty("openapi.documents", "../docs/openapi"), name + ".json");
		}

		List<Operation> operations() {
			JsonNode document;
			try {
				document = new ObjectMapper().readTree(document().toFile());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			List<Operation> operations = new ArrayList<>();
			document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
					operation -> operations.add(new Operation(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(),
							operation.getValue().path("operationId").asText()))));
			return operations;
		}

		@Override
		public String toString() {
			return name;
		}

	}

	/** One operation: its method, path template ({@code /api/v1/programmes/{id}}) and id. */
	record Operation(String method, String path, String operationId) {

		/** Whether a request of the method to the concrete path is this operation. */
		boolean matches(String method, String concretePath) {
			String pattern = Pattern.quote(path).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
			return this.method.equals(method) && concretePath.matches(pattern);
		}

		@Override
		public String toString() {
			return method + " " + path + " (" + operationId + ")";
		}

	}

	private ApiDocuments() {
	}

}
