package com.kreativnomentorstvo.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * The JSON Schemas of the catalogue's event data, read from the class path, and validation of
 * event data against them. Producers' contract tests use it on every event a service emits.
 */
public final class EventSchemas {

	/** Base of the schemas' {@code $id}s; the same IRIs are sent as {@code ce_dataschema}. */
	public static final String SCHEMA_BASE = "https://schemas.kreativnomentorstvo.org/events/";

	// the ids, and the relative $refs to common.json, resolve to the class path
	private static final SchemaRegistry REGISTRY = registry(true);

	/**
	 * For consumers: formats (e-mail, URI, date-time) are annotations, not assertions. A record whose
	 * structure breaks the schema can never be applied; a format a producer's contract test let through
	 * is not worth parking a person's live event for (the consumer's own parsing refuses what it cannot
	 * use).
	 */
	private static final SchemaRegistry STRUCTURE = registry(false);

	private static final Map<EventType, Schema> SCHEMAS = new ConcurrentHashMap<>();

	private static final Map<EventType, Schema> STRUCTURES = new ConcurrentHashMap<>();

	private static SchemaRegistry registry(boolean formats) {
		return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				registry -> registry.schemaIdResolvers(ids -> ids.mapPrefix(SCHEMA_BASE, "classpath:schemas/"))
					.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(formats).build()));
	}

	/** The schema of an event type's data. */
	public static Schema schemaOf(EventType type) {
		return SCHEMAS.computeIfAbsent(type,
				t -> REGISTRY.getSchema(SchemaLocation.of(SCHEMA_BASE + t.typeName() + ".json")));
	}

	/** What is wrong with the JSON data of an event of the given type; empty when it is valid. */
	public static List<String> errors(EventType type, byte[] data) {
		return schemaOf(type).validate(EventJson.mapper().readTree(data)).stream().map(Error::toString).toList();
	}

	/**
	 * Where and how the data breaks the structure of its type's schema (e.g. {@code required profile at
	 * $}), formats not asserted; empty when it is valid. Names places and keywords only, never values:
	 * safe for logs and dead-letter headers.
	 */
	public static List<String> violations(EventType type, byte[] data) {
		return STRUCTURES
			.computeIfAbsent(type, t -> STRUCTURE.getSchema(SchemaLocation.of(SCHEMA_BASE + t.typeName() + ".json")))
			.validate(EventJson.mapper().readTree(data))
			.stream()
			.map(error -> {
				String at = String.valueOf(error.getInstanceLocation());
				// the name of a required property comes from the schema; other keywords may name a record's own keys
				boolean required = "required".equals(error.getKeyword()) && error.getProperty() != null;
				return error.getKeyword() + (required ? " " + error.getProperty() : "") + " at " + (at.isEmpty() ? "$" : at);
			})
			.toList();
	}

	/** The registry the schemas resolve in (also resolves the JSON Schema meta-schemas). */
	static SchemaRegistry registry() {
		return REGISTRY;
	}

	private EventSchemas() {
	}

}
