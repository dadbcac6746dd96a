package com.kreativnomentorstvo.notifications.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.events.CloudEventExtensions;
import com.kreativnomentorstvo.notifications.config.NotificationProperties;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.http.HttpMessageFactory;

/**
 * Sends one event to one endpoint as a CloudEvent in HTTP binary content mode ({@code ce-*}
 * headers, the JSON data as the body), signed with the subscription's secret. Redirects are not
 * followed, so an endpoint cannot bounce the request to an address the guard would refuse.
 */
@Component
class WebhookClient {

	private final HttpClient http;

	private final NotificationProperties.Webhooks settings;

	private final Clock clock;

	WebhookClient(NotificationProperties properties, Clock clock) {
		this.settings = properties.webhooks();
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(settings.timeout())
			.build();
	}

	/** A request that did not end in 2xx. */
	static class EndpointFailure extends RuntimeException {

		private final Integer statusCode;

		private final boolean retryable;

		EndpointFailure(Integer statusCode, String message, boolean retryable) {
			super(message);
			this.statusCode = statusCode;
			this.retryable = retryable;
		}

		Integer statusCode() {
			return statusCode;
		}

		/** 5xx, 408, 429 and network errors may pass; other 4xx will not until the receiver changes. */
		boolean retryable() {
			return retryable;
		}

	}

	/**
	 * Posts the event.
	 * @return the 2xx status code
	 * @throws EndpointFailure for any other outcome
	 */
	int send(String url, String secret, String deliveryId, OutgoingEvent event) {
		Map<String, String> headers = new LinkedHashMap<>();
		AtomicReference<byte[]> body = new AtomicReference<>(new byte[0]);
		HttpMessageFactory.createWriter(headers::put, body::set).writeBinary(cloudEvent(event));
		long timestamp = clock.instant().getEpochSecond();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(settings.timeout())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.get()))
			.header("User-Agent", "mentoring-notification-service")
			.header(WebhookSignature.HEADER, WebhookSignature.header(secret, timestamp, body.get()))
			.header(WebhookSignature.DELIVERY_HEADER, deliveryId);
		headers.forEach(request::header);
		HttpResponse<Void> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			throw new EndpointFailure(null, ex.getClass().getSimpleName() + ": " + ex.getMessage(), true);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EndpointFailure(null, "interrupted", true);
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return status;
		}
		boolean retryable = status >= 500 || status == 408 || status == 429;
		throw new EndpointFailure(status, "HTTP " + status, retryable);
	}

	static CloudEvent cloudEvent(OutgoingEvent event) {
		CloudEventBuilder builder = CloudEventBuilder.v1()
			.withId(event.id())
			.withType(event.type())
			.withSource(URI.create(event.source() == null ? "/unknown" : event.source()))
			.withDataContentType("application/json")
			.withData(event.data().getBytes(StandardCharsets.UTF_8));
		if (event.subject() != null) {
			builder.withSubject(event.subject());
		}
		if (event.time() != null) {
			builder.withTime(event.time().atOffset(ZoneOffset.UTC));
		}
		if (event.dataSchema() != null) {
			builder.withDataSchema(URI.create(event.dataSchema()));
		}
		if (event.programmeId() != null) {
			builder.withExtension(CloudEventExtensions.PROGRAMME_ID, event.programmeId());
		}
		if (event.organisationId() != null) {
			builder.withExtension(CloudEventExtensions.ORGANISATION_ID, event.organisationId());
		}
		return builder.build();
	}

}
