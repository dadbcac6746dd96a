package com.kreativnomentorstvo.participants.onboarding;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The network address a request came from: the first {@code X-Forwarded-For} entry, which the
 * gateway sets (services are reached through it only), else the connection's peer.
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	public static String of(HttpServletRequest request) {
		String forwarded = request.getHeader("X-Forwarded-For");
		if (forwarded != null && !forwarded.isBlank()) {
			return forwarded.split(",")[0].strip();
		}
		return request.getRemoteAddr();
	}

}
