package com.kreativnomentorstvo.web.signin;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

import com.kreativnomentorstvo.web.config.WebProperties;

/**
 * Who may open which page, and how people sign in and out.
 *
 * <ul>
 * <li>Signing in is the authorization code flow with PKCE at the identity provider; the tokens stay
 * in the server-side session, the browser holds only the session cookie (HttpOnly, Secure,
 * SameSite=Lax: Lax, because the identity provider's redirect back is a cross-site navigation that
 * must carry it).</li>
 * <li>A page opened without a session (a link in an e-mail) sends the person to sign in and brings
 * her back to that page afterwards. An htmx request without a session gets a 401 and
 * {@code HX-Redirect}, so the whole page goes to sign in rather than a fragment.</li>
 * <li>Every form carries the session's CSRF token (Thymeleaf adds it to {@code th:action} forms,
 * htmx sends it as a header from the page's meta tags).</li>
 * <li>Signing out ends the session here and at the identity provider (OpenID Connect RP-initiated
 * logout), so the next person at a shared computer is asked for her password.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SignInSecurity {

	/** What anyone may open: the welcome page, assets, health, and the error pages. */
	private static final String[] PUBLIC = { "/", "/assets/**", "/webjars/**", "/favicon.ico",
			"/error", "/signed-out", "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus" };

	@Bean
	SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations, WebProperties properties)
			throws Exception {
		String signIn = "/oauth2/authorization/" + properties.registrationId();
		AuthenticationEntryPoint entryPoint = DelegatingAuthenticationEntryPoint.builder()
			.addEntryPointFor((request, response, denied) -> {
				response.setHeader("HX-Redirect", signIn);
				new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED).commence(request, response, denied);
			}, new RequestHeaderRequestMatcher("HX-Request", "true"))
			.defaultEntryPoint(new LoginUrlAuthenticationEntryPoint(signIn))
			.build();
		OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		signedOut.setPostLogoutRedirectUri(URI.create(properties.publicUrl() + "/").normalize().toString());
		return http.authorizeHttpRequests(pages -> pages.requestMatchers(PUBLIC).permitAll().anyRequest().authenticated())
			.oauth2Login(login -> login.loginPage(signIn).failureUrl("/?sign-in-failed"))
			.oauth2Client(Customizer.withDefaults())
			.logout(logout -> logout.logoutSuccessHandler(signedOut))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
			.headers(headers -> headers.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.contentSecurityPolicy(csp -> csp.policyDirectives(policy(properties))))
			.build();
	}

	/**
	 * Scripts, styles and images from this origin only (htmx is served here as a WebJar, none is
	 * inline); forms post here, and sign-out continues at the identity provider.
	 */
	static String policy(WebProperties properties) {
		URI issuer = properties.issuerUri();
		String issuerOrigin = issuer.getScheme() + "://" + issuer.getHost() + (issuer.getPort() < 0 ? "" : ":" + issuer.getPort());
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
				+ "form-action 'self' " + issuerOrigin + "; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
	}

	@Bean
	ClientRegistrationRepository registrations(WebProperties properties) {
		return new IssuerRegistration(properties);
	}

	/** The person's tokens live in her session and die with it. */
	@Bean
	OAuth2AuthorizedClientRepository authorizedClients() {
		return new HttpSessionOAuth2AuthorizedClientRepository();
	}

	/**
	 * Hands out the person's access token for API calls. The browser's client gets no refresh token:
	 * an expired token asks for a new authorization, which the identity provider grants at once while
	 * its own session lasts.
	 */
	@Bean
	OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository authorizedClients) {
		DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
				authorizedClients);
		manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().build());
		return manager;
	}

}
