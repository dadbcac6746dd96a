package com.kreativnomentorstvo.participants.support;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An HTTP answer of the service under test. */
public record Reply(int status, String body, HttpHeaders headers) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The body as JSON. */
	public JsonNode json() {
		return JSON.readTree(body);
	}

	/** A text field of the JSON body. */
	public String text(String field) {
		JsonNode node = json().path(field);
		return node.isMissingNode() || node.isNull() ? null : node.asString();
	}

	public String header(String name) {
		return headers.firstValue(name).orElse(null);
	}

	public String etag() {
		return header("ETag");
	}

	/** The fields a problem names under {@code errors}. */
	public List<String> problemFields() {
		List<String> fields = new ArrayList<>();
		json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
		return fields;
	}

	/** The problem's type, e.g. {@code urn:mentoring:problem:stale-version}. */
	public String problemType() {
		return text("type");
	}

	public boolean isProblem() {
		return header("Content-Type") != null && header("Content-Type").startsWith("application/problem+json");
	}

	@Override
	public String toString() {
		return status + " " + body;
	}

}
