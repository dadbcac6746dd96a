package com.kreativnomentorstvo.gateway.routing;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service describes itself with its own address as the server; through the gateway, "Try it
 * out" in the Swagger UI must call the gateway instead, so the document's servers become the
 * gateway's root.
 */
final class ApiDocumentServers {

	private ApiDocumentServers() {
	}

	/** The OpenAPI document with {@code servers} pointing at the gateway; other bodies unchanged. */
	static String throughTheGateway(String document) {
		if (document == null || document.isBlank()) {
			return document;
		}
		try {
			JsonNode tree = JsonMapper.shared().readTree(document);
			if (!(tree instanceof ObjectNode openApi) || !openApi.has("openapi")) {
				return document;
			}
			openApi.putArray("servers").addObject().put("url", "/").put("description", "the gateway");
			return JsonMapper.shared().writeValueAsString(openApi);
		}
		catch (JacksonException notJson) {
			return document;
		}
	}

}
