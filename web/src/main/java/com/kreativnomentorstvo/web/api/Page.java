package com.kreativnomentorstvo.web.api;

import java.util.List;
import java.util.Map;

/**
 * One page of a list the API answers ({@code items}, {@code page}, {@code size}, {@code total}).
 * The items stay as the JSON objects they are: a template reads their fields by name.
 */
public record Page(List<Map<String, Object>> items, int page, int size, long total) {

	@SuppressWarnings("unchecked")
	static Page of(Map<String, Object> body) {
		Object items = body.get("items");
		return new Page(items instanceof List<?> list ? (List<Map<String, Object>>) list : List.of(),
				number(body.get("page")), number(body.get("size")), body.get("total") instanceof Number n ? n.longValue() : 0);
	}

	private static int number(Object value) {
		return value instanceof Number n ? n.intValue() : 0;
	}

	public boolean hasNext() {
		return (long) (page + 1) * size < total;
	}

	public boolean hasPrevious() {
		return page > 0;
	}

}
