package com.kreativnomentorstvo.testkit.http;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An answer of a service under test: status, body as text, and headers (looked up in any case). */
public record Reply(int status, String body, HttpHeaders headers) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The body as JSON; a missing node when there is no body. Fails on a body that is not JSON. */
	public JsonNode json() {
		return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
	}

	/** A text field of the JSON body; {@code null} when it is absent or null. */
	public String text(String field) {
		JsonNode node = json().path(field);
		return node.isMissingNode() || node.isNull() ? null : node.asString();
	}

	/** The first value of a header, or {@code null}. */
	public String header(String name) {
		return headers.firstValue(name).orElse(null);
	}

	/** The version to send back as {@code If-Match}. */
	public String etag() {
		return header("ETag");
	}

	/** Whether the body is an RFC 9457 problem ({@code application/problem+json}). */
	public boolean isProblem() {
		String type = header("Content-Type");
		return type != null && type.startsWith("application/problem+json");
	}

	/** The problem's type, e.g. {@code urn:mentoring:problem:stale-version}. */
	public String problemType() {
		return text("type");
	}

	/** The fields a problem names under {@code errors}. */
	public List<String> problemFields() {
		List<String> fields = new ArrayList<>();
		json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
		return fields;
	}

	@Override
	public String toString() {
		return status + " " + body;
	}

}
