package com.kreativnomentorstvo.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.StringUtils;

import reactor.core.publisher.Mono;

/**
 * How a bearer token is checked: signed with an asymmetric algorithm from
 * {@code jws-algorithms} (RS256) by a key the issuer publishes, from the configured issuer, for the
 * audience {@code mentoring-api}, with an {@code exp} that has not passed, allowing a small clock
 * skew ({@code mentoring.gateway.security.clock-skew}). Unsigned tokens ({@code alg: none}) and
 * HMAC tokens (the RS/HS confusion) never match an allowed algorithm. A token whose signature was
 * verified once is remembered for a while ({@link RememberingJwtDecoder}).
 */
@Configuration(proxyBeanMethods = false)
class TokenValidation {

	static final String ROLES_CLAIM = "roles";

	@Bean
	ReactiveJwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, SecurityProperties security) {
		OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
		String issuer = jwt.getIssuerUri();
		if (!StringUtils.hasText(issuer)) {
			throw new IllegalStateException("spring.security.oauth2.resourceserver.jwt.issuer-uri (ISSUER_URI) is required");
		}
		// keys are discovered on first use, so the gateway may start before the issuer
		NimbusReactiveJwtDecoder.JwkSetUriReactiveJwtDecoderBuilder builder = StringUtils.hasText(jwt.getJwkSetUri())
				? NimbusReactiveJwtDecoder.withJwkSetUri(jwt.getJwkSetUri())
				: NimbusReactiveJwtDecoder.withIssuerLocation(issuer);
		List<SignatureAlgorithm> algorithms = algorithms(jwt.getJwsAlgorithms());
		builder.jwsAlgorithms(allowed -> {
			allowed.clear();
			allowed.addAll(algorithms);
		});
		NimbusReactiveJwtDecoder decoder = builder.build();
		OAuth2TokenValidator<Jwt> validator = validator(issuer, jwt.getAudiences(), security);
		decoder.setJwtValidator(validator);
		return new RememberingJwtDecoder(decoder, validator, security.verifiedTokens());
	}

	static OAuth2TokenValidator<Jwt> validator(String issuer, List<String> audiences, SecurityProperties security) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(security.clockSkew());
		timestamps.setAllowEmptyExpiryClaim(false);
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(timestamps);
		validators.add(new JwtIssuerValidator(issuer));
		if (audiences == null || audiences.isEmpty()) {
			throw new IllegalStateException(
					"spring.security.oauth2.resourceserver.jwt.audiences (TOKEN_AUDIENCE) is required");
		}
		Set<String> accepted = Set.copyOf(audiences);
		validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
				audience -> audience != null && audience.stream().anyMatch(accepted::contains)));
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

	static List<SignatureAlgorithm> algorithms(Collection<String> names) {
		List<SignatureAlgorithm> algorithms = new ArrayList<>();
		for (String name : names == null || names.isEmpty() ? List.of("RS256") : names) {
			SignatureAlgorithm algorithm = SignatureAlgorithm.from(name.trim());
			if (algorithm == null) {
				// SignatureAlgorithm holds the asymmetric ones only: HS256 and "none" end here
				throw new IllegalStateException("jws-algorithms: " + name + " is not an asymmetric signature algorithm");
			}
			algorithms.add(algorithm);
		}
		return algorithms;
	}

	/** The token's {@code roles} claim as {@code ROLE_ADMIN}, {@code ROLE_COORDINATOR}, ... */
	static Converter<Jwt, Mono<AbstractAuthenticationToken>> authentication() {
		return jwt -> {
			List<GrantedAuthority> authorities = new ArrayList<>();
			List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
			if (roles != null) {
				roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT))));
			}
			return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
		};
	}

}
