package com.kreativnomentorstvo.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenValidationTests {

	private static final String ISSUER = "https://auth.mentoring.example";

	private final OAuth2TokenValidator<Jwt> validator = TokenValidation.validator(ISSUER, List.of("mentoring-api"),
			new SecurityProperties(Duration.ofSeconds(30), List.of(), Duration.ofHours(1),
				new SecurityProperties.VerifiedTokens(10000, Duration.ofMinutes(5))));

	@Test
	void aTokenExpiredWithinTheClockSkewIsAccepted() {
		assertThat(validator.validate(token().expiresAt(Instant.now().minusSeconds(5)).build()).hasErrors()).isFalse();
	}

	@Test
	void aTokenExpiredBeyondTheClockSkewIsRefused() {
		// Spring Security's default skew of 60 s would still accept this one
		OAuth2TokenValidatorResult result = validator.validate(token().expiresAt(Instant.now().minusSeconds(45)).build());

		assertThat(result.hasErrors()).isTrue();
		assertThat(result.getErrors()).anySatisfy(error -> assertThat(error.getDescription()).contains("expired"));
	}

	@Test
	void aTokenNotYetValidBeyondTheClockSkewIsRefused() {
		assertThat(validator.validate(token().notBefore(Instant.now().plusSeconds(45)).build()).hasErrors()).isTrue();
		assertThat(validator.validate(token().notBefore(Instant.now().plusSeconds(5)).build()).hasErrors()).isFalse();
	}

	@Test
	void aTokenWithoutExpiryIsRefused() {
		Jwt withoutExpiry = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.issuer(ISSUER)
			.audience(List.of("mentoring-api"))
			.issuedAt(Instant.now().minusSeconds(60))
			.build();

		assertThat(validator.validate(withoutExpiry).hasErrors()).isTrue();
	}

	@Test
	void aTokenForAnotherAudienceIsRefused() {
		assertThat(validator.validate(token().audience(List.of("another-api")).build()).hasErrors()).isTrue();
		assertThat(validator.validate(token().audience(List.of("another-api", "mentoring-api")).build()).hasErrors())
			.isFalse();
	}

	@Test
	void aTokenFromAnotherIssuerIsRefused() {
		assertThat(validator.validate(token().issuer("https://elsewhere.example").build()).hasErrors()).isTrue();
	}

	@Test
	void onlyAsymmetricSignatureAlgorithmsCanBeAllowed() {
		assertThat(TokenValidation.algorithms(List.of("RS256"))).containsExactly(SignatureAlgorithm.RS256);
		assertThat(TokenValidation.algorithms(List.of())).containsExactly(SignatureAlgorithm.RS256);
		assertThatIllegalStateException().isThrownBy(() -> TokenValidation.algorithms(List.of("HS256")));
		assertThatIllegalStateException().isThrownBy(() -> TokenValidation.algorithms(List.of("none")));
	}

	@Test
	void rolesBecomeAuthorities() {
		Jwt jwt = token().claim("roles", List.of("admin", "coordinator")).build();

		assertThat(TokenValidation.authentication().convert(jwt).block().getAuthorities())
			.extracting(Object::toString)
			.containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_COORDINATOR");
	}

	private static Jwt.Builder token() {
		Instant issued = Instant.now().minus(Duration.ofMinutes(10));
		return Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.subject("coordinator.rs")
			.issuer(ISSUER)
			.audience(List.of("mentoring-api"))
			.issuedAt(issued)
			.expiresAt(Instant.now().plus(Duration.ofMinutes(5)));
	}

}
