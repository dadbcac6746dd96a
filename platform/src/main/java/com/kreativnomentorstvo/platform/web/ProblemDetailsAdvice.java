package com.kreativnomentorstvo.platform.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.kreativnomentorstvo.platform.Outages;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into problem details: bad input names its fields (400, or 422 for a broken
 * rule), missing or foreign resources are 404, state clashes 409, stale writes 412, a store that
 * does not answer 503 with {@code Retry-After}, and anything unexpected a 500 without internals,
 * logged with the request id. Titles, details and field messages are worded in the language the
 * locale resolver chose from {@code Accept-Language}, named by {@code Content-Language}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private static final String INVALID_INPUT = "invalid-input";

	private static final ProblemText NOT_FOUND = ProblemText.of("title.not-found");

	private static final ProblemText LIMIT_REACHED = ProblemText.of("title.limit-reached");

	private static final ProblemText CONFLICT = ProblemText.of("title.conflict");

	private static final ProblemText PRECONDITION_FAILED = ProblemText.of("title.precondition-failed");

	private static final ProblemText PRECONDITION_REQUIRED = ProblemText.of("title.precondition-required");

	private static final ProblemText RULE_VIOLATION = ProblemText.of("title.rule-violation");

	private static final ProblemText UNAUTHENTICATED = ProblemText.of("title.unauthenticated");

	private static final ProblemText FORBIDDEN = ProblemText.of("title.forbidden");

	private static final ProblemText INTERNAL = ProblemText.of("title.internal");

	private static final ProblemText SERVICE_UNAVAILABLE = ProblemText.of("title.service-unavailable");

	private static final ProblemText MALFORMED_BODY = ProblemText.of("title.malformed-body");

	private static final ProblemText INVALID_INPUT_TITLE = ProblemText.of("title.invalid-input");

	private static final String WRONG_TYPE = "field.wrong-type";

	/** The message templates Bean Validation and Hibernate Validator word themselves. */
	private static final Pattern STANDARD_TEMPLATE = Pattern
		.compile("\\{(jakarta|javax)\\.validation\\..*}|\\{org\\.hibernate\\.validator\\..*}");

	private static final Duration STORE_WARNING_INTERVAL = Duration.ofMinutes(1);

	private final Duration storeRetryAfter;

	private final AtomicLong lastStoreWarning = new AtomicLong();

	private final ProblemTexts texts;

	/**
	 * @param storeRetryAfter how long a caller is asked to wait when the store does not answer
	 * @param texts the words of every title, detail and field message
	 */
	ProblemDetailsAdvice(Duration storeRetryAfter, ProblemTexts texts) {
		this.storeRetryAfter = storeRetryAfter;
		this.texts = texts;
	}

	/** Spring's own problems (e.g. a refused method) take their words from the problem bundles too. */
	@Override
	public void setMessageSource(MessageSource ignored) {
		super.setMessageSource(texts.messageSource());
	}

	@ExceptionHandler(ResourceNotFoundException.class)
	ResponseEntity<Object> notFound(ResourceNotFoundException ex) {
		return respond(HttpStatus.NOT_FOUND, "not-found", NOT_FOUND, ex.text());
	}

	/** A full list is a 409 like any conflict, with the list ({@code field}) and its {@code limit} as properties too. */
	@ExceptionHandler(LimitReached.class)
	ResponseEntity<Object> limitReached(LimitReached ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, LimitReached.CODE, LIMIT_REACHED, ex.fields());
		problem.setProperty("field", ex.field());
		problem.setProperty("limit", ex.limit());
		return respond(problem);
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<Object> conflict(ConflictException ex) {
		if (!ex.fields().isEmpty()) {
			return respond(problem(HttpStatus.CONFLICT, ex.code(), CONFLICT, ex.fields()));
		}
		return respond(HttpStatus.CONFLICT, ex.code(), CONFLICT, ex.text());
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<Object> duplicate(DuplicateKeyException ex) {
		return respond(HttpStatus.CONFLICT, "already-exists", CONFLICT, ProblemText.of("already-exists.detail"));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Object> concurrentUpdate(OptimisticLockingFailureException ex) {
		return respond(HttpStatus.CONFLICT, "concurrent-update", CONFLICT, ProblemText.of("concurrent-update.detail"));
	}

	@ExceptionHandler(PreconditionFailedException.class)
	ResponseEntity<Object> stale(PreconditionFailedException ex) {
		return respond(HttpStatus.PRECONDITION_FAILED, "stale-version", PRECONDITION_FAILED, ex.text());
	}

	@ExceptionHandler(PreconditionRequiredException.class)
	ResponseEntity<Object> unconditional(PreconditionRequiredException ex) {
		return respond(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", PRECONDITION_REQUIRED, ex.text());
	}

	@ExceptionHandler(InvalidFieldsException.class)
	ResponseEntity<Object> invalid(InvalidFieldsException ex) {
		return respond(problem(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violation", RULE_VIOLATION, ex.problems()));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
		List<InvalidFieldsException.FieldProblem> fields = ex.getConstraintViolations()
			.stream()
			.map(v -> new InvalidFieldsException.FieldProblem(leaf(v.getPropertyPath().toString()),
					ownKey(v.getMessageTemplate()).map(ProblemText::of).orElseGet(() -> ProblemText.worded(v.getMessage()))))
			.toList();
		return respond(problem(HttpStatus.BAD_REQUEST, INVALID_INPUT, INVALID_INPUT_TITLE, fields));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return respond(problem(HttpStatus.BAD_REQUEST, INVALID_INPUT, INVALID_INPUT_TITLE,
				List.of(InvalidFieldsException.FieldProblem.of(ex.getName(), WRONG_TYPE))));
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<Object> unauthenticated(AuthenticationException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(texts.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", UNAUTHENTICATED,
					ProblemText.of("unauthenticated.detail"), locale));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> forbidden(AccessDeniedException ex) {
		return respond(HttpStatus.FORBIDDEN, "forbidden", FORBIDDEN, ProblemText.of("forbidden.detail"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex) {
		Optional<Throwable> outage = Outages.ofTheStore(ex);
		if (outage.isPresent()) {
			return storeUnavailable(outage.get());
		}
		log.error("Unexpected failure", ex);
		return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal", INTERNAL, ProblemText.of("internal.detail"));
	}

	/** The store did not answer in time: the same request succeeds once it is back. */
	private ResponseEntity<Object> storeUnavailable(Throwable outage) {
		long now = System.nanoTime();
		long last = lastStoreWarning.get();
		if ((last == 0 || now - last > STORE_WARNING_INTERVAL.toNanos()) && lastStoreWarning.compareAndSet(last, now)) {
			log.warn("The store does not answer; requests that need it are answered 503 (at most one such line a minute): {}",
					outage.toString());
		}
		long seconds = Math.max(1, storeRetryAfter.toSeconds());
		Locale locale = LocaleContextHolder.getLocale();
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(texts.problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", SERVICE_UNAVAILABLE,
					ProblemText.of("store-unavailable.detail", seconds), locale));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return respond(problem(HttpStatus.BAD_REQUEST, INVALID_INPUT, INVALID_INPUT_TITLE, fields(ex)));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidFieldsException.FieldProblem> fields = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach(result -> result.getResolvableErrors()
				.forEach(error -> fields.add(new InvalidFieldsException.FieldProblem(
						result.getMethodParameter().getParameterName(), constraintText(error,
								result.unwrap(error, ConstraintViolation.class).getMessageTemplate())))));
		return respond(problem(HttpStatus.BAD_REQUEST, INVALID_INPUT, INVALID_INPUT_TITLE, fields));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return respond(problem(HttpStatus.BAD_REQUEST, INVALID_INPUT, INVALID_INPUT_TITLE,
				List.of(InvalidFieldsException.FieldProblem.of(ex.getParameterName(), "field.required"))));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		JacksonException json = jacksonCause(ex);
		if (json != null) {
			String field = path(json);
			String message = json instanceof UnrecognizedPropertyException ? "field.unknown" : WRONG_TYPE;
			if (field.isEmpty()) {
				return respond(HttpStatus.BAD_REQUEST, "malformed-body", MALFORMED_BODY,
						ProblemText.of("malformed-body.not-json"));
			}
			return respond(problem(HttpStatus.BAD_REQUEST, INVALID_INPUT, INVALID_INPUT_TITLE,
					List.of(InvalidFieldsException.FieldProblem.of(field, message))));
		}
		return respond(HttpStatus.BAD_REQUEST, "malformed-body", MALFORMED_BODY,
				ProblemText.of("malformed-body.unreadable"));
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return respond(HttpStatus.NOT_FOUND, "not-found", NOT_FOUND, ProblemText.of("not-found.path"));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			// the title and detail are worded already: by the problem bundles' ErrorResponse codes, else Spring's English
			ProblemDetail withId = Problems.of(status, "http-" + status.value(), problem.getTitle(), problem.getDetail());
			HttpHeaders withLanguage = new HttpHeaders(headers);
			withLanguage.set(HttpHeaders.CONTENT_LANGUAGE, LocaleContextHolder.getLocale().toLanguageTag());
			return new ResponseEntity<>(withId, withLanguage, status);
		}
		return super.createResponseEntity(body, headers, status, request);
	}

	private static List<InvalidFieldsException.FieldProblem> fields(BindException ex) {
		List<InvalidFieldsException.FieldProblem> fields = new ArrayList<>();
		ex.getFieldErrors()
			.forEach(e -> fields.add(new InvalidFieldsException.FieldProblem(e.getField(), constraintText(e, template(e)))));
		ex.getGlobalErrors()
			.forEach(e -> fields.add(new InvalidFieldsException.FieldProblem(e.getObjectName(), constraintText(e, template(e)))));
		return fields;
	}

	private static String template(ObjectError error) {
		return error.contains(ConstraintViolation.class) ? error.unwrap(ConstraintViolation.class).getMessageTemplate()
				: null;
	}

	/**
	 * A constraint's message: the key its template names in braces, if it is one of ours,
	 * Bean Validation's standard ones by Spring's codes ({@code NotNull}, {@code Size}...) in the
	 * platform bundle, and a message written out in the annotation as it is.
	 */
	private static ProblemText constraintText(MessageSourceResolvable error, String template) {
		Optional<String> own = ownKey(template);
		if (own.isPresent()) {
			return ProblemText.of(own.get(), error.getArguments());
		}
		if (template != null && STANDARD_TEMPLATE.matcher(template).matches() && error.getCodes() != null) {
			return ProblemText.ofCodes(List.of(error.getCodes()), error.getArguments(), error.getDefaultMessage());
		}
		return ProblemText.worded(error.getDefaultMessage());
	}

	/** The key a constraint's template names, unless it is one of Bean Validation's or Hibernate's own. */
	private static Optional<String> ownKey(String template) {
		if (template == null || !template.startsWith("{") || !template.endsWith("}")
				|| STANDARD_TEMPLATE.matcher(template).matches()) {
			return Optional.empty();
		}
		String key = template.substring(1, template.length() - 1);
		return key.matches("[a-z][a-z0-9.-]*") ? Optional.of(key) : Optional.empty();
	}

	/** The outermost JSON exception: it knows the path even when a parser (e.g. of a date) failed below it. */
	private static JacksonException jacksonCause(Throwable ex) {
		for (Throwable cause = ex; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			if (cause instanceof JacksonException json) {
				return json;
			}
		}
		return null;
	}

	/** The JSON path of the failing value, e.g. {@code profile.languages[2]}. */
	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String leaf(String propertyPath) {
		// "enrol.request.capacity" -> "request.capacity" (drop the method name)
		int dot = propertyPath.indexOf('.');
		return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
	}

	private ResponseEntity<Object> respond(HttpStatus status, String code, ProblemText title, ProblemText detail) {
		return respond(texts.problem(status, code, title, detail, LocaleContextHolder.getLocale()));
	}

	private ProblemDetail problem(HttpStatus status, String code, ProblemText title,
			List<InvalidFieldsException.FieldProblem> fields) {
		return texts.problem(status, code, title, fields, LocaleContextHolder.getLocale());
	}

	/** Answers in the language the locale resolver chose for the request, and says which. */
	private static ResponseEntity<Object> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus())
			.header(HttpHeaders.CONTENT_LANGUAGE, LocaleContextHolder.getLocale().toLanguageTag())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
