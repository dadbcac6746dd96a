package com.kreativnomentorstvo.gateway.problem;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details written by the gateway itself, in the shape every service uses: a type
 * {@code urn:mentoring:problem:<code>}, the request id, and for input problems the fields at fault.
 */
public final class Problems {

	/** The problem details media type. */
	public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;

	/** Exchange attribute holding the request id (set by the request id filter). */
	public static final String REQUEST_ID_ATTRIBUTE = "mentoring.requestId";

	private Problems() {
	}

	/** A problem with a stable type {@code urn:mentoring:problem:<code>}. */
	public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:mentoring:problem:" + code));
		problem.setTitle(title);
		return problem;
	}

	/** A 400 naming one field, as the services report invalid input. */
	public static ProblemDetail invalidField(String field, String message) {
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", field + ": " + message);
		problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		return problem;
	}

	/**
	 * Writes the problem as the response, with the request id, unless the response is already on
	 * its way.
	 */
	public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		response.getHeaders().setContentType(MEDIA_TYPE);
		byte[] body = json(problem, exchange.getAttribute(REQUEST_ID_ATTRIBUTE)).getBytes(StandardCharsets.UTF_8);
		response.getHeaders().setContentLength(body.length);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

	/** The problem as JSON, fields in the order RFC 9457 lists them. */
	static String json(ProblemDetail problem, String requestId) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("type", problem.getType().toString());
		fields.put("title", problem.getTitle());
		fields.put("status", problem.getStatus());
		fields.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			fields.put("instance", problem.getInstance().toString());
		}
		if (requestId != null) {
			fields.put("requestId", requestId);
		}
		if (problem.getProperties() != null) {
			problem.getProperties().forEach(fields::putIfAbsent);
		}
		return JsonMapper.shared().writeValueAsString(fields);
	}

}
