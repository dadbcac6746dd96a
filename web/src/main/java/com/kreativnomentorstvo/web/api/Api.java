package com.kreativnomentorstvo.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import org.springframework.context.i18n.LocaleContextHolder;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;

import tools.jackson.databind.json.JsonMapper;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import com.kreativnomentorstvo.support.routes.ApiRoutes;

import com.kreativnomentorstvo.web.config.WebProperties;

/**
 * The platform's API as the pages call it: each call to the service that owns its path in the API's
 * route table (the gateway's own table, {@link Services}), with the signed-in person's access token and
 * language, so that each page shows exactly what the services let her see; the browser's address and
 * the request id go along, as the gateway would pass them. A refusal becomes an {@link ApiProblem}; no
 * answer in time, none at all, or an open circuit, an {@link ApiUnavailable}. The calls go over a pool
 * of kept-alive connections (Apache HttpClient, on the page's own thread); the streams over the JDK's
 * client, which serves a long-lived response without holding a thread.
 */
@Component
public class Api implements DisposableBean {

	/** How long a connection to a service may wait, and idle in the pool before it is checked. */
	private static final Timeout CONNECT = Timeout.ofSeconds(2);

	private static final TimeValue CHECK_AFTER_IDLE = TimeValue.ofSeconds(2);

	/** Connections kept to all services: a page's calls, for as many pages at once as Tomcat serves. */
	private static final int CONNECTIONS = 200;

	/** The header that carries the browser's address to the services (their per-client limits). */
	static final String FORWARDED_FOR = "X-Forwarded-For";

	/** The header of the request id the gateway gave the page, which the services log. */
	static final String REQUEST_ID = "X-Request-Id";

	private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<java.util.List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private final RestClient rest;

	/** The pages' calls. */
	private final CloseableHttpClient calls;

	/** The streams (server-sent events). */
	private final HttpClient http;

	/**
	 * The second call of {@link #both}: Spring's task executor, which takes no more than it has threads
	 * for ({@code spring.task.execution}); when it is busy, the call is made on the page's own thread.
	 */
	private final AsyncTaskExecutor together;

	/** The caller lent to a call of {@link #both} on the API's threads. */
	private final ThreadLocal<Caller> lent = new ThreadLocal<>();

	private final OAuth2AuthorizedClientManager clients;

	private final String registrationId;

	private final Services services;

