package com.kreativnomentorstvo.bench.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The running local stack the scenarios drive, as {@code bench/load/run.sh} describes it in the
 * environment.
 *
 * @param gateway the gateway, e.g. {@code http://localhost:40080}
 * @param participantService participant-service directly, for the reference beside the gateway
 * @param kafka the broker's bootstrap servers
 * @param store the store's connection string
 * @param mail the mail catcher's web address (its SMTP server takes the platform's e-mail)
 * @param pid the launcher's process id (its children are the stack's other processes)
 * @param token a coordinator's bearer token
 * @param adminToken an administrator's, for setting a scenario up
 * @param cookie the same coordinator's session cookie of the web application ({@code NAME=value})
 * @param duration how long each measured load lasts
 */
record Stack(String gateway, String participantService, String kafka, String store, String mail, long pid,
		String token, String adminToken, String cookie, Duration duration) {

	static Stack fromEnvironment(Map<String, String> env) {
		return new Stack(required(env, "GATEWAY_URL"), required(env, "SERVICE_URL"), required(env, "KAFKA"),
				required(env, "STORE"), required(env, "MAIL_URL"), Long.parseLong(required(env, "STACK_PID")),
				required(env, "TOKEN"), required(env, "ADMIN_TOKEN"), required(env, "COOKIE"),
				Duration.ofSeconds(Long.parseLong(Optional.ofNullable(env.get("SECONDS_PER_LOAD")).orElse("30"))));
	}

	private static String required(Map<String, String> env, String name) {
		String value = env.get(name);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " is not set (bench/load/run.sh sets it)");
		}
		return value;
	}

	/** A GET of the API with the coordinator's token. */
	HttpRequest apiGet(String base, String path) {
		return apiGet(base, path, token);
	}

	HttpRequest apiGet(String base, String path, String bearer) {
		return HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", "Bearer " + bearer)
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(30))
			.build();
	}

	/** A GET of a page with the coordinator's session, as her browser sends it. */
	HttpRequest pageGet(String path) {
		return HttpRequest.newBuilder(URI.create(gateway + path))
			.header("Cookie", cookie)
			.header("Accept", "text/html")
			.timeout(Duration.ofSeconds(30))
			.build();
	}

}
