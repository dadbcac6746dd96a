package com.kreativnomentorstvo.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * The services behind the gateway and how calls to them are protected ({@code mentoring.gateway.routing}).
 *
 * @param services each service by name: where it runs, the paths it owns, its timeout
 * @param retry how idempotent calls are retried when a service cannot be reached or is briefly unavailable
 * @param web the web application, which gets every path that is not the API's, the API documents' or the
 * actuator's (none when its address is not set)
 */
@ConfigurationProperties("mentoring.gateway.routing")
@Validated
public record RoutingProperties(@Valid @DefaultValue Map<String, Service> services, @Valid @DefaultValue Retry retry,
		@Valid @DefaultValue Web web) {

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
	 * One service.
	 *
	 * @param uri where it listens
	 * @param paths the public paths it owns ({@code /api/v1/...} patterns)
	 * @param order lower orders are matched first: services owning sub-resources of another's
	 * resources (e.g. {@code /api/v1/programmes/*&#47;matches}) come before it
	 * @param timeout the longest a call may take, retries included, before the caller gets a 503
	 * @param apiDocs whether its OpenAPI document is served at {@code /v3/api-docs/<name>} and listed in the Swagger UI
	 * @param streams its long-lived event streams (server-sent events): routed without the timeout, the time
	 * limit and the retries of its other calls, since a stream stays open for as long as its reader does
	 */
	public record Service(@NotNull URI uri, @NotEmpty List<String> paths, @DefaultValue("0") int order,
			@DefaultValue("5s") Duration timeout, @DefaultValue("true") boolean apiDocs, @DefaultValue List<String> streams) {
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
