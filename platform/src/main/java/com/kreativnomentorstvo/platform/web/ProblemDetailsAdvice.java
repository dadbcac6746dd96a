package com.kreativnomentorstvo.platform.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into problem details: bad input names its fields (400, or 422 for a broken
 * rule), missing or foreign resources are 404, state clashes 409, stale writes 412, a store that
 * does not answer 503 with {@code Retry-After}, and anything unexpected a 500 without internals,
 * logged with the request id.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private static final String INVALID_INPUT = "Invalid input";

	private static final Duration STORE_WARNING_INTERVAL = Duration.ofMinutes(1);

	private final Duration storeRetryAfter;

	private final AtomicLong lastStoreWarning = new AtomicLong();

	/**
	 * @param storeRetryAfter how long a caller is asked to wait when the store does not answer
	 */
	ProblemDetailsAdvice(Duration storeRetryAfter) {
		this.storeRetryAfter = storeRetryAfter;
	}

	@ExceptionHandler(ResourceNotFoundException.class)
	ResponseEntity<Object> notFound(ResourceNotFoundException ex) {
		return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage()));
	}

	/** A full list is a 409 like any conflict, with the list ({@code field}) and its {@code limit} as properties too. */
	@ExceptionHandler(LimitReached.class)
	ResponseEntity<Object> limitReached(LimitReached ex) {
		ProblemDetail problem = Problems.ofFields(HttpStatus.CONFLICT, LimitReached.CODE, "Limit reached", ex.fields());
		problem.setProperty("field", ex.field());
		problem.setProperty("limit", ex.limit());
		return respond(problem);
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<Object> conflict(ConflictException ex) {
		if (!ex.fields().isEmpty()) {
			return respond(Problems.ofFields(HttpStatus.CONFLICT, ex.code(), "Conflict", ex.fields()));
		}
		return respond(Problems.of(HttpStatus.CONFLICT, ex.code(), "Conflict", ex.getMessage()));
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<Object> duplicate(DuplicateKeyException ex) {
		return respond(Problems.of(HttpStatus.CONFLICT, "already-exists", "Conflict", "The resource already exists"));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Object> concurrentUpdate(OptimisticLockingFailureException ex) {
		return respond(Problems.of(HttpStatus.CONFLICT, "concurrent-update", "Conflict",
				"The resource was changed by someone else; read it again and retry"));
	}

	@ExceptionHandler(PreconditionFailedException.class)
	ResponseEntity<Object> stale(PreconditionFailedException ex) {
		return respond(Problems.of(HttpStatus.PRECONDITION_FAILED, "stale-version", "Precondition failed",
				ex.getMessage()));
	}

	@ExceptionHandler(PreconditionRequiredException.class)
	ResponseEntity<Object> unconditional(PreconditionRequiredException ex) {
		return respond(Problems.of(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "Precondition required",
				ex.getMessage()));
	}

	@ExceptionHandler(InvalidFieldsException.class)
	ResponseEntity<Object> invalid(InvalidFieldsException ex) {
		return respond(Problems.ofFields(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violation", "Request breaks a rule",
				ex.problems()));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
		List<InvalidFieldsException.FieldProblem> fields = ex.getConstraintViolations()
			.stream()
			.map(v -> new InvalidFieldsException.FieldProblem(leaf(v.getPropertyPath().toString()), v.getMessage()))
			.toList();
		return respond(Problems.ofFields(HttpStatus.BAD_REQUEST, "invalid-input", INVALID_INPUT, fields));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return respond(Problems.ofFields(HttpStatus.BAD_REQUEST, "invalid-input", INVALID_INPUT,
				List.of(new InvalidFieldsException.FieldProblem(ex.getName(), "has the wrong type or format"))));
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<Object> unauthenticated(AuthenticationException ex) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
					"A valid bearer token is required"));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> forbidden(AccessDeniedException ex) {
		return respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
				"You may not perform this operation"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex) {
		Optional<Throwable> outage = Outages.ofTheStore(ex);
		if (outage.isPresent()) {
			return storeUnavailable(outage.get());
		}
		log.error("Unexpected failure", ex);
		return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
				"Something went wrong on our side; quote the request id when you report it"));
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
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Service unavailable",
					"The service's database does not answer; retry after " + seconds + " s"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return respond(Problems.ofFields(HttpStatus.BAD_REQUEST, "invalid-input", INVALID_INPUT, fields(ex)));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidFieldsException.FieldProblem> fields = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach(result -> result.getResolvableErrors()
				.forEach(error -> fields.add(new InvalidFieldsException.FieldProblem(
						result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
		return respond(Problems.ofFields(HttpStatus.BAD_REQUEST, "invalid-input", INVALID_INPUT, fields));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return respond(Problems.ofFields(HttpStatus.BAD_REQUEST, "invalid-input", INVALID_INPUT,
				List.of(new InvalidFieldsException.FieldProblem(ex.getParameterName(), "is required"))));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		JacksonException json = jacksonCause(ex);
		if (json != null) {
			String field = path(json);
			String message = json instanceof UnrecognizedPropertyException ? "is not a known field"
					: "has the wrong type or format";
			if (field.isEmpty()) {
				return respond(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed body",
						"The body is not valid JSON"));
			}
			return respond(Problems.ofFields(HttpStatus.BAD_REQUEST, "invalid-input", INVALID_INPUT,
					List.of(new InvalidFieldsException.FieldProblem(field, message))));
		}
		return respond(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed body",
				"The request body is missing or cannot be read"));
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is nothing at this path"));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			ProblemDetail withId = Problems.of(status, "http-" + status.value(), problem.getTitle(), problem.getDetail());
			return new ResponseEntity<>(withId, headers, status);
		}
		return super.createResponseEntity(body, headers, status, request);
	}

	private static List<InvalidFieldsException.FieldProblem> fields(BindException ex) {
		List<InvalidFieldsException.FieldProblem> fields = new ArrayList<>();
		ex.getFieldErrors()
			.forEach(e -> fields.add(new InvalidFieldsException.FieldProblem(e.getField(), e.getDefaultMessage())));
		ex.getGlobalErrors()
			.forEach(e -> fields.add(new InvalidFieldsException.FieldProblem(e.getObjectName(), e.getDefaultMessage())));
		return fields;
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

	private static ResponseEntity<Object> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
