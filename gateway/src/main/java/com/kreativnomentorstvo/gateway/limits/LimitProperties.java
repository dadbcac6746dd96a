package com.kreativnomentorstvo.gateway.limits;

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
 */
@ConfigurationProperties("mentoring.gateway.limits")
@Validated
record LimitProperties(@DefaultValue("256KB") DataSize requestBody, @Min(1) @DefaultValue("100") int pageSize,
		@DefaultValue Uploads uploads) {

	/**
	 * @param requestBody the largest body of a request to one of the paths: the service's largest file
	 *     and room for the rest of a multipart request
	 * @param paths path patterns (e.g. {@code /api/v1/programmes/*}{@code /resources}) whose requests
	 *     may carry a file; every other path keeps the general limit
	 */
	record Uploads(@DefaultValue("11MB") DataSize requestBody,
			@DefaultValue({ "/api/v1/resources", "/api/v1/programmes/*/resources" }) List<String> paths) {
	}

}
