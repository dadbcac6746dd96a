package com.kreativnomentorstvo.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import com.kreativnomentorstvo.gateway.ratelimit.RateLimiting;
import com.kreativnomentorstvo.gateway.routing.Fallbacks;

/**
 * The gateway checks every API token (see {@link TokenValidation}) before a request reaches a
 * service; the services check it again and decide what the caller may see. Health, metrics (as on
 * every service: scraped on the internal network, never routed by the ingress), the API documents
 * and the Swagger UI are public; the other actuator endpoints (routes, circuit breakers) are for
 * admins; every other path belongs to the web application, which signs people in and checks its
 * pages itself. Every response carries the security headers,
 * and requests are counted against the rate limits right after the token check.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

	/** Paths anyone may read: health probes, the API documents and the Swagger UI. */
	static final String[] PUBLIC_PATHS = { "/actuator/health", "/actuator/health/**", "/actuator/info",
			"/actuator/prometheus",
			"/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**", "/asyncapi.yaml",
			"/schemas/**" };

	/** The unsubscribe link of every e-mail; the notification service checks its signed token. */
	static final String UNSUBSCRIBE_LINK = "/api/v1/notifications/unsubscribe";

	/**
	 * Paths a mail program or calendar app opens without a bearer token, relying on a credential in
	 * the link that the owning service checks: the unsubscribe link and a participant's calendar feed.
	 */
	static final String[] CAPABILITY_LINKS = { UNSUBSCRIBE_LINK, "/api/v1/participants/*/calendar.ics" };

	/**
	 * What people without an account use, each checked by participant-service (signed link tokens,
	 * rate limits per address and client): the open calls, applying, confirming an application's
	 * address, setting a password through a link, asking for a password reset, the pages the links
	 * of those e-mails open, and checking a participation certificate by the code printed on it.
	 */
	static final String[] WITHOUT_ACCOUNT_GET = { "/api/v1/calls", "/api/v1/calls/*", "/applications/confirm",
			"/account/password", "/account/reset", "/account/return", "/api/v1/certificates/*" };

	static final String[] WITHOUT_ACCOUNT_POST = { "/api/v1/applications", "/api/v1/applications/confirmations",
			"/api/v1/account/password", "/api/v1/account/password-resets", "/applications/confirm",
			"/account/password", "/account/reset", "/account/return" };

	@Bean
	SecurityWebFilterChain securityChain(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
			RateLimiting rateLimits, SecurityProperties security,
			@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
		SecurityProblems problems = new SecurityProblems();
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.cors(cors -> cors.configurationSource(cors(security)))
			.headers(headers -> headers.frameOptions(frame -> frame.mode(Mode.DENY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				// sent only on requests that arrived over HTTPS (directly, or as the forwarded headers say)
				.hsts(hsts -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true)))
			.authorizeExchange(exchanges -> exchanges.pathMatchers(PUBLIC_PATHS)
				.permitAll()
				// links that carry their own credential (a signed or secret token) for mail and calendar apps
				.pathMatchers(HttpMethod.GET, CAPABILITY_LINKS)
				.permitAll()
				.pathMatchers(HttpMethod.HEAD, CAPABILITY_LINKS)
				.permitAll()
				.pathMatchers(HttpMethod.POST, UNSUBSCRIBE_LINK)
				.permitAll()
				.pathMatchers(HttpMethod.GET, WITHOUT_ACCOUNT_GET)
				.permitAll()
				.pathMatchers(HttpMethod.HEAD, WITHOUT_ACCOUNT_GET)
				.permitAll()
				.pathMatchers(HttpMethod.POST, WITHOUT_ACCOUNT_POST)
				.permitAll()
				.pathMatchers("/actuator/**")
				.hasRole("ADMIN")
				.pathMatchers("/api/**")
				.authenticated()
				// the answer of an unavailable service is reached by the gateway's own forward only
				.pathMatchers(Fallbacks.PATH + "**")
				.denyAll()
				// the web application's pages: it signs people in and checks every page itself (its own
				// session, not a bearer token); without a web application these paths have no route (404)
				.anyExchange()
				.permitAll())
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(TokenValidation.authentication()))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.addFilterAfter(new ContentSecurityPolicy(issuer), SecurityWebFiltersOrder.HTTP_HEADERS_WRITER)
			.addFilterAfter(rateLimits.filter(), SecurityWebFiltersOrder.AUTHENTICATION)
			.build();
	}

	/** Cross-origin calls from the configured origins only; none by default. */
	static CorsConfigurationSource cors(SecurityProperties security) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		List<String> origins = security.origins();
		if (origins.isEmpty()) {
			return source;
		}
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(origins);
		configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
				HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH, "X-Request-Id", "traceparent",
				"tracestate", "Last-Event-ID"));
		configuration.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER,
				HttpHeaders.WWW_AUTHENTICATE, "X-Request-Id", "X-RateLimit-Remaining"));
		// bearer tokens, not cookies: no credentials mode
		configuration.setAllowCredentials(false);
		configuration.setMaxAge(security.corsMaxAge());
		source.registerCorsConfiguration("/api/**", configuration);
		source.registerCorsConfiguration("/v3/api-docs/**", configuration);
		source.registerCorsConfiguration("/asyncapi.yaml", configuration);
		source.registerCorsConfiguration("/schemas/**", configuration);
		return source;
	}

}
