package com.kreativnomentorstvo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

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
