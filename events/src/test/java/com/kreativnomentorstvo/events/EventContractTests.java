package com.kreativnomentorstvo.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.networknt.schema.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Every catalogue type has a JSON Schema and an example, and the Java record, the schema and the
 * example agree with each other.
 */
class EventContractTests {

	private static final String COMMON = "/schemas/common.json";

	@ParameterizedTest
	@EnumSource(EventType.class)
	void theTypeNameFollowsTheNamingRule(EventType type) {
		assertThat(type.typeName()).matches("mentoring\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+");
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void theSchemaIsAValidDraft202012SchemaWithTheTypesId(EventType type) {
		assertThat(Contracts.exists(type.schemaResource())).as(type.schemaResource()).isTrue();
		JsonNode schema = Contracts.json(type.schemaResource());

		assertThat(Contracts.errors(Contracts.draft202012MetaSchema(), schema)).isEmpty();
		assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
		assertThat(schema.path("$id").asString()).isEqualTo(Contracts.SCHEMA_BASE + type.typeName() + ".json");
		assertThat(schema.path("title").asString()).isNotBlank();
		assertThat(schema.path("description").asString()).contains(type.typeName(), type.topic());
	}

	@Test
	void theSharedDefinitionsAreAValidDraft202012Schema() {
		JsonNode common = Contracts.json(COMMON);

		assertThat(Contracts.errors(Contracts.draft202012MetaSchema(), common)).isEmpty();
		assertThat(common.path("$id").asString()).isEqualTo(Contracts.SCHEMA_BASE + "common.json");
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void theExampleIsValid(EventType type) {
		assertThat(Contracts.errors(Contracts.schemaOf(type), Contracts.json(type.exampleResource()))).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void theExampleGoesThroughTheRecordUnchanged(EventType type) {
		JsonNode example = Contracts.json(type.exampleResource());

		MentoringEvent event = EventJson.read(type, Contracts.bytes(type.exampleResource()));
		JsonNode written = EventJson.mapper().readTree(EventJson.write(event));

		assertThat(event).isInstanceOf(type.dataClass());
		assertThat(event.eventType()).isEqualTo(type);
		assertThat(event.subject()).isNotBlank();
		assertThat(written).isEqualTo(example);
		assertThat(Contracts.errors(Contracts.schemaOf(type), written)).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void theSchemaDeclaresExactlyTheRecordsComponents(EventType type) {
		JsonNode properties = Contracts.json(type.schemaResource()).path("properties");

		assertThat(properties.propertyNames()).containsExactlyInAnyOrderElementsOf(componentNames(type.dataClass()));
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void anExampleWithoutARequiredFieldIsRejected(EventType type) {
		Schema schema = Contracts.schemaOf(type);
		ObjectNode example = (ObjectNode) Contracts.json(type.exampleResource());

		assertThat(required(type)).isNotEmpty().allSatisfy(field -> {
			ObjectNode broken = example.deepCopy();
			broken.remove(field);
			assertThat(Contracts.errors(schema, broken)).as("without %s", field).isNotEmpty();
		});
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void anExampleWithAFieldOfTheWrongTypeIsRejected(EventType type) {
		Schema schema = Contracts.schemaOf(type);
		ObjectNode example = (ObjectNode) Contracts.json(type.exampleResource());

		assertThat(example.propertyNames()).allSatisfy(field -> {
			ObjectNode broken = example.deepCopy();
			broken.set(field, example.get(field).isString() ? IntNode.valueOf(42) : StringNode.valueOf("42"));
			assertThat(Contracts.errors(schema, broken)).as("with a wrong %s", field).isNotEmpty();
		});
	}

	@ParameterizedTest
	@MethodSource("valueTypes")
	void theSharedDefinitionOfAValueTypeMatchesIt(Class<?> valueType) {
		String name = Character.toLowerCase(valueType.getSimpleName().charAt(0)) + valueType.getSimpleName().substring(1);
		JsonNode definition = Contracts.json(COMMON).path("$defs").path(name);

		if (valueType.isEnum()) {
			List<String> constants = Arrays.stream(valueType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
			assertThat(definition.path("enum").valueStream().map(JsonNode::asString))
				.containsExactlyElementsOf(constants);
		}
		else {
			assertThat(definition.path("properties").propertyNames())
				.containsExactlyInAnyOrderElementsOf(componentNames(valueType));
		}
	}

	@Test
	void everySchemaAndExampleBelongsToACatalogueType() {
		Set<String> files = Arrays.stream(EventType.values())
			.map(type -> type.typeName() + ".json")
			.collect(Collectors.toSet());

		assertThat(Contracts.fileNames("/examples")).containsExactlyInAnyOrderElementsOf(files);
		assertThat(Contracts.fileNames("/schemas")).containsExactlyInAnyOrderElementsOf(
				Stream.concat(files.stream(), Stream.of("common.json")).toList());
	}

	private static List<String> required(EventType type) {
		return Contracts.json(type.schemaResource()).path("required").valueStream().map(JsonNode::asString).toList();
	}

	private static List<String> componentNames(Class<?> record) {
		return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
	}

	/** The records and enums the event records are made of. */
	static Stream<Class<?>> valueTypes() {
		Set<Class<?>> found = new LinkedHashSet<>();
		Arrays.stream(EventType.values()).forEach(type -> collectValueTypes(type.dataClass(), found));
		return found.stream().filter(type -> !MentoringEvent.class.isAssignableFrom(type));
	}

	private static void collectValueTypes(Type type, Set<Class<?>> found) {
		if (type instanceof ParameterizedType parameterized) {
			Arrays.stream(parameterized.getActualTypeArguments()).forEach(argument -> collectValueTypes(argument, found));
		}
		else if (type instanceof Class<?> candidate && (candidate.isRecord() || candidate.isEnum())
				&& found.add(candidate) && candidate.isRecord()) {
			Arrays.stream(candidate.getRecordComponents())
				.forEach(component -> collectValueTypes(component.getGenericType(), found));
		}
	}

}
