package com.kreativnomentorstvo.authserver.admin;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.kreativnomentorstvo.authserver.account.AccountAlreadyExists;

import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The admin API's failures as RFC 9457 problem details, shaped as the services shape theirs: a type
 * {@code urn:mentoring:problem:<code>}, and for bad input the fields at fault under {@code errors}.
 */
@RestControllerAdvice(basePackageClasses = AdminProblems.class)
class AdminProblems extends ResponseEntityExceptionHandler {

	private static final String INVALID_INPUT = "Invalid input";

	@ExceptionHandler(NotFound.class)
	ResponseEntity<Object> notFound(NotFound ex) {
		return respond(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage()));
	}

	@ExceptionHandler(AccountAlreadyExists.class)
	ResponseEntity<Object> addressTaken(AccountAlreadyExists ex) {
		return respond(problem(HttpStatus.CONFLICT, "account-exists", "Conflict", ex.getMessage()));
	}

	@ExceptionHandler(InvalidField.class)
	ResponseEntity<Object> invalidField(InvalidField ex) {
		return respond(invalid(List.of(new FieldProblem(ex.field(), ex.getMessage()))));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> fields = new ArrayList<>();
		ex.getFieldErrors().forEach(error -> fields.add(new FieldProblem(error.getField(), error.getDefaultMessage())));
		ex.getGlobalErrors()
			.forEach(error -> fields.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
		return respond(invalid(fields));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> fields = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach(result -> result.getResolvableErrors()
				.forEach(error -> fields.add(new FieldProblem(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage()))));
		return respond(invalid(fields));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return respond(invalid(List.of(new FieldProblem(ex.getParameterName(), "is required"))));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
			return respond(invalid(List.of(new FieldProblem(unknown.getPropertyName(), "is not a known field"))));
		}
		return respond(problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed body",
				"The request body is missing, is not JSON, or has a value of the wrong type"));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		if (body instanceof ProblemDetail framework && framework.getType().equals(URI.create("about:blank"))) {
			framework.setType(URI.create("urn:mentoring:problem:http-" + status.value()));
		}
		return super.createResponseEntity(body, headers, status, request);
	}

	private static ProblemDetail invalid(List<FieldProblem> fields) {
		String detail = fields.stream()
			.map(field -> field.field() + ": " + field.message())
			.reduce((a, b) -> a + "; " + b)
			.orElse(INVALID_INPUT);
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", INVALID_INPUT, detail);
		problem.setProperty("errors", fields);
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:mentoring:problem:" + code));
		problem.setTitle(title);
		return problem;
	}

	private static ResponseEntity<Object> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	/** A field at fault and why. */
	record FieldProblem(String field, String message) {
	}

}
