package com.kreativnomentorstvo.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A token issuer for tests: an HTTP server on loopback that publishes an OpenID discovery
 * document and a JWKS, and real RS256-signed JWTs with the platform's claims. Services under
 * test validate these tokens exactly as they validate the authorization server's. One per JVM.
 */
public final class TestTokens {

	/** The audience every platform token carries. */
	public static final String AUDIENCE = "mentoring-api";

	/** How long a token is valid unless told otherwise. */
	private static final Duration LIFETIME = Duration.ofHours(1);

	private static volatile TestTokens shared;

	private final HttpServer server;

	private final String issuer;

	private final RSAKey key;

	private final RSAKey strangerKey;

	private TestTokens() {
		try {
			this.key = rsaKey("test-key");
			this.strangerKey = rsaKey("test-key"); // same kid, different key: a forged signature
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
			server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange, """
					{"issuer":"%s","jwks_uri":"%s/jwks","subject_types_supported":["public"],
					 "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer, issuer)));
			server.createContext("/jwks", exchange -> respond(exchange, new JWKSet(key.toPublicJWK()).toString()));
			server.setExecutor(null);
			server.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not start the test token issuer", ex);
		}
	}

	/** The shared issuer, started on first use. */
	public static TestTokens shared() {
		if (shared == null) {
			synchronized (TestTokens.class) {
				if (shared == null) {
					TestTokens started = new TestTokens();
					Runtime.getRuntime().addShutdownHook(new Thread(() -> started.server.stop(0), "token-issuer-stop"));
					shared = started;
				}
			}
		}
		return shared;
	}

	/** The issuer URL (set as {@code ISSUER_URI} of services under test). */
	public String issuer() {
		return issuer;
	}

	/** A token for an administrator of the organisation. */
	public String admin(String organisationId) {
		return token().subject("admin@" + organisationId).organisation(organisationId).roles("admin").sign();
	}

	/** A token for a coordinator of the organisation. */
	public String coordinator(String organisationId) {
		return token().subject("coordinator@" + organisationId).organisation(organisationId).roles("coordinator").sign();
	}

	/**
	 * A token for the account of a mentor or mentee ({@code role}). Tests give their participants
	 * the account id {@link #accountOf(String) accountOf(participantId)}, so the services find the
	 * enrolment from the token's subject as they do for real accounts.
	 */
	public String participant(String participantId, String organisationId, String role) {
		return token().subject(accountOf(participantId)).organisation(organisationId).roles(role).sign();
	}

	/** The account id tests give the participant: the same string, so a test reads easily. */
	public static String accountOf(String participantId) {
		return participantId;
	}

	/** A token to shape: wrong audience, expired, foreign issuer, forged signature, no signature. */
	public Builder token() {
		return new Builder();
	}

	/** Builds one token; every attribute defaults to a valid value. */
	public final class Builder {

		private String subject = "user-" + UUID.randomUUID();

		private String organisation;

		private final List<String> roles = new ArrayList<>();

		private String tokenIssuer = issuer;

		private String audience = AUDIENCE;

		private Instant expiresAt = Instant.now().plus(LIFETIME);

		private Instant issuedAt;

		private Builder() {
		}

		public Builder subject(String subject) {
			this.subject = subject;
			return this;
		}

		public Builder organisation(String organisation) {
			this.organisation = organisation;
			return this;
		}

		public Builder roles(String... roles) {
			this.roles.addAll(List.of(roles));
			return this;
		}

		public Builder issuer(String issuer) {
			this.tokenIssuer = issuer;
			return this;
		}

		public Builder audience(String audience) {
			this.audience = audience;
			return this;
		}

		public Builder expiresAt(Instant expiresAt) {
			this.expiresAt = expiresAt;
			return this;
		}

		/**
		 * When the token was issued ({@code iat}). By default now, or, for a token that has
		 * already expired, one lifetime (an hour) before it expired, so {@code iat} is never
		 * later than {@code exp}.
		 */
		public Builder issuedAt(Instant issuedAt) {
			this.issuedAt = issuedAt;
			return this;
		}

		/** Signed with the issuer's published key. */
		public String sign() {
			return sign(key);
		}

		/** Signed with a key the issuer never published, under the same key id. */
		public String forge() {
			return sign(strangerKey);
		}

		/** {@code alg: none}: no signature at all. */
		public String unsigned() {
			return new PlainJWT(claims()).serialize();
		}

		/** HS256 keyed with the issuer's public key: the algorithm-confusion attack. */
		public String hmacWithPublicKey() {
			try {
				byte[] secret = key.toPublicJWK().toRSAPublicKey().getEncoded();
				SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
						claims());
				jwt.sign(new MACSigner(secret));
				return jwt.serialize();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private String sign(RSAKey signingKey) {
			try {
				SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
					.type(JOSEObjectType.JWT)
					.build(), claims());
				jwt.sign(new RSASSASigner(signingKey));
				return jwt.serialize();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private Instant defaultIssuedAt() {
			Instant now = Instant.now();
			return now.isBefore(expiresAt) ? now : expiresAt.minus(LIFETIME);
		}

		private JWTClaimsSet claims() {
			JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(tokenIssuer)
				.subject(subject)
				.audience(audience)
				.issueTime(Date.from(issuedAt != null ? issuedAt : defaultIssuedAt()))
				.expirationTime(Date.from(expiresAt))
				.jwtID(UUID.randomUUID().toString())
				.claim("roles", List.copyOf(roles));
			if (organisation != null) {
				claims.claim("org", organisation);
			}
			return claims.build();
		}

	}

	private static RSAKey rsaKey(String keyId) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(keyId)
				.build();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void respond(HttpExchange exchange, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
