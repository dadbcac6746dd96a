package com.kreativnomentorstvo.participants.onboarding;

import java.util.Locale;

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

/**
 * An invitation list with bad rows: 422 naming each bad field, with the good rows (none invited).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = { OnboardingController.class, InvitationController.class })
class OnboardingProblems {

	private final ProblemTexts texts;

	OnboardingProblems(ProblemTexts texts) {
		this.texts = texts;
	}

	@ExceptionHandler(InvalidRows.class)
	ResponseEntity<ProblemDetail> invalidRows(InvalidRows ex, Locale locale) {
		ProblemDetail problem = texts.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-rows",
				ProblemText.of("title.invalid-rows"), ex.problems(), locale);
		problem.setProperty("goodRows", ex.goodRows());
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.header(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
			.header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
			.body(problem);
	}

}
