package com.kreativnomentorstvo.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.networknt.schema.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The AsyncAPI document describes exactly the event catalogue, and is a valid AsyncAPI 3.0.0 document. */
class AsyncApiDocumentTests {

	private static final JsonNode DOCUMENT = Contracts.yaml(Contracts.ASYNCAPI_DOCUMENT);

	private static final Map<String, String> PUBLISHERS = Map.of(Topics.PARTICIPANTS, "participant-service",
			Topics.PARTICIPANT_CONTACTS, "participant-service", Topics.MATCHING, "matching-service", Topics.SESSIONS,
			"session-service", Topics.NOTIFICATIONS, "notification-service");

	@Test
	void theDocumentIsValidAgainstTheOfficialAsyncApi300Schema() {
		assertThat(DOCUMENT.path("asyncapi").asString()).isEqualTo("3.0.0");
		assertThat(Contracts.errors(Contracts.asyncApi300Schema(), DOCUMENT)).isEmpty();
	}

	@Test
	void everyTopicIsAChannelAndEveryChannelATopic() {
		assertThat(DOCUMENT.path("channels").valueStream().map(channel -> channel.path("address").asString()))
			.containsExactlyInAnyOrderElementsOf(Topics.ALL);
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void theTypeIsAMessageOfTheChannelOfItsTopic(EventType type) {
		assertThat(channelMessages().get(type.typeName())).containsExactly(type.topic());
	}

	@Test
	void everyMessageIsACatalogueType() {
		List<String> names = DOCUMENT.path("components")
			.path("messages")
			.valueStream()
			.map(message -> message.path("name").asString())
			.toList();

		assertThat(names).doesNotHaveDuplicates()
			.allSatisfy(name -> assertThat(EventType.ofTypeName(name)).as(name).isPresent())
			.containsAll(channelMessages().keySet());
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void thePayloadIsTheTypesSchemaFile(EventType type) {
		String payload = message(type).path("payload").path("$ref").asString();
		String resolved = URI.create(Contracts.ASYNCAPI_DOCUMENT).resolve(payload).toString();

		assertThat(payload).isEqualTo("./schemas/" + type.typeName() + ".json");
		assertThat(resolved).isEqualTo(type.schemaResource());
		assertThat(Contracts.exists(resolved)).isTrue();
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void theHeadersAreThoseOfACloudEventOfTheType(EventType type) {
		Schema headers = Contracts.asyncApiSchema(inlineLocalRefs(message(type).path("headers")));
		ObjectNode published = publishedHeaders(type);

		assertThat(Contracts.errors(headers, published)).isEmpty();
		assertThat(Contracts.errors(headers, published.deepCopy().put("ce_type", "mentoring.other.happened.v1")))
			.isNotEmpty();
		ObjectNode withoutId = published.deepCopy();
		withoutId.remove("ce_id");
		assertThat(Contracts.errors(headers, withoutId)).isNotEmpty();
	}

	@Test
	void everyChannelIsPublishedByItsServiceWithAllItsMessages() {
		DOCUMENT.path("channels").properties().forEach(channel -> {
			String reference = "#/channels/" + channel.getKey();
			String publisher = PUBLISHERS.get(channel.getValue().path("address").asString());
			List<JsonNode> operations = DOCUMENT.path("operations")
				.valueStream()
				.filter(operation -> operation.path("channel").path("$ref").asString().equals(reference))
				.toList();

			assertThat(operations).as(reference).singleElement().satisfies(operation -> {
				assertThat(operation.path("action").asString()).isEqualTo("send");
				assertThat(operation.path("title").asString()).startsWith(publisher + " publishes");
				assertThat(operation.path("tags").valueStream().map(tag -> tag.path("name").asString()))
					.containsExactly(publisher);
				assertThat(operation.path("messages").valueStream().map(message -> message.path("$ref").asString()))
					.containsExactlyInAnyOrderElementsOf(channel.getValue()
						.path("messages")
						.propertyNames()
						.stream()
						.map(name -> reference + "/messages/" + name)
						.toList());
			});
		});
	}

	/** Type name to the addresses of the channels that carry it. */
	private static Map<String, List<String>> channelMessages() {
		return DOCUMENT.path("channels")
			.valueStream()
			.flatMap(channel -> channel.path("messages")
				.valueStream()
				.map(message -> Map.entry(resolve(message).path("name").asString(), channel.path("address").asString())))
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	private static JsonNode message(EventType type) {
		return DOCUMENT.path("components")
			.path("messages")
			.valueStream()
			.filter(message -> message.path("name").asString().equals(type.typeName()))
			.findFirst()
			.orElseThrow(() -> new AssertionError(type.typeName() + " is not a message"));
	}

	private static JsonNode resolve(JsonNode node) {
		JsonNode reference = node.path("$ref");
		return reference.isString() ? resolve(DOCUMENT.at(reference.asString().substring(1))) : node;
	}

	/** A copy of a schema in the document with its references into the document replaced by their targets. */
	private static JsonNode inlineLocalRefs(JsonNode node) {
		JsonNode target = resolve(node);
		JsonNode copy = target.deepCopy();
		if (copy instanceof ObjectNode object) {
			target.properties().forEach(property -> object.set(property.getKey(), inlineLocalRefs(property.getValue())));
		}
		else if (copy instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				array.set(i, inlineLocalRefs(target.get(i)));
			}
		}
		return copy;
	}

	/** The headers the platform writes when it publishes an event of the type, as strings. */
	private static ObjectNode publishedHeaders(EventType type) {
		return EventJson.mapper()
			.createObjectNode()
			.put("ce_specversion", "1.0")
			.put("ce_id", "0b8f3c2e-5d7a-4e61-9c14-7a2d8e6f1b90")
			.put("ce_source", "/local/participant-service")
			.put("ce_type", type.typeName())
			.put("ce_subject", "agg-5a9e07b3")
			.put("ce_time", "2026-03-06T10:30:00Z")
			.put("ce_dataschema", Contracts.SCHEMA_BASE + type.typeName() + ".json")
			.put("content-type", "application/json")
			.put("ce_organisationid", "org-creative-mentorship")
			.put("ce_programmeid", "prog-reg-lab-2026")
			.put("ce_requestid", "req-7d2f0c91")
			.put("ce_traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
	}

}
