package com.kreativnomentorstvo.authserver.web;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.authserver.persona.Personas;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The login form: e-mail address (or a demo persona's username) and password, posted as {@code username},
 * {@code password} and {@code _csrf} to {@value #PATH}, where Spring Security's form login checks them. It links to
 * the platform's password-reset page.
 */
@RestController
class LoginPage {

	static final String PATH = "/login";

	private final PageProperties pages;

	private final boolean demo;

	LoginPage(PageProperties pages, Personas personas) {
		this.pages = pages;
		this.demo = !personas.all().isEmpty();
	}

	@GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
	String loginForm(HttpServletRequest request, CsrfToken csrf, @RequestParam(required = false) String error,
			@RequestParam(required = false) String logout) {
		String message = "";
		if (error != null) {
			message = "<p class=\"error\" role=\"alert\">The e-mail address or the password is wrong, or the account "
					+ "cannot sign in.</p>";
		}
		else if (logout != null) {
			message = "<p role=\"status\">You have signed out.</p>";
		}
		String hint = demo ? "<p class=\"hint\">Demo data: sign in as a persona, e.g. <code>coordinator.rs</code> with "
				+ "password <code>demo</code> (<a href=\"/\">all personas</a>).</p>" : "";
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
				<title>Sign in: Mentoring platform</title>
				<style>body{font-family:sans-serif;max-width:24em;margin:3em auto;padding:0 1em}
				label{display:block;margin-top:1em}input{width:100%%;padding:.4em;box-sizing:border-box}
				button{margin-top:1.2em;padding:.5em 1.5em}.error{color:#a00000}.hint{color:#444;font-size:.9em}</style>
				</head>
				<body>
				<main>
				<h1>Sign in</h1>
				%s
				<form method="post" action="%s">
				<label for="username">E-mail address</label>
				<input type="text" id="username" name="username" autocomplete="username" required autofocus>
				<label for="password">Password</label>
				<input type="password" id="password" name="password" autocomplete="current-password" required>
				<input type="hidden" name="%s" value="%s">
				<button type="submit">Sign in</button>
				</form>
				<p><a href="%s">Forgot your password?</a></p>
				%s
				</main>
				</body>
				</html>
				""".formatted(message, htmlEscape(request.getContextPath() + PATH), htmlEscape(csrf.getParameterName()),
				htmlEscape(csrf.getToken()), htmlEscape(pages.passwordReset()), hint);
	}

}
