package com.kreativnomentorstvo.gateway.limits;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * How large one request may be ({@code mentoring.gateway.limits}).
 *
 * @param requestBody the largest request body passed to a service; larger ones are refused with 413
 * @param pageSize the largest {@code size} a list request may ask for; larger ones are refused with 400
 * @param uploads the paths that take files, and their larger limit
 * @param refusedBody how much of a refused body is still read, so that the caller's connection stays usable
 */
@ConfigurationProperties("mentoring.gateway.limits")
@Validated
record LimitProperties(@DefaultValue("256KB") DataSize requestBody, @Min(1) @DefaultValue("100") int pageSize,
		@DefaultValue Uploads uploads, @DefaultValue RefusedBody refusedBody) {

	/**
	 * @param requestBody the largest body of a request to one of the paths: the service's largest file
	 *     and room for the rest of a multipart request
	 * @param paths path patterns (e.g. {@code /api/v1/programmes/*}{@code /resources}) whose requests
	 *     may carry a file; every other path keeps the general limit
	 */
	record Uploads(@DefaultValue("11MB") DataSize requestBody,
			@DefaultValue({ "/api/v1/resources", "/api/v1/programmes/*/resources" }) List<String> paths) {
	}

	/**
	 * A body over its limit is read to its end and dropped before the 413 is sent, as long as it is
	 * no more than {@code readUpTo} past the limit and keeps coming: the connection then carries the
	 * caller's next request. Beyond that, the 413 goes at once and the connection is closed, since
	 * the body's unread rest would be taken for the next request.
	 *
	 * @param readUpTo how far past the limit a refused body is still read
	 * @param idleTimeout how long the gateway waits for more of a refused body before it answers and closes
	 */
	record RefusedBody(@DefaultValue("2MB") DataSize readUpTo, @DefaultValue("5s") Duration idleTimeout) {
	}

}
