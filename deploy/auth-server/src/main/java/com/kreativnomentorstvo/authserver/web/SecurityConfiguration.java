package com.kreativnomentorstvo.authserver.web;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The OAuth2/OIDC endpoints first, then (order 2, {@code AdminSecurity}) the admin API, then the login form, the
 * landing page and health.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
		http.oauth2AuthorizationServer(server -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.oidc(Customizer.withDefaults());
		})
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			// the OIDC userinfo endpoint accepts the server's own access tokens
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
			// a browser that is not signed in yet is sent to the login form; other callers get 401
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint(LoginPage.PATH), browserRequests()));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain loginAndPages(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/", "/error", "/favicon.ico", "/actuator/health", "/actuator/health/**")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage(LoginPage.PATH).permitAll());
		return http.build();
	}

	/** The server's own tokens, as its userinfo endpoint and admin API take them: signed by its key, for its issuer. */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, AuthorizationServerSettings settings) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(settings.getIssuer()));
		return decoder;
	}

	/**
	 * The Swagger UI (served by the gateway, at the platform's address) reads the discovery document
	 * and exchanges its code for tokens from the browser: cross-origin calls from the platform's own
	 * address only, without cookies. A filter before security, so that it answers the preflight
	 * requests the endpoints' own matchers do not take.
	 */
	@Bean
	FilterRegistrationBean<CorsFilter> platformOriginCors(PageProperties pages) {
		FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(
				new CorsFilter(platformOrigin(pages)));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	static UrlBasedCorsConfigurationSource platformOrigin(PageProperties pages) {
		CorsConfiguration configuration = new CorsConfiguration();
		URI address = URI.create(pages.publicUrl());
		configuration.setAllowedOrigins(List.of(address.getScheme() + "://" + address.getHost()
				+ (address.getPort() < 0 ? "" : ":" + address.getPort())));
		configuration.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
		configuration.setAllowedHeaders(List.of("Content-Type", "Authorization", "Accept"));
		configuration.setAllowCredentials(false);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		for (String path : List.of("/.well-known/**", "/oauth2/token", "/oauth2/jwks", "/userinfo")) {
			source.registerCorsConfiguration(path, configuration);
		}
		return source;
	}

	private static MediaTypeRequestMatcher browserRequests() {
		MediaTypeRequestMatcher matcher = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		matcher.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		return matcher;
	}

}
