package com.kreativnomentorstvo.gateway.routing;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import com.kreativnomentorstvo.support.routes.ApiRoutes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

/**
 * How calls to the services behind the gateway are protected, and where the pages are
 * ({@code mentoring.gateway.routing}). The services themselves, the paths they own and their timeouts are the
 * API's route table ({@link ApiRoutes}), which the web application shares.
 *
 * @param retry how idempotent calls are retried when a service cannot be reached or is briefly unavailable
 * @param web the web application, which gets every path that is not the API's, the API documents' or the
 * actuator's (none when its address is not set)
 */
@ConfigurationProperties("mentoring.gateway.routing")
@Validated
public record RoutingProperties(@Valid @DefaultValue Retry retry, @Valid @DefaultValue Web web) {

	/**
	 * The web application: the pages people open in a browser.
	 *
	 * @param uri where it listens; unset, the gateway serves the API alone
	 * @param timeout the longest a page may take, retries included, before the browser gets a 503
	 */
	public record Web(URI uri, @DefaultValue("15s") Duration timeout) {

		public boolean enabled() {
			return uri != null && !uri.toString().isBlank();
		}

	}

	/**
	 * Retries of GET, HEAD and OPTIONS on refused connections and 502/503/504 answers.
	 *
	 * @param retries how many times a call is repeated (0: never)
	 * @param firstBackoff the wait before the first repetition; each further one waits twice as long
	 * @param maxBackoff the longest wait between two attempts
	 */
	public record Retry(@Min(0) @DefaultValue("2") int retries, @DefaultValue("100ms") Duration firstBackoff,
			@DefaultValue("500ms") Duration maxBackoff) {
	}

}
