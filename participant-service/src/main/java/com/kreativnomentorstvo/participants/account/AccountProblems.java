package com.kreativnomentorstvo.participants.account;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.ProblemTexts;
import com.kreativnomentorstvo.platform.web.Problems;

/** The identity provider did not answer: 503 with {@code Retry-After}; nothing was changed. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
class AccountProblems {

	private static final Logger log = LoggerFactory.getLogger(AccountProblems.class);

	private final ProblemTexts texts;

	AccountProblems(ProblemTexts texts) {
		this.texts = texts;
	}

	@ExceptionHandler(IdentityProviderUnavailable.class)
	ResponseEntity<ProblemDetail> unavailable(IdentityProviderUnavailable ex, Locale locale) {
		log.warn("Identity provider unavailable: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "30")
			.header(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
			.header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
			.body(texts.problem(HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable",
					ProblemText.of("title.service-unavailable"), ProblemText.of("account.identity-provider-unavailable"),
					locale));
	}

}
