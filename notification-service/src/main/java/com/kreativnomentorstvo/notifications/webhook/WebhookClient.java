package com.kreativnomentorstvo.notifications.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.events.CloudEventExtensions;
import com.kreativnomentorstvo.notifications.config.NotificationProperties;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.http.HttpMessageFactory;

/**
 * Sends one event to one endpoint as a CloudEvent in HTTP binary content mode ({@code ce-*}
 * headers, the JSON data as the body), signed with the subscription's secret.
 *
 * <p>A hostile or broken endpoint cannot hold the worker: the whole request (name lookup,
 * connecting, sending and the answer's status line) has one deadline, kept by the application's
 * task scheduler, after which the request is aborted and its connection closed; the answer's body
 * is never read, so one trickled byte by byte costs nothing. The name is resolved here, on the
 * worker, and the socket checks the address it connects to against the private-network rule at that
 * moment (no second lookup that could answer differently). Redirects are not followed, connections
 * are not kept, no proxy is used.
 */
@Component
class WebhookClient implements DisposableBean {

	private final CloseableHttpClient http;

	/** Aborts a request at its deadline. */
	private final TaskScheduler deadlines;

	private final Duration timeout;

	private final Clock clock;

	WebhookClient(NotificationProperties properties, EndpointGuard guard, TaskScheduler deadlines, Clock clock) {
		NotificationProperties.Webhooks settings = properties.webhooks();
		this.timeout = settings.timeout();
		this.deadlines = deadlines;
		this.clock = clock;
		Timeout limit = Timeout.of(timeout);
		PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager(
				new DefaultHttpClientConnectionOperator(proxy -> new CheckedSocket(guard),
						DefaultSchemePortResolver.INSTANCE, new CheckedNames(guard),
						RegistryBuilder.<TlsSocketStrategy>create()
							.register(URIScheme.HTTPS.id, DefaultClientTlsStrategy.createDefault())
							.build()),
				PoolConcurrencyPolicy.LAX, PoolReusePolicy.LIFO, TimeValue.ofMinutes(1), null);
		connections.setDefaultConnectionConfig(
				ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build());
		connections.setMaxTotal(Math.max(1, settings.workers()) * 2);
		connections.setDefaultMaxPerRoute(Math.max(1, settings.workers()) * 2);
		this.http = HttpClients.custom()
			.setConnectionManager(connections)
			.setDefaultRequestConfig(
					RequestConfig.custom().setConnectionRequestTimeout(limit).setResponseTimeout(limit).build())
			.setUserAgent("mentoring-notification-service")
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.disableContentCompression()
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

		/**
		 * Whether another request at once may pass: after 5xx, 408, 429 and network errors, yes; not
		 * after other 4xx (nothing changes until the receiver does), a refused address, or a request
		 * that ran out of time (a slow endpoint gets no second worker; the dispatch is tried again later).
		 */
		boolean retryable() {
			return retryable;
		}

	}

	/** The host resolves to, or the socket would connect to, an address webhooks may not reach. */
	static class RefusedAddress extends UnknownHostException {

		RefusedAddress(String reason) {
			super(reason);
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
		HttpPost post = new HttpPost(URI.create(url));
		post.setEntity(new ByteArrayEntity(body.get(), null));
		headers.forEach((name, value) -> post.setHeader(name, headerValue(value)));
		String id = headerValue(deliveryId);
		post.setHeader(WebhookSignature.ID_HEADER, id);
		post.setHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
		post.setHeader(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.signature(secret, id, timestamp, body.get()));
		// on the scheduler's own clock: the service's clock may be moved (tests), a deadline may not
		ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, deadlines.getClock().instant().plus(timeout));
		ClassicHttpResponse response = null;
		int status;
		try {
			response = http.executeOpen(null, post, null);
			status = response.getCode();
		}
		catch (IOException ex) {
			RefusedAddress refused = refusal(ex);
			if (refused != null) {
				throw new EndpointFailure(null, "refused: URL " + refused.getMessage(), false);
			}
			if (post.isCancelled()) {
				throw new EndpointFailure(null, "no answer within " + timeout.toMillis() + " ms", false);
			}
			throw new EndpointFailure(null, ex.getClass().getSimpleName() + ": " + ex.getMessage(), true);
		}
		finally {
			// the status line is all we need: drop the connection rather than read (or wait for) a body
			post.cancel();
			deadline.cancel(false);
			closeQuietly(response);
		}
		if (status >= 200 && status < 300) {
			return status;
		}
		boolean retryable = status >= 500 || status == 408 || status == 429;
		throw new EndpointFailure(status, "HTTP " + status, retryable);
	}

	@Override
	public void destroy() {
		http.close(CloseMode.IMMEDIATE);
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

	/** A header value without control characters, so no value can start another header. */
	static String headerValue(String value) {
		return value == null ? "" : value.replaceAll("[\\p{Cntrl}]", "");
	}

	private static RefusedAddress refusal(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof RefusedAddress refused) {
				return refused;
			}
			for (Throwable suppressed : cause.getSuppressed()) {
				if (suppressed instanceof RefusedAddress refused) {
					return refused;
				}
			}
		}
		return null;
	}

	private static void closeQuietly(ClassicHttpResponse response) {
		if (response == null) {
			return;
		}
		try {
			response.close();
		}
		catch (IOException | RuntimeException alreadyAborted) {
			// the connection was dropped on purpose
		}
	}

	/** The endpoint's name looked up on the worker, each address checked. */
	private static final class CheckedNames implements DnsResolver {

		private final EndpointGuard guard;

		CheckedNames(EndpointGuard guard) {
			this.guard = guard;
		}

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			try {
				return guard.resolve(host);
			}
			catch (EndpointGuard.RefusedEndpoint refused) {
				throw new RefusedAddress(refused.getMessage());
			}
		}

		@Override
		public String resolveCanonicalHostname(String host) {
			return host;
		}

	}

	/** A socket that checks the address it is about to connect to, whatever gave it that address. */
	private static final class CheckedSocket extends Socket {

		private final EndpointGuard guard;

		CheckedSocket(EndpointGuard guard) {
			super(Proxy.NO_PROXY);
			this.guard = guard;
		}

		@Override
		public void connect(SocketAddress endpoint, int timeout) throws IOException {
			if (!(endpoint instanceof InetSocketAddress inet) || inet.getAddress() == null) {
				throw new RefusedAddress("points at an address that was not resolved");
			}
			try {
				guard.checkAddress(inet.getAddress());
			}
			catch (EndpointGuard.RefusedEndpoint refused) {
				throw new RefusedAddress(refused.getMessage());
			}
			super.connect(endpoint, timeout);
		}

	}

}
