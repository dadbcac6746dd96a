package com.kreativnomentorstvo.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access tokens as the authorization server issues them (its own key, issuer, audience and claims),
 * signed here, so that the load needs no password and no round trip per person; each is reused
 * until it is half-way to its expiry.
 */
final class Tokens {

	private static final Duration LIFETIME = Duration.ofHours(1);

	private final RSAKey key;

	private final String issuer;

	private final Map<String, Token> issued = new ConcurrentHashMap<>();

	Tokens(Path jwkFile, String issuer) throws Exception {
		this.key = (RSAKey) JWKSet.load(jwkFile.toFile()).getKeys().get(0);
		this.issuer = issuer;
	}

	String admin() {
		return token("faults-admin", Ids.ORGANISER, "admin");
	}

	String coordinator(String organisationId) {
		return token("faults-coordinator-" + organisationId, organisationId, "coordinator");
	}

	/** The person behind an account, in the role she holds. */
	String person(String accountId, String organisationId, String role) {
		return token(accountId, organisationId, role.toLowerCase());
	}

	private String token(String subject, String organisation, String role) {
		String key = subject + "|" + organisation + "|" + role;
		Token token = issued.get(key);
		if (token == null || token.renewAfter().isBefore(Instant.now())) {
			token = sign(subject, organisation, role);
			issued.put(key, token);
		}
		return token.value();
	}

	private Token sign(String subject, String organisation, String role) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject(subject)
			.audience("mentoring-api")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(LIFETIME)))
			.claim("org", organisation)
			.claim("roles", List.of(role))
			.build();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return new Token(jwt.serialize(), now.plus(LIFETIME.dividedBy(2)));
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not sign a token", ex);
		}
	}

	private record Token(String value, Instant renewAfter) {
	}

}
