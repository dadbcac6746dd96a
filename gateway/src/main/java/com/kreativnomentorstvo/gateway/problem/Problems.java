package com.kreativnomentorstvo.gateway.problem;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
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
 * Titles, details and field messages are message keys of the gateway's bundle
 * ({@code problems/gateway}, its application message source), worded when the problem is written
 * in the exchange's language (from {@code Accept-Language}), which {@code Content-Language} names.
 */
public final class Problems {

	/** The problem details media type. */
	public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;

	/** Exchange attribute holding the request id (set by the request id filter). */
	public static final String REQUEST_ID_ATTRIBUTE = "mentoring.requestId";

	private Problems() {
	}

	/**
	 * A problem with a stable type {@code urn:mentoring:problem:<code>}, titled {@code title.<code>}.
	 * @param detail the key of its detail, e.g. {@code not-found.path}
	 * @param arguments the detail's arguments
	 */
	public static ProblemDetail of(HttpStatusCode status, String code, String detail, Object... arguments) {
		return new Unworded(status, code, text("title." + code), text(detail, arguments), List.of());
	}

	/** A problem whose title and detail fall back to these English words if the bundle has no key for them. */
	static ProblemDetail of(HttpStatusCode status, String code, MessageSourceResolvable title,
			MessageSourceResolvable detail) {
		return new Unworded(status, code, title, detail, List.of());
	}

	/**
	 * A 400 naming one field, as the services report invalid input.
	 * @param message the key of what is wrong with it
	 */
	public static ProblemDetail invalidField(String field, MessageSourceResolvable message) {
		return new Unworded(HttpStatus.BAD_REQUEST, "invalid-input", text("title.invalid-input"), null,
				List.of(Map.entry(field, message)));
	}

	/** A text of the gateway's bundle with its arguments. */
	public static MessageSourceResolvable text(String key, Object... arguments) {
		return new DefaultMessageSourceResolvable(new String[] { key }, arguments);
	}

	/**
	 * Writes the problem as the response, with the request id, in the exchange's language, unless
	 * the response is already on its way.
	 */
	public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		Locale locale = exchange.getLocaleContext().getLocale();
		ProblemDetail worded = problem instanceof Unworded unworded
				? unworded.in(exchange.getApplicationContext(), locale) : problem;
		response.setStatusCode(HttpStatusCode.valueOf(worded.getStatus()));
		response.getHeaders().setContentType(MEDIA_TYPE);
		if (locale != null) {
			response.getHeaders().set(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
		}
		byte[] body = json(worded, exchange.getAttribute(REQUEST_ID_ATTRIBUTE)).getBytes(StandardCharsets.UTF_8);
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

	/** A problem whose texts are still keys: the properties a filter adds are kept when it is worded. */
	private static final class Unworded extends ProblemDetail {

		private final String code;

		private final MessageSourceResolvable title;

		private final MessageSourceResolvable detail;

		private final List<Map.Entry<String, MessageSourceResolvable>> fields;

		Unworded(HttpStatusCode status, String code, MessageSourceResolvable title, MessageSourceResolvable detail,
				List<Map.Entry<String, MessageSourceResolvable>> fields) {
			super(status.value());
			this.code = code;
			this.title = title;
			this.detail = detail;
			this.fields = fields;
			setType(URI.create("urn:mentoring:problem:" + code));
		}

		/** The problem worded in the language; without a message source (a bare exchange), by its keys. */
		ProblemDetail in(MessageSource messages, Locale locale) {
			String wordedTitle = word(messages, title, locale);
			List<Map<String, String>> wordedFields = fields.stream().map(field -> {
				Map<String, String> entry = new LinkedHashMap<>();
				entry.put("field", field.getKey());
				entry.put("message", word(messages, field.getValue(), locale));
				return entry;
			}).toList();
			String wordedDetail = detail != null ? word(messages, detail, locale)
					: wordedFields.stream().map(f -> f.get("field") + ": " + f.get("message")).reduce((a, b) -> a + "; " + b)
						.orElse(wordedTitle);
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(getStatus()), wordedDetail);
			problem.setType(URI.create("urn:mentoring:problem:" + code));
			problem.setTitle(wordedTitle);
			if (!wordedFields.isEmpty()) {
				problem.setProperty("errors", wordedFields);
			}
			if (getProperties() != null) {
				getProperties().forEach(problem::setProperty);
			}
			return problem;
		}

		private static String word(MessageSource messages, MessageSourceResolvable text, Locale locale) {
			if (messages == null || locale == null) {
				return text.getDefaultMessage() != null ? text.getDefaultMessage() : text.getCodes()[0];
			}
			try {
				return messages.getMessage(text, locale);
			}
			catch (NoSuchMessageException missing) {
				return text.getCodes()[0];
			}
		}

	}

}
