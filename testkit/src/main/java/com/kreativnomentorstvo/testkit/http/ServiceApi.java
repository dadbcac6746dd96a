package com.kreativnomentorstvo.testkit.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a service under test over real HTTP, as a client behind the gateway would: a bearer token
 * when one is given, JSON bodies, and an answer for every status (never an exception for a 4xx or
 * 5xx). A body that is a {@code String} is sent as it is; any other object is written as JSON. One
 * {@link HttpClient} serves every instance in the JVM.
 */
public final class ServiceApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final String base;

	private final Duration timeout;

	private final String acceptLanguage;

	/** The service listening on the port of this machine's loopback address. */
	public ServiceApi(int port) {
		this("http://127.0.0.1:" + port);
	}

	/** The service at a base URL such as {@code http://127.0.0.1:8080}, without a trailing slash. */
	public ServiceApi(String base) {
		this(base, TIMEOUT);
	}

	private ServiceApi(String base, Duration timeout) {
		this(base, timeout, null);
	}

	private ServiceApi(String base, Duration timeout, String acceptLanguage) {
		this.base = base;
		this.timeout = timeout;
		this.acceptLanguage = acceptLanguage;
	}

	/** The same service, waiting at most {@code timeout} for each answer (30 seconds unless told). */
	public ServiceApi withTimeout(Duration timeout) {
		return new ServiceApi(base, timeout, acceptLanguage);
	}

	/** The same service, asked with {@code Accept-Language} (e.g. {@code sr-Cyrl}) on every request. */
	public ServiceApi inLanguage(String acceptLanguage) {
		return new ServiceApi(base, timeout, acceptLanguage);
	}

	public Reply get(String path, String token) {
		return send("GET", path, token, null);
	}

	/** A GET with more headers, e.g. {@code Map.of("Accept", "text/csv")}. */
	public Reply get(String path, String token, Map<String, String> headers) {
		return send("GET", path, token, null, headers);
	}

	public Reply post(String path, String token, Object body) {
		return send("POST", path, token, body);
	}

	public Reply put(String path, String token, Object body) {
		return send("PUT", path, token, body);
	}

	/** A PUT on the version read before: {@code If-Match} is sent unless {@code ifMatch} is {@code null}. */
	public Reply put(String path, String token, Object body, String ifMatch) {
		return send("PUT", path, token, body, ifMatch(ifMatch));
	}

	public Reply patch(String path, String token, Object body) {
		return send("PATCH", path, token, body);
	}

	/** A PATCH on the version read before: {@code If-Match} is sent unless {@code ifMatch} is {@code null}. */
	public Reply patch(String path, String token, Object body, String ifMatch) {
		return send("PATCH", path, token, body, ifMatch(ifMatch));
	}

	public Reply delete(String path, String token) {
		return send("DELETE", path, token, null);
	}

	/** Any request; without a body when {@code body} is {@code null}, else with a JSON one. */
	public Reply send(String method, String path, String token, Object body) {
		return send(method, path, token, body, Map.of());
	}

	/** Any request with more headers, e.g. {@code If-Match} or {@code Accept}. */
	public Reply send(String method, String path, String token, Object body, Map<String, String> headers) {
		HttpRequest.Builder request = request(path, token);
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : json(body)));
		}
		headers.forEach(request::header);
		return exchange(method, path, request);
	}

	/** A request with a body of another type than JSON, e.g. {@code text/csv}. */
	public Reply sendTyped(String method, String path, String token, String contentType, String body) {
		return exchange(method, path, request(path, token).header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Fetches a page as a browser would, in the given language, without a token. */
	public Reply page(String path, String acceptLanguage) {
		return exchange("GET", path, request(path, null).header("Accept", "text/html")
			.header("Accept-Language", acceptLanguage)
			.GET());
	}

	/** Submits a page's form as a browser would: without a token, asking for a page back. */
	public Reply submit(String path, Map<String, String> fields) {
		return exchange("POST", path, request(path, null).header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(fields))));
	}

	/** Posts a form without a token and without asking for a type, as a mail client's one-click unsubscribe does. */
	public Reply postForm(String path, Map<String, String> fields) {
		return exchange("POST", path, request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(fields))));
	}

	/** The absolute URL of a path of the service. */
	public String url(String path) {
		return base + path;
	}

	/** The client behind every request, for what this class does not cover (e.g. a stream of server-sent events). */
	public HttpClient client() {
		return HTTP;
	}

	/** An object as JSON text, written as request bodies are. */
	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (acceptLanguage != null) {
			request.header("Accept-Language", acceptLanguage);
		}
		return request;
	}

	private static Map<String, String> ifMatch(String version) {
		return version == null ? Map.of() : Map.of("If-Match", version);
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static Reply exchange(String method, String path, HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.body(), response.headers());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + path + " got no answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(method + " " + path + " was interrupted", ex);
		}
	}

}
