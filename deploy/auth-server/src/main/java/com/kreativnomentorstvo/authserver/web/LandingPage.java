package com.kreativnomentorstvo.authserver.web;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.authserver.persona.Persona;
import com.kreativnomentorstvo.authserver.persona.Personas;

/** A plain HTML page at {@code /}: how to sign in, and with demo data the personas and how to get a token for one. */
@RestController
class LandingPage {

	private final String html;

	LandingPage(Personas personas, AuthorizationServerSettings settings, PageProperties pages) {
		this.html = render(personas, settings, pages);
	}

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	String landingPage() {
		return html;
	}

	private static String render(Personas personas, AuthorizationServerSettings settings, PageProperties pages) {
		String issuer = settings.getIssuer();
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head><meta charset="utf-8"><title>Mentoring platform: authorization server</title>
				<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}
				td,th{padding:.2em .8em;text-align:left}pre{background:#f4f4f4;padding:.8em;overflow-x:auto}</style></head>
				<body>
				<h1>Mentoring platform: authorization server</h1>
				<p>Issuer: <code>%1$s</code>.</p>
				<h2>Signing in</h2>
				<p>People sign in with their e-mail address and password on the <a href="%2$s">login form</a>, through
				the platform's pages or Swagger UI (public client <code>mentoring-web</code>: authorization code with PKCE
				(S256), scopes <code>openid profile email</code>). Accounts are created by the platform when someone is
				admitted, invited or appointed; the e-mail she then receives lets her choose a password.
				Forgot it? <a href="%3$s">Ask for a new one</a>.</p>
				<p>Integrations get tokens with the <code>client_credentials</code> grant, with a client that an
				administrator registers for them on the platform.</p>
				%4$s
				<p><a href="%1$s/.well-known/openid-configuration">OpenID configuration</a> &middot;
				<a href="%1$s%5$s">JWK set</a></p>
				</body>
				</html>
				""".formatted(htmlEscape(issuer), htmlEscape(LoginPage.PATH), htmlEscape(pages.passwordReset()),
				personas.all().isEmpty() ? "" : demo(personas, settings), htmlEscape(settings.getJwkSetEndpoint()));
	}

	private static String demo(Personas personas, AuthorizationServerSettings settings) {
		String issuer = settings.getIssuer();
		String example = personas.example().map(Persona::username).orElse("coordinator.rs");
		String rows = personas.all()
			.stream()
			.map(persona -> "<tr><td><code>%s</code></td><td>%s</td><td>%s</td><td>%s</td><td><code>%s</code></td></tr>"
				.formatted(htmlEscape(persona.username()), htmlEscape(persona.email()),
						htmlEscape(String.join(", ", persona.roles())), htmlEscape(persona.org()),
						htmlEscape(persona.accountId())))
			.collect(Collectors.joining("\n"));
		return """
				<h2>Demo personas</h2>
				<p>For local development only: this instance has the demo data. A persona signs in with its username or
				e-mail address; every password is <code>demo</code> unless <code>PERSONAS_FILE</code> says otherwise.</p>
				<h3>A token with one curl</h3>
				<p>Every persona is also a client whose id is the username and whose secret is the password; its tokens
				speak for the persona's account:</p>
				<pre>curl -s -u %1$s:demo -d grant_type=client_credentials %2$s%3$s</pre>
				<table>
				<tr><th>username</th><th>e-mail</th><th>roles</th><th>org</th><th>account id (<code>sub</code>)</th></tr>
				%4$s
				</table>
				""".formatted(htmlEscape(example), htmlEscape(issuer), htmlEscape(settings.getTokenEndpoint()), rows);
	}

}
