package com.kreativnomentorstvo.deploy;

import java.util.List;
import java.util.Map;

/** Navigation in parsed YAML: maps, lists and scalars, with a failure that says what is missing. */
final class Documents {

	private Documents() {
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		if (value instanceof Map<?, ?> map) {
			return (Map<String, Object>) map;
		}
		throw new AssertionError("expected a mapping but found " + value);
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object value) {
		if (value instanceof List<?> list) {
			return (List<Object>) list;
		}
		throw new AssertionError("expected a list but found " + value);
	}

	/** A deep copy of parsed YAML (its maps and lists new, its scalars shared), for a test to change. */
	@SuppressWarnings("unchecked")
	static <T> T copy(T value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new java.util.LinkedHashMap<>();
			map.forEach((key, entry) -> copy.put(String.valueOf(key), copy(entry)));
			return (T) copy;
		}
		if (value instanceof List<?> list) {
			return (T) new java.util.ArrayList<>(list.stream().map(Documents::copy).toList());
		}
		return value;
	}

	/** The value at a dotted path of keys, or null where any step is missing. */
	static Object at(Object root, String path) {
		Object current = root;
		for (String key : path.split("\\.")) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

	static Map<String, Object> mapAt(Object root, String path) {
		Object value = at(root, path);
		return value == null ? Map.of() : map(value);
	}

	static List<Object> listAt(Object root, String path) {
		Object value = at(root, path);
		return value == null ? List.of() : list(value);
	}

	static String text(Object root, String path) {
		Object value = at(root, path);
		return value == null ? null : String.valueOf(value);
	}

}
