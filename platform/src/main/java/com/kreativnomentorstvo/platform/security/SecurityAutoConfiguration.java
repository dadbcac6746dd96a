package com.kreativnomentorstvo.platform.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.kreativnomentorstvo.platform.PlatformProperties;
import com.kreativnomentorstvo.platform.web.ProblemTexts;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every service is an OAuth2 resource server: each request carries a JWT whose issuer, audience,
 * expiry and signature (RS256 only) are checked again here, behind the gateway. Health probes and
 * the API document are open; operational endpoints are for admins; everything else needs a token,
 * and the controllers decide what the {@link Caller} may see.
 */
@AutoConfiguration(before = ServletWebSecurityAutoConfiguration.class)
@EnableMethodSecurity
public class SecurityAutoConfiguration {

	static {
		// the caller comes from the bearer token: the API document must not ask for it as a parameter
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	@Bean
	SecurityFilterChain platformSecurity(HttpSecurity http, JsonMapper json, ObjectProvider<PublicPaths> publicPaths,
			ProblemTexts texts, LocaleResolver localeResolver) throws Exception {
		ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json, texts, localeResolver);
		String[] open = publicPaths.orderedStream().flatMap(paths -> paths.patterns().stream()).toArray(String[]::new);
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
						"/v3/api-docs", "/v3/api-docs/**", "/error")
				.permitAll()
				.requestMatchers(open.length == 0 ? new String[] { "/error" } : open)
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole(Caller.Role.ADMIN.name())
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityAutoConfiguration::authentication))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.headers(Customizer.withDefaults());
		return http.build();
	}

	/**
	 * Wraps the service's token decoder so that verified tokens are remembered. On a remembered
	 * token the time claims are checked again with the decoder's own default (60 s of clock skew);
	 * issuer, audience and signature cannot have changed for the same token.
	 */
	@Bean
	static BeanPostProcessor rememberVerifiedTokens(ObjectProvider<PlatformProperties> properties) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof JwtDecoder decoder && !(bean instanceof RememberingJwtDecoder)) {
					PlatformProperties.VerifiedTokens settings = properties.stream()
						.map(PlatformProperties::verifiedTokens)
						.findFirst()
						.orElse(new PlatformProperties.VerifiedTokens(10_000, Duration.ofMinutes(5)));
					return new RememberingJwtDecoder(decoder, new JwtTimestampValidator(), settings);
				}
				return bean;
			}

		};
	}

	@Bean
	WebMvcConfigurer callerArguments(ObjectProvider<AccountEnrolments> enrolments) {
		AccountEnrolments none = accountId -> Set.of();
		return new WebMvcConfigurer() {

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerArgumentResolver(accountId -> enrolments.getIfAvailable(() -> none).of(accountId)));
			}

		};
	}

	private static AbstractAuthenticationToken authentication(Jwt jwt) {
		return new JwtAuthenticationToken(jwt,
				Caller.rolesOf(jwt).stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList(),
				jwt.getSubject());
	}

}
