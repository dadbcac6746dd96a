package com.kreativnomentorstvo.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.springframework.security.oauth2.jwt.Jwt;

/** The keys a request is counted under: its organisation and its client, or its address. */
final class Callers {

	static final String ORGANISATION_CLAIM = "org";

	private Callers() {
	}

	/** The organisation's bucket key, or {@code null} for a token without an organisation. */
	static String organisation(Jwt token) {
		String organisation = token.getClaimAsString(ORGANISATION_CLAIM);
		return organisation == null || organisation.isBlank() ? null : "org:" + organisation;
	}

	/**
	 * The client's bucket key: the application ({@code azp}, else {@code client_id}) together with the
	 * subject it acts for, so that the users of one shared front end are not counted as one.
	 */
	static String client(Jwt token) {
		String application = token.getClaimAsString("azp");
		if (application == null || application.isBlank()) {
			application = token.getClaimAsString("client_id");
		}
		String subject = token.getSubject();
		return "client:" + (application == null || application.isBlank() ? "-" : application) + ":"
				+ (subject == null ? "-" : subject);
	}

	/** The bucket key of a request without a token. */
	static String address(InetSocketAddress remote) {
		if (remote == null) {
			return "address:unknown";
		}
		return "address:" + (remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString());
	}

}
