package com.kreativnomentorstvo.web.errors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import com.kreativnomentorstvo.web.api.ApiProblem;
import com.kreativnomentorstvo.web.api.ApiUnavailable;

/**
 * What a page shows when the API refuses or does not answer, in the person's language and never
 * with a stack trace: "not found" for what does not exist or is not hers (the services answer both
 * alike), "sign in again" when her token is no longer accepted, "try again shortly" when a service
 * is down or slow, and the service's own words for any other refusal.
 */
@ControllerAdvice
class ErrorPages {

	private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

	@ExceptionHandler(ApiProblem.class)
	ModelAndView refused(ApiProblem problem) {
		if (problem.isNotFound()) {
			return page("error/not-found", HttpStatus.NOT_FOUND);
		}
		if (problem.status() == 401) {
			return page("error/signed-out", HttpStatus.UNAUTHORIZED);
		}
		if (problem.isUnavailable()) {
			return page("error/unavailable", HttpStatus.SERVICE_UNAVAILABLE);
		}
		ModelAndView page = page("error/refused", HttpStatus.valueOf(problem.status() >= 400 && problem.status() < 500
				? problem.status() : HttpStatus.BAD_GATEWAY.value()));
		page.addObject("problem", problem);
		return page;
	}

	@ExceptionHandler(ApiUnavailable.class)
	ModelAndView unavailable(ApiUnavailable unavailable) {
		if (unavailable.circuitOpen()) {
			// the failures that opened it were each logged; one line per page while it stays open says nothing new
			log.debug("{}: its circuit is open", unavailable.getMessage());
		}
		else {
			log.warn("{}: {}", unavailable.getMessage(), String.valueOf(unavailable.getCause()));
		}
		return page("error/unavailable", HttpStatus.SERVICE_UNAVAILABLE);
	}

	private static ModelAndView page(String view, HttpStatus status) {
		ModelAndView page = new ModelAndView(view);
		page.setStatus(status);
		return page;
	}

}
