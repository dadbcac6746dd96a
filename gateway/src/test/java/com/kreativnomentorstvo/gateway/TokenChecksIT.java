package com.kreativnomentorstvo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.kreativnomentorstvo.testkit.TestTokens;

/**
 * Every kind of bad token is refused at the gateway with a 401 problem and the RFC 6750 challenge,
 * and the service never sees the request: no token, expired, another issuer, another audience,
 * {@code alg: none}, HS256 keyed with the public key, a forged signature. A token that expired
 * within the 30 s clock skew still passes.
 */
class TokenChecksIT extends GatewayTest {

	static Stream<Arguments> refusedTokens() {
		TestTokens tokens = TestTokens.shared();
		return Stream.of(Arguments.of("expired a minute ago", (Function<String, String>) org -> tokens.token()
			.organisation(org)
			.roles("coordinator")
			.expiresAt(Instant.now().minus(Duration.ofMinutes(1)))
			.sign()),
				Arguments.of("from another issuer",
						(Function<String, String>) org -> tokens.token()
							.organisation(org)
							.roles("coordinator")
							.issuer("https://issuer.elsewhere.example")
							.sign()),
				Arguments.of("for another audience",
						(Function<String, String>) org -> tokens.token()
							.organisation(org)
							.roles("coordinator")
							.audience("another-api")
							.sign()),
				Arguments.of("unsigned (alg: none)",
						(Function<String, String>) org -> tokens.token().organisation(org).roles("admin").unsigned()),
				Arguments.of("HS256 keyed with the public key",
						(Function<String, String>) org -> tokens.token()
							.organisation(org)
							.roles("admin")
							.hmacWithPublicKey()),
				Arguments.of("signed with a key the issuer never published",
						(Function<String, String>) org -> tokens.token().organisation(org).roles("admin").forge()),
				Arguments.of("not a token at all", (Function<String, String>) org -> "not.a.jwt"));
	}

	@ParameterizedTest(name = "a token {0} is refused")
	@MethodSource("refusedTokens")
	void aBadTokenIsRefusedBeforeTheServiceSeesIt(String kind, Function<String, String> token) {
		String requestId = aRequestId();

		HttpResponse<String> response = get("/api/v1/programmes").token(token.apply(anOrganisation()))
			.header("X-Request-Id", requestId)
			.send();

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
		assertUnauthenticatedProblem(response);
		assertThat(participants.receivedWithRequestId(requestId)).isEmpty();
	}

	@Test
	void aTokenThatExpiredWithinTheClockSkewIsAcceptedAndOneBeyondItIsRefused() {
		String organisation = anOrganisation();
		String withinSkew = TestTokens.shared().token().organisation(organisation).roles("coordinator")
			.expiresAt(Instant.now().minusSeconds(5))
			.sign();
		String beyondSkew = TestTokens.shared().token().organisation(organisation).roles("coordinator")
			.expiresAt(Instant.now().minusSeconds(45))
			.sign();
		String accepted = aRequestId();
		String refused = aRequestId();

		HttpResponse<String> late = get("/api/v1/programmes").token(withinSkew).header("X-Request-Id", accepted).send();
		HttpResponse<String> tooLate = get("/api/v1/programmes").token(beyondSkew).header("X-Request-Id", refused).send();

		assertThat(late.statusCode()).as(late.body()).isEqualTo(200);
		assertThat(participants.receivedWithRequestId(accepted)).singleElement()
			.satisfies(request -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + withinSkew));
		assertThat(tooLate.statusCode()).isEqualTo(401);
		assertThat(tooLate.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\"").contains("expired"));
		assertUnauthenticatedProblem(tooLate);
		assertThat(participants.receivedWithRequestId(refused)).isEmpty();
	}

	@Test
	void aRequestWithoutATokenIsChallenged() {
		HttpResponse<String> response = get("/api/v1/participants").send();

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertUnauthenticatedProblem(response);
	}

	@Test
	void aGoodTokenIsPassedOnToTheServiceThatChecksItAgain() {
		String token = TestTokens.shared().coordinator(anOrganisation());
		String requestId = aRequestId();

		get("/api/v1/programmes").token(token).header("X-Request-Id", requestId).send();

		assertThat(participants.receivedWithRequestId(requestId)).singleElement()
			.satisfies(request -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + token));
	}

	@Test
	void theLinksThatCarryTheirOwnCredentialNeedNoBearerToken() {
		HttpResponse<String> unsubscribe = get("/api/v1/notifications/unsubscribe?token=abc").send();
		HttpResponse<String> confirm = call("POST", "/api/v1/notifications/unsubscribe?token=abc").send();

		assertThat(unsubscribe.statusCode()).isEqualTo(200);
		assertThat(unsubscribe.body()).contains("\"service\":\"notification-service\"");
		assertThat(confirm.statusCode()).isEqualTo(200);
		// the calendar feed belongs to the session service, which is down in these tests: reached, not refused
		assertThat(get("/api/v1/participants/p-1/calendar.ics?token=abc").send().statusCode()).isEqualTo(503);
		assertThat(call("DELETE", "/api/v1/notifications/unsubscribe").send().statusCode()).isEqualTo(401);
	}

	@Test
	void peopleWithoutAnAccountReachTheCallsTheApplicationsTheLinksPagesAndCertificateVerification() {
		for (String path : new String[] { "/api/v1/calls", "/api/v1/calls/prog-1", "/applications/confirm?token=a",
				"/account/password?token=a", "/account/reset", "/account/return?token=a", "/api/v1/certificates/K7QM-3XPD-9WAB" }) {
			String requestId = aRequestId();
			HttpResponse<String> response = get(path).header("X-Request-Id", requestId).send();
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(participants.receivedWithRequestId(requestId)).as(path).hasSize(1);
		}
		for (String path : new String[] { "/api/v1/applications", "/api/v1/applications/confirmations",
				"/api/v1/account/password", "/api/v1/account/password-resets", "/applications/confirm",
				"/account/password", "/account/reset", "/account/return" }) {
			assertThat(call("POST", path).send().statusCode()).as("POST " + path).isEqualTo(200);
		}
		// nothing else of theirs: other methods, and the calls' neighbours, still need a token
		assertThat(call("DELETE", "/api/v1/calls/prog-1").send().statusCode()).isEqualTo(401);
		assertThat(call("PUT", "/api/v1/account/password").send().statusCode()).isEqualTo(401);
		assertThat(get("/api/v1/applications").send().statusCode()).isEqualTo(401);
		assertThat(get("/api/v1/programmes/prog-1/call").send().statusCode()).isEqualTo(401);
		assertThat(call("DELETE", "/api/v1/certificates/K7QM-3XPD-9WAB").send().statusCode()).isEqualTo(401);
		assertThat(get("/api/v1/participants/p-1/certificates").send().statusCode())
			.as("her list and PDFs need her token").isEqualTo(401);
	}

	@Test
	void aBadTokenIsRefusedEvenOnAPublicPath() {
		HttpResponse<String> response = get("/asyncapi.yaml").token(TestTokens.shared().token().forge()).send();

		assertThat(response.statusCode()).isEqualTo(401);
	}

	private static void assertUnauthenticatedProblem(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"type\":\"urn:mentoring:problem:unauthenticated\"")
			.contains("\"status\":401");
	}

}
