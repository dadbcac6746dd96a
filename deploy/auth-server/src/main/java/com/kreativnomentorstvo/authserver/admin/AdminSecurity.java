package com.kreativnomentorstvo.authserver.admin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import com.kreativnomentorstvo.authserver.client.RegisteredClients;

/**
 * The admin API is a resource server of this authorization server: it takes only bearer tokens that this server
 * signed, for its issuer, with the {@value RegisteredClients#ACCOUNTS_SCOPE} scope, which only the platform's
 * accounts client may ask for. People's and integrations' tokens carry no scope and are refused (403).
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurity {

	@Bean
	@Order(2)
	SecurityFilterChain adminApi(HttpSecurity http) throws Exception {
		http.securityMatcher("/admin/**")
			.authorizeHttpRequests(
					requests -> requests.anyRequest().hasAuthority("SCOPE_" + RegisteredClients.ACCOUNTS_SCOPE))
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// bearer tokens only, no cookies: nothing for a cross-site request to ride on
			.csrf(AbstractHttpConfigurer::disable);
		return http.build();
	}

}
