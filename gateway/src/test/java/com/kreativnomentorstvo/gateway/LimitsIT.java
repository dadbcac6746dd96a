package com.kreativnomentorstvo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.kreativnomentorstvo.testkit.TestTokens;

/**
 * Resource limits that no service has to enforce itself: request bodies up to 256 KiB (uploads to
 * the resource library up to 11 MiB) and pages of at most 100 items. Anything beyond is refused with
 * a problem before it reaches a service.
 */
class LimitsIT extends GatewayTest {

	private static final int LIMIT = 256 * 1024;

	private static final int UPLOAD_LIMIT = 11 * 1024 * 1024;

	@Test
	void anUploadToTheResourceLibraryMayBeLargerThanOtherBodies() {
		for (String path : List.of("/api/v1/programmes/p-1/resources", "/api/v1/resources")) {
			HttpResponse<String> response = call("POST", path).token(TestTokens.shared().admin(anOrganisation()))
				.header("Content-Type", "multipart/form-data; boundary=b")
				.body(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT + 1]))
				.send();

			// passed on to session-service, which is down here
			assertThat(response.statusCode()).as(path).isEqualTo(503);
			assertThat(response.body()).contains("\"service\":\"session-service\"");
		}
	}

	@Test
	void anUploadOverItsLimitAndALargeBodyToAResourceAreRefused() {
		HttpResponse<String> upload = call("POST", "/api/v1/programmes/p-1/resources")
			.token(TestTokens.shared().admin(anOrganisation()))
			.header("Content-Type", "multipart/form-data; boundary=b")
			.body(HttpRequest.BodyPublishers.ofByteArray(new byte[UPLOAD_LIMIT + 1]))
			.send();
		assertThat(upload.statusCode()).isEqualTo(413);
		assertThat(upload.body()).contains("\"maximumBytes\":" + UPLOAD_LIMIT);

		// a JSON body to an upload path is no file: the general limit
		HttpResponse<String> link = call("POST", "/api/v1/resources")
			.token(TestTokens.shared().admin(anOrganisation()))
			.header("Content-Type", "application/json")
			.body(HttpRequest.BodyPublishers.ofByteArray(json(LIMIT + 1)))
			.send();
		assertThat(link.statusCode()).isEqualTo(413);
		assertThat(link.body()).contains("\"maximumBytes\":" + LIMIT);

		HttpResponse<String> change = call("PATCH", "/api/v1/resources/r-1")
			.token(TestTokens.shared().admin(anOrganisation()))
			.header("Content-Type", "application/json")
			.body(HttpRequest.BodyPublishers.ofByteArray(json(LIMIT + 1)))
			.send();
		assertThat(change.statusCode()).isEqualTo(413);
		assertThat(change.body()).contains("\"maximumBytes\":" + LIMIT);
	}

	@Test
	void aBodyOverTheLimitIsRefusedWithoutReachingTheService() {
		String requestId = aRequestId();

		HttpResponse<String> response = call("POST", "/api/v1/programmes")
			.token(TestTokens.shared().coordinator(anOrganisation()))
			.header("X-Request-Id", requestId)
			.header("Content-Type", "application/json")
			.body(HttpRequest.BodyPublishers.ofByteArray(json(LIMIT + 1)))
			.send();

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("\"type\":\"urn:mentoring:problem:payload-too-large\"")
			.contains("\"maximumBytes\":" + LIMIT);
		assertThat(participants.receivedWithRequestId(requestId)).isEmpty();
	}

	@Test
	void aChunkedBodyOverTheLimitIsRefusedToo() {
		String requestId = aRequestId();
		byte[] body = json(LIMIT + 4096);

		HttpResponse<String> response = call("POST", "/api/v1/programmes")
			.token(TestTokens.shared().coordinator(anOrganisation()))
			.header("X-Request-Id", requestId)
			.header("Content-Type", "application/json")
			.body(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.send();

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(participants.receivedWithRequestId(requestId)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(booleans = { false, true })
	void aWholeBodyOverTheLimitIsReadToItsEndSoThatItsConnectionCarriesTheNextRequest(boolean chunked) {
		String token = TestTokens.shared().coordinator(anOrganisation());
		byte[] body = json(LIMIT + 4096);

		try (RawConnection connection = new RawConnection(port)) {
			RawConnection.Answer refused = connection.send(post(token, chunked, body.length), framed(body, chunked, true))
				.answer();
			RawConnection.Answer next = connection
				.send("GET /api/v1/participants?programmeId=p-1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
						+ token, new byte[0])
				.answer();

			assertThat(refused.status()).isEqualTo(413);
			assertThat(refused.body()).contains("\"maximumBytes\":" + LIMIT);
			assertThat(refused.closesTheConnection()).isFalse();
			assertThat(next.status()).as(next.body()).isEqualTo(200);
		}
	}

	@ParameterizedTest(name = "chunked: {0}")
	@ValueSource(booleans = { false, true })
	void aBodyThatStopsPartWayIsRefusedAndItsConnectionEnds(boolean chunked) {
		// the caller stops sending (half the declared body, or a chunk past the limit and no last chunk) and
		// waits, as a client does that expects the answer before the rest
		byte[] part = chunked ? json(LIMIT + 4096) : json(LIMIT / 2);

		try (RawConnection connection = new RawConnection(port)) {
			RawConnection.Answer refused = connection
				.send(post(TestTokens.shared().coordinator(anOrganisation()), chunked, LIMIT + 4096),
						framed(part, chunked, false))
				.answer();

			assertThat(refused.status()).isEqualTo(413);
			assertThat(refused.closesTheConnection()).isTrue();
			assertThat(connection.ends()).as("the connection ends after the refusal").isTrue();
		}
	}

	@Test
	void aBodyFarPastTheLimitIsRefusedAtOnceAndItsConnectionEnds() {
		// the default refused-body.read-up-to is 2 MB: a body further past the limit is not read
		int declared = LIMIT + 2 * 1024 * 1024 + 1;

		try (RawConnection connection = new RawConnection(port)) {
			RawConnection.Answer refused = connection
				.send(post(TestTokens.shared().coordinator(anOrganisation()), false, declared), new byte[0])
				.answer();

			assertThat(refused.status()).isEqualTo(413);
			assertThat(refused.closesTheConnection()).isTrue();
			assertThat(connection.ends()).isTrue();
		}
	}

	@Test
	void aCallerWaitingToSendItsBodyIsRefusedAtOnceInsteadOfAskedForIt() {
		try (RawConnection connection = new RawConnection(port)) {
			RawConnection.Answer refused = connection
				.send(post(TestTokens.shared().coordinator(anOrganisation()), false, LIMIT + 1) + "\r\nExpect: 100-continue",
						new byte[0])
				.answer();

			assertThat(refused.status()).as("a final answer, not 100 Continue").isEqualTo(413);
			assertThat(refused.closesTheConnection()).isTrue();
			assertThat(connection.ends()).isTrue();
		}
	}

	private static String post(String token, boolean chunked, int length) {
		return "POST /api/v1/programmes HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
				+ "\r\nX-Forwarded-For: " + anAddress() + "\r\nContent-Type: application/json\r\n"
				+ (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + length);
	}

	/** The bytes as they go on the wire: as they are, or as one chunk and, if the body ends, the last chunk. */
	private static byte[] framed(byte[] bytes, boolean chunked, boolean ends) {
		if (!chunked) {
			return bytes;
		}
		byte[] size = (Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] end = (ends ? "\r\n0\r\n\r\n" : "\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] chunk = Arrays.copyOf(size, size.length + bytes.length + end.length);
		System.arraycopy(bytes, 0, chunk, size.length, bytes.length);
		System.arraycopy(end, 0, chunk, size.length + bytes.length, end.length);
		return chunk;
	}

	@Test
	void aBodyAtTheLimitReachesTheServiceWhole() {
		String requestId = aRequestId();
		byte[] body = json(LIMIT);

		HttpResponse<String> response = call("POST", "/api/v1/programmes")
			.token(TestTokens.shared().coordinator(anOrganisation()))
			.header("X-Request-Id", requestId)
			.header("Content-Type", "application/json")
			.body(HttpRequest.BodyPublishers.ofByteArray(body))
			.send();

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(participants.receivedWithRequestId(requestId)).singleElement()
			.satisfies(request -> assertThat(request.body()).isEqualTo(body));
	}

	@Test
	void aPageLargerThanAHundredIsRefusedNamingSize() {
		String requestId = aRequestId();

		HttpResponse<String> response = get("/api/v1/participants?programmeId=p-1&size=101")
			.token(TestTokens.shared().coordinator(anOrganisation()))
			.header("X-Request-Id", requestId)
			.send();

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"type\":\"urn:mentoring:problem:invalid-input\"")
			.contains("\"field\":\"size\"")
			.contains("must be at most 100");
		assertThat(participants.receivedWithRequestId(requestId)).isEmpty();
	}

	@Test
	void aPageSizeThatIsNoNumberIsRefused() {
		HttpResponse<String> response = get("/api/v1/participants?size=1e9")
			.token(TestTokens.shared().coordinator(anOrganisation()))
			.send();

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"size\"");
	}

	@Test
	void aPageOfAHundredIsPassedOn() {
		String requestId = aRequestId();

		HttpResponse<String> response = get("/api/v1/participants?page=3&size=100")
			.token(TestTokens.shared().coordinator(anOrganisation()))
			.header("X-Request-Id", requestId)
			.send();

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(participants.receivedWithRequestId(requestId)).singleElement()
			.satisfies(request -> {
				assertThat(request.query()).isEqualTo("page=3&size=100");
				// reading bodies for the limit does not give a GET one
				assertThat(request.body()).isEmpty();
				assertThat(request.header("Transfer-Encoding")).isNull();
			});
	}

	/** A JSON document of exactly the given size. */
	private static byte[] json(int size) {
		byte[] body = new byte[size];
		Arrays.fill(body, (byte) 'a');
		byte[] start = "{\"name\":\"".getBytes();
		System.arraycopy(start, 0, body, 0, start.length);
		body[size - 2] = '"';
		body[size - 1] = '}';
		return body;
	}

}
