package com.kreativnomentorstvo.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** The request id that ties a request to its logs and to the events it caused. */
public final class RequestIds {

	public static final String HEADER = "X-Request-Id";

	/** Key of the request id in the logging MDC (and so in every JSON log line). */
	public static final String MDC_KEY = "requestId";

	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	/** The caller's id if it is a sane token, otherwise a new one. */
	public static String acceptOrCreate(String offered) {
		return offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
	}

	private RequestIds() {
	}

}
