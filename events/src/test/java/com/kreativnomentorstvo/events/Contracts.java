package com.kreativnomentorstvo.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The contract files on the class path, and validation against them. */
final class Contracts {

	static final String SCHEMA_BASE = EventSchemas.SCHEMA_BASE;

	static final String ASYNCAPI_DOCUMENT = "/asyncapi.yaml";

	// AsyncAPI 3.0.0 schemas are a superset of draft-07
	private static final SchemaRegistry ASYNCAPI_SCHEMAS = SchemaRegistry
		.withDefaultDialect(SpecificationVersion.DRAFT_7);

	private static final ObjectMapper YAML = new YAMLMapper();

	/** The JSON Schema of an event type's data. */
	static Schema schemaOf(EventType type) {
		return EventSchemas.schemaOf(type);
	}

	/** The meta-schema of JSON Schema draft 2020-12. */
	static Schema draft202012MetaSchema() {
		return EventSchemas.registry().getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
	}

	/** The official JSON Schema of AsyncAPI 3.0.0 documents (see {@code asyncapi/README.md}). */
	static Schema asyncApi300Schema() {
		return ASYNCAPI_SCHEMAS.getSchema(SchemaLocation.of("classpath:asyncapi/asyncapi-3.0.0.schema.json"));
	}

	/** A schema of the AsyncAPI document, such as a message's headers. */
	static Schema asyncApiSchema(JsonNode schema) {
		return ASYNCAPI_SCHEMAS.getSchema(schema);
	}

	/** The validation errors of an instance, as readable lines. */
	static List<String> errors(Schema schema, JsonNode instance) {
		return schema.validate(instance).stream().map(Error::toString).toList();
	}

	/** A JSON resource, read with the events' own mapper. */
	static JsonNode json(String resource) {
		return EventJson.mapper().readTree(bytes(resource));
	}

	static JsonNode yaml(String resource) {
		return YAML.readTree(bytes(resource));
	}

	static byte[] bytes(String resource) {
		try (InputStream in = Contracts.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException(resource + " is not on the class path");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static boolean exists(String resource) {
		return Contracts.class.getResource(resource) != null;
	}

	/** The names of the files in a class-path directory. */
	static Set<String> fileNames(String directory) {
		URL url = Contracts.class.getResource(directory);
		if (url == null) {
			return Set.of();
		}
		try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
			return files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Contracts() {
	}

}
