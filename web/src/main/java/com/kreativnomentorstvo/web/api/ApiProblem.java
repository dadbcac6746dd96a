package com.kreativnomentorstvo.web.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's refusal, as its problem details say it: the status, the title, the detail and the
 * fields it names ({@code errors}), so that a page can show each message next to its field.
 */
public final class ApiProblem extends RuntimeException {

	private final int status;

	private final String title;

	private final String detail;

	private final Map<String, String> fields;

	ApiProblem(int status, String title, String detail, Map<String, String> fields) {
		super(status + " " + title + (detail == null ? "" : ": " + detail));
		this.status = status;
		this.title = title;
		this.detail = detail;
		this.fields = Map.copyOf(fields);
	}

	@SuppressWarnings("unchecked")
	static ApiProblem of(int status, Map<String, Object> body) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (body != null && body.get("errors") instanceof List<?> errors) {
			for (Object error : errors) {
				if (error instanceof Map<?, ?> each && each.get("field") != null) {
					fields.merge(String.valueOf(each.get("field")), String.valueOf(each.get("message")),
							(a, b) -> a + "; " + b);
				}
			}
		}
		if (body != null && body.get("field") instanceof String field && !fields.containsKey(field)) {
			fields.put(field, String.valueOf(body.getOrDefault("detail", "")));
		}
		String title = body == null ? null : (String) body.get("title");
		String detail = body == null ? null : (String) body.get("detail");
		return new ApiProblem(status, title == null ? "" : title, detail, fields);
	}

	public int status() {
		return status;
	}

	public String title() {
		return title;
	}

	public String detail() {
		return detail;
	}

	/** The messages by the field they name ({@code programme.name}, {@code milestones[0].date}, ...). */
	public Map<String, String> fields() {
		return fields;
	}

	public boolean isNotFound() {
		return status == 404 || status == 403;
	}

	/**
	 * The service refused what was sent (invalid, conflicting, not processable, or sent over a version
	 * that has changed since it was read): a form shows it beside its fields rather than as an error
	 * page.
	 */
	public boolean isAboutTheInput() {
		return status == 400 || status == 409 || status == 412 || status == 422;
	}

	public boolean isUnavailable() {
		return status == 502 || status == 503 || status == 504;
	}

}
