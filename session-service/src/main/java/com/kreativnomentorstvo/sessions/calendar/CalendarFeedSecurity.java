package com.kreativnomentorstvo.sessions.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Calendar apps subscribe to a feed URL and cannot send a bearer token, so the participant feed
 * is the one path open without one: its secret {@code token} parameter is checked by the
 * controller. A bearer token, when sent, is still validated as everywhere else. Every other path
 * keeps the platform's rules.
 */
@Configuration(proxyBeanMethods = false)
class CalendarFeedSecurity {

	static final String FEED_PATH = "/api/v1/participants/*/calendar.ics";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain calendarFeedFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher(FEED_PATH)
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
			.headers(Customizer.withDefaults());
		return http.build();
	}

}
