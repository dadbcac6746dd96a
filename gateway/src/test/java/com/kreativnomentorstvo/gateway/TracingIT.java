package com.kreativnomentorstvo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.kreativnomentorstvo.testkit.ObservedRequests;
import com.kreativnomentorstvo.testkit.TestTokens;

/**
 * W3C trace context: the gateway starts a trace for a request (or continues the caller's), passes
 * it to the service in {@code traceparent}, and logs the request with its request id and trace id.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingIT extends GatewayTest {

	private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

	@Test
	void aRequestWithoutTraceContextStartsATraceThatReachesTheService(CapturedOutput output) {
		String requestId = aRequestId();

		HttpResponse<String> response = get("/api/v1/programmes").token(TestTokens.shared().coordinator(anOrganisation()))
			.header("X-Request-Id", requestId)
			.send();

		assertThat(response.statusCode()).isEqualTo(200);
		String traceparent = participants.receivedWithRequestId(requestId).get(0).header("traceparent");
		Matcher parsed = TRACEPARENT.matcher(String.valueOf(traceparent));
		assertThat(parsed.matches()).as("traceparent %s", traceparent).isTrue();
		String traceId = parsed.group(1);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(output.getOut()).containsPattern(
					"GET /api/v1/programmes 200 \\d+ ms request=" + requestId + " trace=" + traceId));
	}

	@Test
	void aCallersTraceIsContinued() {
		String requestId = aRequestId();
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		String callersSpan = "00f067aa0ba902b7";

		get("/api/v1/organisations").token(TestTokens.shared().coordinator(anOrganisation()))
			.header("X-Request-Id", requestId)
			.header("traceparent", "00-" + traceId + "-" + callersSpan + "-01")
			.send();

		String traceparent = participants.receivedWithRequestId(requestId).get(0).header("traceparent");
		Matcher parsed = TRACEPARENT.matcher(String.valueOf(traceparent));
		assertThat(parsed.matches()).as("traceparent %s", traceparent).isTrue();
		assertThat(parsed.group(1)).isEqualTo(traceId);
		assertThat(parsed.group(2)).isNotEqualTo(callersSpan);
	}

	@Test
	void refusedRequestsAreLoggedWithTheirIdsToo(CapturedOutput output) {
		String requestId = aRequestId();

		get("/api/v1/programmes").header("X-Request-Id", requestId).send();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(output.getOut()).containsPattern(
					"GET /api/v1/programmes 401 \\d+ ms request=" + requestId + " trace=[0-9a-f]{32}"));
	}

	@Autowired
	ObservationRegistry observations;

	@Test
	void theSecurityFiltersAreNotTimedOneByOneButTheRequestIs() {
		ObservedRequests.assertRequestsAreObservedButNotTheirSecurityFilters(observations);
	}

}