	Api(RestClient.Builder builder, OAuth2AuthorizedClientManager clients, WebProperties properties, JsonMapper json,
			@Qualifier("applicationTaskExecutor") AsyncTaskExecutor together, ApiRoutes routes,
			CircuitBreakerRegistry breakers) {
		this.together = together;
		this.services = new Services(routes, breakers);
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		this.calls = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setMaxConnTotal(CONNECTIONS)
				.setMaxConnPerRoute(CONNECTIONS)
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(CONNECT)
					.setValidateAfterInactivity(CHECK_AFTER_IDLE)
					.build())
				.build())
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableAuthCaching()
			.evictIdleConnections(TimeValue.ofMinutes(1))
			.build();
		HttpComponentsClientHttpRequestFactory requests = new HttpComponentsClientHttpRequestFactory(calls);
		// each call waits for its answer as long as its service's timeout in the route table
		requests.setHttpContextFactory((method, uri) -> {
			HttpClientContext context = HttpClientContext.create();
			context.setRequestConfig(RequestConfig.custom()
				.setConnectionRequestTimeout(CONNECT)
				.setResponseTimeout(Timeout.of(services.timeoutOf(uri)))
				.build());
			return context;
		});
		this.rest = builder.requestFactory(requests)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				throw ApiProblem.of(response.getStatusCode().value(), problemOf(response, json));
			})
			.build();
		this.clients = clients;
		this.registrationId = properties.registrationId();
	}

	@Override
	public void destroy() {
		calls.close(CloseMode.GRACEFUL);
	}

	public Map<String, Object> get(String path, Object... variables) {
		return call(HttpMethod.GET, path,
				url -> Fields.of(authorised(rest.get().uri(url, variables)).retrieve().body(OBJECT)));
	}

	/** A document the API answers as it is (a calendar entry, a CSV file). */
	public byte[] bytes(String path, Object... variables) {
		return call(HttpMethod.GET, path, url -> {
			RestClient.RequestHeadersSpec<?> spec = rest.get().uri(url, variables);
			authorised(spec).accept(MediaType.ALL);
			return spec.retrieve().body(byte[].class);
		});
	}

	/**
	 * A long-lived stream of the API (server-sent events), with the person's token and language taken
	 * on the page's request (the stream outlives it); its lines go to the subscriber as they arrive, on
	 * the HTTP client's own threads.
	 */
	public java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<Void>> stream(String path,
			java.util.concurrent.Flow.Subscriber<String> lines) {
		Caller caller = caller();
		java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(services.urlOf(services.routeOf(path), path)))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + caller.token())
			.header(HttpHeaders.ACCEPT, MediaType.TEXT_EVENT_STREAM_VALUE)
			.header(HttpHeaders.ACCEPT_LANGUAGE, caller.locale().toLanguageTag());
		if (caller.address() != null) {
			request.header(FORWARDED_FOR, caller.address());
		}
		if (caller.requestId() != null) {
			request.header(REQUEST_ID, caller.requestId());
		}
		return http.sendAsync(request.build(), java.net.http.HttpResponse.BodyHandlers.fromLineSubscriber(lines));
	}

	/** A list the API answers as a JSON array. */
	public java.util.List<Map<String, Object>> list(String path, Object... variables) {
		return call(HttpMethod.GET, path,
				url -> Fields.of(authorised(rest.get().uri(url, variables)).retrieve().body(LIST)));
	}

	public Page page(String path, Object... variables) {
		return Page.of(get(path, variables));
	}

	public Map<String, Object> post(String path, Object body, Object... variables) {
		return call(HttpMethod.POST, path, url -> {
			RestClient.RequestBodySpec spec = rest.post().uri(url, variables);
			authorised(spec);
			if (body != null) {
				spec.contentType(MediaType.APPLICATION_JSON).body(body);
			}
			return Fields.of(spec.retrieve().body(OBJECT));
		});
	}

	public Map<String, Object> put(String path, Object body, Object... variables) {
		return call(HttpMethod.PUT, path, url -> {
			RestClient.RequestBodySpec spec = rest.put().uri(url, variables);
			authorised(spec);
			return Fields.of(spec.contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(OBJECT));
		});
	}

	public void delete(String path, Object... variables) {
		call(HttpMethod.DELETE, path, url -> authorised(rest.delete().uri(url, variables)).retrieve().toBodilessEntity());
	}

	public Map<String, Object> patch(String path, Object body, Object... variables) {
		return patchIfMatch(path, body, null, variables);
	}

	/**
	 * A merge patch that applies only to the version the person read ({@code If-Match} with its
	 * ETag); another person's change in between is answered 412.
	 */
	public Map<String, Object> patchIfMatch(String path, Object body, String etag, Object... variables) {
		return call(HttpMethod.PATCH, path, url -> {
			RestClient.RequestBodySpec spec = rest.patch().uri(url, variables);
			authorised(spec);
			if (etag != null) {
				spec.header(HttpHeaders.IF_MATCH, etag);
			}
			return Fields.of(spec.contentType(MediaType.valueOf("application/merge-patch+json")).body(body).retrieve().body(OBJECT));
		});
	}

	/** A call to the service that owns the path, with the service's protection ({@link Services#call}). */
	private <T> T call(HttpMethod method, String path, java.util.function.Function<String, T> call) {
		ApiRoutes.Route route = services.routeOf(path);
		String url = services.urlOf(route, path);
		return services.call(route, method, path, () -> call.apply(url));
	}

	/**
	 * Two calls at once, for a page that needs both: the second on the API's own threads, the first on
	 * this thread, both with the person's token and language taken once, here. A refusal or an outage of
	 * either is thrown as it would be by the call alone (the first call's before the second's).
	 */
	public <A, B> Both<A, B> both(Supplier<A> first, Supplier<B> second) {
		Caller caller = caller();
		Future<B> later;
		try {
			later = together.submit(() -> {
				lent.set(caller);
				try {
					return second.get();
				}
				finally {
					lent.remove();
				}
			});
		}
		catch (RejectedExecutionException busy) {
			return new Both<>(first.get(), second.get());
		}
		A a;
		// the first call on this thread with the same caller: her token is taken once per page
		Caller before = lent.get();
		lent.set(caller);
		try {
			a = first.get();
		}
		catch (RuntimeException failure) {
			later.cancel(true);
			throw failure;
		}
		finally {
			if (before == null) {
				lent.remove();
			}
			else {
				lent.set(before);
			}
		}
		try {
			return new Both<>(a, later.get());
		}
		catch (ExecutionException failed) {
			if (failed.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(failed.getCause());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			later.cancel(true);
			throw new ApiUnavailable("(interrupted)", interrupted);
		}
	}

	/** What {@link #both} answers. */
	public record Both<A, B>(A first, B second) {
	}

	/**
	 * Whom a call is made for: her access token and language, the browser's address (as the gateway
	 * found it, {@code server.forward-headers-strategy}) and the page's request id.
	 */
	private record Caller(String token, Locale locale, String address, String requestId) {
	}

	/** The person and her page: lent by {@link #both} on the API's threads, else this request's. */
	private Caller caller() {
		Caller given = lent.get();
		if (given != null) {
			return given;
		}
		HttpServletRequest page = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
		return new Caller(accessToken(), LocaleContextHolder.getLocale(), page.getRemoteAddr(), page.getHeader(REQUEST_ID));
	}

	private <S extends RestClient.RequestHeadersSpec<?>> S authorised(S spec) {
		Caller caller = caller();
		spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + caller.token())
			.header(HttpHeaders.ACCEPT_LANGUAGE, caller.locale().toLanguageTag())
			.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
		if (caller.address() != null) {
			spec.header(FORWARDED_FOR, caller.address());
		}
		if (caller.requestId() != null) {
			spec.header(REQUEST_ID, caller.requestId());
		}
		return spec;
	}

	private String accessToken() {
		Authentication person = SecurityContextHolder.getContext().getAuthentication();
		ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
		OAuth2AuthorizedClient client = clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(registrationId)
			.principal(person)
			.attribute(HttpServletRequest.class.getName(), attributes.getRequest())
			.attribute(HttpServletResponse.class.getName(), attributes.getResponse())
			.build());
		if (client == null) {
			throw new ClientAuthorizationRequiredException(registrationId);
		}
		return client.getAccessToken().getTokenValue();
	}

	private static Map<String, Object> problemOf(ClientHttpResponse response, JsonMapper json) {
		try (InputStream body = response.getBody()) {
			byte[] bytes = body.readAllBytes();
			if (bytes.length == 0) {
				return Map.of();
			}
			return json.readValue(bytes, new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
			});
		}
		catch (IOException | RuntimeException unreadable) {
			return Map.of();
		}
	}

}
