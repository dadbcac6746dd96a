package com.kreativnomentorstvo.sessions.resource;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import com.kreativnomentorstvo.platform.web.InvalidFieldsException.FieldProblem;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.ProblemTexts;
import com.kreativnomentorstvo.sessions.config.SessionProperties;

import jakarta.servlet.MultipartConfigElement;

/**
 * How large an upload the service reads at all, derived from the library's one setting
 * ({@code mentoring.sessions.resources.max-file-size}) so it is never set twice: a file up to
 * {@value #HEADROOM} bytes over the limit reaches {@link ResourceLibrary}, which refuses it with 422
 * naming {@code file}; anything larger is cut off while it is read and refused with 413 naming
 * {@code file}. Parts over {@value #IN_MEMORY} bytes are buffered on disk, not in the heap.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

	/** Room for the request's other parts (the resource's JSON) and a file just over the limit. */
	static final long HEADROOM = 1024 * 1024;

	static final int IN_MEMORY = 256 * 1024;

	@Bean
	MultipartConfigElement multipartConfigElement(SessionProperties properties) {
		long max = properties.resources().maxFileSize().toBytes() + HEADROOM;
		return new MultipartConfigElement("", max, max, IN_MEMORY);
	}

	/** An upload too large to read: 413 naming {@code file}, in the caller's language. */
	@RestControllerAdvice
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class TooLarge {

		private final ProblemTexts texts;

		private final SessionProperties properties;

		TooLarge(ProblemTexts texts, SessionProperties properties) {
			this.texts = texts;
			this.properties = properties;
		}

		@ExceptionHandler(MaxUploadSizeExceededException.class)
		ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex) {
			ProblemDetail problem = texts.problem(HttpStatus.CONTENT_TOO_LARGE, "file-too-large",
					ProblemText.of("title.file-too-large"),
					List.of(FieldProblem.of("file", "library.file-too-large",
							properties.resources().maxFileSize().toBytes())),
					LocaleContextHolder.getLocale());
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.header(HttpHeaders.CONTENT_LANGUAGE, LocaleContextHolder.getLocale().toLanguageTag())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}

	}

}
