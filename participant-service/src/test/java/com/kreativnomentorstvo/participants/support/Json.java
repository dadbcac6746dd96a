package com.kreativnomentorstvo.participants.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A JSON object to send, built step by step and changed freely (to break it, too). */
public class Json extends LinkedHashMap<String, Object> {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	/** Parses JSON text, e.g. an event's data. */
	public static JsonNode tree(String json) {
		return MAPPER.readTree(json);
	}

	public static Json object() {
		return new Json();
	}

	public Json with(String field, Object value) {
		put(field, value);
		return this;
	}

	public Json without(String field) {
		remove(field);
		return this;
	}

	/** A deep copy, so that a test can change it without touching the original. */
	public Json copy() {
		Json copy = new Json();
		forEach((key, value) -> copy.put(key, deepCopy(value)));
		return copy;
	}

	/** The nested object under the field. */
	@SuppressWarnings("unchecked")
	public Json at(String field) {
		Object value = get(field);
		if (value instanceof Json json) {
			return json;
		}
		Json json = new Json();
		json.putAll((Map<String, Object>) value);
		put(field, json);
		return json;
	}

	@SuppressWarnings("unchecked")
	private static Object deepCopy(Object value) {
		if (value instanceof Json json) {
			return json.copy();
		}
		if (value instanceof Map<?, ?> map) {
			Json copy = new Json();
			((Map<String, Object>) map).forEach((k, v) -> copy.put(k, deepCopy(v)));
			return copy;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>();
			list.forEach(item -> copy.add(deepCopy(item)));
			return copy;
		}
		return value;
	}

}
