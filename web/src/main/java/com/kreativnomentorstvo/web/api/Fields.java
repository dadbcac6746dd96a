package com.kreativnomentorstvo.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object of the API as the templates read it: any field by name, and a field the service
 * left out (services omit empty fields) reads as absent, {@code null}, instead of failing the
 * page. Spring's expression language asks {@code containsKey} before it reads a map's entry.
 */
final class Fields extends LinkedHashMap<String, Object> {

	private Fields(Map<?, ?> json) {
		json.forEach((key, value) -> put(String.valueOf(key), of(value)));
	}

	@Override
	public boolean containsKey(Object key) {
		return key instanceof String;
	}

	/** The JSON value with every object in it readable this way. */
	@SuppressWarnings("unchecked")
	static <T> T of(T value) {
		if (value instanceof Map<?, ?> object && !(value instanceof Fields)) {
			return (T) new Fields(object);
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			list.forEach(each -> copy.add(of(each)));
			return (T) copy;
		}
		return value;
	}

}
