package com.kreativnomentorstvo.platform.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details as every service writes them: a type naming the problem, the request
 * id, and for input problems the list of fields at fault.
 */
public final class Problems {

	/** The problem details media type. */
	public static final String MEDIA_TYPE = "application/problem+json";

	/** A problem with a stable type {@code urn:mentoring:problem:<code>}. */
	public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:mentoring:problem:" + code));
		problem.setTitle(title);
		String requestId = MDC.get(RequestIds.MDC_KEY);
		if (requestId != null) {
			problem.setProperty("requestId", requestId);
		}
		return problem;
	}

	/** A problem with the offending fields, each worded already, listed under {@code errors}. */
	static ProblemDetail ofWordedFields(HttpStatusCode status, String code, String title,
			List<Map<String, String>> fields) {
		String detail = fields.stream()
			.map(f -> f.get("field") + ": " + f.get("message"))
			.reduce((a, b) -> a + "; " + b)
			.orElse(title);
		ProblemDetail problem = of(status, code, title, detail);
		problem.setProperty("errors", fields);
		return problem;
	}

	/** One entry of {@code errors}, in the order clients read it. */
	static Map<String, String> worded(String field, String message) {
		Map<String, String> entry = new LinkedHashMap<>();
		entry.put("field", field);
		entry.put("message", message);
		return entry;
	}

	private Problems() {
	}

}
