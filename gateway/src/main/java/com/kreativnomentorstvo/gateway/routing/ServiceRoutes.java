package com.kreativnomentorstvo.gateway.routing;

import java.net.ConnectException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import com.kreativnomentorstvo.support.routes.ApiRoutes;

/**
 * The route table, built from the API's ({@link ApiRoutes}, shared with the web application) and
 * {@link RoutingProperties}: for each service one route for its API
 * paths and one for its OpenAPI document, each behind the service's circuit breaker (one per
 * service, thresholds in {@code resilience4j.circuitbreaker.configs.default}), with the service's
 * timeout as both the per-attempt response timeout and the circuit breaker's time limit, retries for
 * idempotent methods only, and a fallback to a 503 problem naming the service.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

	/** Route metadata key naming the service a route leads to. */
	static final String SERVICE_METADATA = "service";

	/**
	 * What the gateway answers itself or sends to the services, never to the web application: the API
	 * (an unknown API path is the gateway's 404 problem, not a page), the API documents and the Swagger UI,
	 * the actuator, and the fallback of an unavailable service.
	 */
	static final String[] NOT_PAGES = { "/api/**", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
			"/webjars/swagger-ui/**", "/asyncapi.yaml", "/schemas/**", "/actuator/**", UnavailableController.PATH + "**" };

	/** The web application's name in routes, metrics and the unavailable answer. */
	static final String WEB = "web";

	/** Statuses that count as the service failing: the circuit breaker records them (GETs retry 502 and 504). */
	private static final Set<String> UNAVAILABLE_STATUSES = Set.of("502", "503", "504");

	/** The API's route table ({@code mentoring-api-routes.yml}, imported by application.yml). */
	@Bean
	ApiRoutes apiRoutes(Environment environment) {
		return ApiRoutes.from(environment);
	}

	@Bean
	RouteLocator routeTable(RouteLocatorBuilder builder, ApiRoutes api, RoutingProperties routing,
			TimeLimiterRegistry timeLimiters) {
		RouteLocatorBuilder.Builder routes = builder.routes();
		api.services().forEach((name, service) -> {
			// the circuit breaker finds its time limiter by the service's name: registered here, it always equals the timeout
			TimeLimiterConfig timeLimit = TimeLimiterConfig.custom()
				.timeoutDuration(service.timeout())
				.cancelRunningFuture(true)
				.build();
			timeLimiters.remove(name);
			timeLimiters.timeLimiter(name, timeLimit);
			routes.route(name, route -> route.order(service.order())
				.path(service.paths().toArray(String[]::new))
				.filters(filters -> resilient(filters, name, service, routing.retry()))
				.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, service.timeout().toMillis())
				.metadata(SERVICE_METADATA, name)
				.uri(service.uri()));
			if (!service.streams().isEmpty()) {
				// before the service's other paths; no circuit breaker (its time limit would end every stream), no
				// response timeout: the service's heartbeats keep the connection alive, the reader decides when it ends
				routes.route(name + "-streams", route -> route.order(service.order() - 1)
					.path(service.streams().toArray(String[]::new))
					.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1L)
					.metadata(SERVICE_METADATA, name)
					.uri(service.uri()));
			}
			if (service.apiDocs()) {
				routes.route(name + "-api-docs", route -> route.order(service.order())
					.path("/v3/api-docs/" + name)
					.filters(filters -> resilient(filters, name, service, routing.retry()).setPath("/v3/api-docs")
						.modifyResponseBody(String.class, String.class,
								(exchange, document) -> Mono.justOrEmpty(ApiDocumentServers.throughTheGateway(document))))
					.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, service.timeout().toMillis())
					.metadata(SERVICE_METADATA, name)
					.uri(service.uri()));
			}
		});
		if (routing.web().enabled()) {
			// the pages come last: every service's paths (the account e-mails' pages included) are matched first
			ApiRoutes.Service web = new ApiRoutes.Service(routing.web().uri(), List.of("/**"),
					Ordered.LOWEST_PRECEDENCE, routing.web().timeout(), false, List.of());
			timeLimiters.remove(WEB);
			timeLimiters.timeLimiter(WEB, TimeLimiterConfig.custom()
				.timeoutDuration(web.timeout())
				.cancelRunningFuture(true)
				.build());
			routes.route(WEB, route -> route.order(web.order())
				.not(paths -> paths.path(NOT_PAGES))
				.and()
				.path("/**")
				// the pages see the address the browser used: the sign-in's redirect address must match it exactly
				.filters(filters -> resilient(filters.preserveHostHeader(), WEB, web, routing.retry()))
				.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, web.timeout().toMillis())
				.metadata(SERVICE_METADATA, WEB)
				.uri(web.uri()));
		}
		return routes.build();
	}

	private static GatewayFilterSpec resilient(GatewayFilterSpec filters, String name, ApiRoutes.Service service,
			RoutingProperties.Retry retry) {
		// the circuit breaker comes first so that it sees one call however often the retry repeats it
		GatewayFilterSpec spec = filters.circuitBreaker(breaker -> breaker.setName(name)
			.setFallbackUri("forward:" + UnavailableController.PATH + name)
			.setStatusCodes(new HashSet<>(UNAVAILABLE_STATUSES)));
		if (retry.retries() == 0) {
			return spec;
		}
		return spec.retry(config -> config.setRetries(retry.retries())
			.setMethods(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS)
			.setSeries()
			// not 503: that is the service's own considered answer (its store is away, it is shutting down) with
			// Retry-After; repeating it at once only makes the caller wait three times as long for the same answer
			.setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.GATEWAY_TIMEOUT)
			.setExceptions(ConnectException.class, PrematureCloseException.class)
			.setBackoff(retry.firstBackoff(), retry.maxBackoff(), 2, false)
			.setTimeout(service.timeout()));
	}

}
