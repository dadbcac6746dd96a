package com.kreativnomentorstvo.participants.privacy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gathers what the platform's other services hold about a participant for her data export: each
 * serves {@code GET /api/v1/participants/{id}/personal-data/{service}}, fetched here through the
 * gateway with the caller's own token (so each service applies its own access rules), all at once.
 * A service that does not answer in time, or answers with an error, is listed as unavailable: the
 * export never fails because another service is away.
 */
@Component
class ServiceExports {

	private static final Logger log = LoggerFactory.getLogger(ServiceExports.class);

	/** Larger answers are not taken into an export (a service holds far less about one person). */
	private static final int MAX_BODY = 16 * 1024 * 1024;

	private final ParticipantServiceProperties.Export settings;

	private final JsonMapper json;

	private final HttpClient http;

	ServiceExports(ParticipantServiceProperties properties, JsonMapper json) {
		this.settings = properties.export();
		this.json = json;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	/**
	 * What one service said.
	 *
	 * @param status {@code included} (its export is in {@code export}), {@code nothing-held} (it knows
	 *     nothing of her) or {@code unavailable} (no answer in time, or an error; {@code reason} says which)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ServiceExport(String service, String status, String reason, JsonNode export) {

		static final String INCLUDED = "included";

		static final String NOTHING_HELD = "nothing-held";

		static final String UNAVAILABLE = "unavailable";

	}

	/** Asks every service at once and waits at most the timeout for all of them together. */
	List<ServiceExport> gather(String participantId, String bearerToken) {
		Map<String, CompletableFuture<HttpResponse<byte[]>>> asked = new LinkedHashMap<>();
		for (String service : settings.services()) {
			asked.put(service, ask(participantId, service, bearerToken));
		}
		long deadline = System.nanoTime() + settings.timeout().toNanos();
		List<ServiceExport> exports = new ArrayList<>();
		asked.forEach((service, answer) -> exports.add(outcome(service, participantId, answer, deadline)));
		return exports;
	}

	private CompletableFuture<HttpResponse<byte[]>> ask(String participantId, String service, String bearerToken) {
		try {
			URI uri = UriComponentsBuilder.fromUriString(settings.gatewayUrl())
				.path("/api/v1/participants/{id}/personal-data/{service}")
				.buildAndExpand(participantId, service)
				.encode()
				.toUri();
			HttpRequest request = HttpRequest.newBuilder(uri)
				.timeout(settings.timeout())
				.header("Accept", "application/json")
				.header("Authorization", "Bearer " + bearerToken)
				.GET()
				.build();
			return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private ServiceExport outcome(String service, String participantId,
			CompletableFuture<HttpResponse<byte[]>> answer, long deadline) {
		try {
			long left = Math.max(0, deadline - System.nanoTime());
			HttpResponse<byte[]> response = answer.get(left, TimeUnit.NANOSECONDS);
			int status = response.statusCode();
			if (status == 404) {
				return new ServiceExport(service, ServiceExport.NOTHING_HELD, null, null);
			}
			if (status != 200) {
				return unavailable(service, "answered " + status);
			}
			if (response.body().length > MAX_BODY) {
				return unavailable(service, "answered more than " + MAX_BODY + " bytes");
			}
			JsonNode export = json.readTree(new String(response.body(), StandardCharsets.UTF_8));
			if (!participantId.equals(export.path("participantId").asString())) {
				return unavailable(service, "answered about someone else");
			}
			return new ServiceExport(service, ServiceExport.INCLUDED, null, export);
		}
		catch (TimeoutException slow) {
			answer.cancel(true);
			return unavailable(service, "no answer within " + pretty(settings.timeout()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return unavailable(service, "interrupted");
		}
		catch (ExecutionException | RuntimeException ex) {
			Throwable cause = ex instanceof ExecutionException && ex.getCause() != null ? ex.getCause() : ex;
			log.info("The {} part of a data export could not be fetched: {}", service, cause.toString());
			return unavailable(service, "could not be reached");
		}
	}

	private static ServiceExport unavailable(String service, String reason) {
		return new ServiceExport(service, ServiceExport.UNAVAILABLE, reason, null);
	}

	private static String pretty(Duration duration) {
		return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}

}
