package com.kreativnomentorstvo.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The gateway validates every API token (issuer, audience, expiry, RS256 signature) before a
 * request reaches a service; the services check it again and decide what the caller may see.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

	@Bean
	SecurityWebFilterChain tokenChecks(ServerHttpSecurity http) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.authorizeExchange(exchanges -> exchanges
				.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/unavailable/**")
				.permitAll()
				.pathMatchers("/api/**")
				.authenticated()
				.anyExchange()
				.denyAll())
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> {
			}))
			.build();
	}

}
