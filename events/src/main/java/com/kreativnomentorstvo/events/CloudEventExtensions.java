package com.kreativnomentorstvo.events;

/**
 * Names of the CloudEvents extension attributes the platform sets. CloudEvents restricts
 * extension names to lower-case letters and digits.
 */
public final class CloudEventExtensions {

	/** Organisation that owns the aggregate. */
	public static final String ORGANISATION_ID = "organisationid";

	/** Programme the event belongs to. */
	public static final String PROGRAMME_ID = "programmeid";

	/** The {@code X-Request-Id} of the HTTP request that caused the event. */
	public static final String REQUEST_ID = "requestid";

	/** W3C trace context of the operation that caused the event (distributed tracing extension). */
	public static final String TRACEPARENT = "traceparent";

	private CloudEventExtensions() {
	}

}
