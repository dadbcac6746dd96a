package com.kreativnomentorstvo.authserver.web;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.authserver.persona.Persona;
import com.kreativnomentorstvo.authserver.persona.Personas;

/** A plain HTML page at {@code /}: the personas and how to get a token for one. */
@RestController
class LandingPage {

	private final String html;

	LandingPage(Personas personas, AuthorizationServerSettings settings) {
		this.html = render(personas, settings);
	}

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	String landingPage() {
		return html;
	}

	private static String render(Personas personas, AuthorizationServerSettings settings) {
		String issuer = settings.getIssuer();
		String example = personas.example().map(Persona::username).orElse("coordinator.rs");
		String rows = personas.all()
			.stream()
			.map(persona -> "<tr><td><code>%s</code></td><td>%s</td><td>%s</td><td>%s</td></tr>".formatted(
					htmlEscape(persona.username()), htmlEscape(String.join(", ", persona.roles())),
					htmlEscape(persona.org()), htmlEscape(persona.participantId() != null ? persona.participantId() : "")))
			.collect(Collectors.joining("\n"));
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head><meta charset="utf-8"><title>Mentoring platform: local authorization server</title>
				<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}td,th{padding:.2em .8em;text-align:left}
				pre{background:#f4f4f4;padding:.8em}</style></head>
				<body>
				<h1>Local authorization server</h1>
				<p>For local development only: every persona's password is <code>demo</code> unless
				<code>PERSONAS_FILE</code> says otherwise. Issuer: <code>%1$s</code>.</p>
				<h2>A token with one curl</h2>
				<p>Every persona is also a client whose id is the username and whose secret is the password:</p>
				<pre>curl -s -u %2$s:demo -d grant_type=client_credentials %1$s%3$s</pre>
				<h2>Browser login</h2>
				<p>Public client <code>mentoring-web</code>: authorization code with PKCE (S256), scopes
				<code>openid profile</code>; sign in with a persona's username and password.</p>
				<h2>Personas</h2>
				<table>
				<tr><th>username</th><th>roles</th><th>org</th><th>participant_id</th></tr>
				%4$s
				</table>
				<p><a href="%1$s/.well-known/openid-configuration">OpenID configuration</a> &middot;
				<a href="%1$s%5$s">JWK set</a></p>
				</body>
				</html>
				""".formatted(htmlEscape(issuer), htmlEscape(example), htmlEscape(settings.getTokenEndpoint()), rows,
				htmlEscape(settings.getJwkSetEndpoint()));
	}

}
