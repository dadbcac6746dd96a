package com.kreativnomentorstvo.support.routes;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The API's route table: which service owns which public path ({@code mentoring.api}, kept once in
 * {@code mentoring-api-routes.yml} of this module). The gateway builds its routes from it; the web
 * application finds with {@link #owner} the service each of its calls goes to. Both match the same
 * Spring path patterns in the same order, so a path reaches the same service whichever way it comes.
 *
 * @param services each service by name, in the order its paths are matched: by {@link Service#order()}, then
 * as the file declares them
 */
public record ApiRoutes(Map<String, Service> services) {

	/** Where the table is bound from. */
	public static final String PREFIX = "mentoring.api";

	/** What a deployable imports ({@code spring.config.import}) to read the table. */
	public static final String FILE = "classpath:mentoring-api-routes.yml";

	private static final Map<String, PathPattern> PATTERNS = new ConcurrentHashMap<>();

	public ApiRoutes {
		Map<String, Service> ordered = new LinkedHashMap<>();
		if (services != null) {
			// sorted once here, so that finding a path's owner is a walk down the table
			services.entrySet()
				.stream()
				.sorted(Comparator.comparingInt(entry -> entry.getValue().order()))
				.forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
		}
		services = java.util.Collections.unmodifiableMap(ordered);
	}

	/** The table as the environment gives it (the file above, overridden by any property source). */
	public static ApiRoutes from(Environment environment) {
		return Binder.get(environment).bindOrCreate(PREFIX, Bindable.of(ApiRoutes.class));
	}

	/**
	 * The service that owns a path: the first, by {@link Service#order()} (then as declared), one of
	 * whose streams or paths matches it. A query string or fragment is ignored, and so are the
	 * variables of a URI template ({@code /api/v1/programmes/{id}/matches} is owned as
	 * {@code /api/v1/programmes/p-1/matches} is).
	 */
	public Optional<Route> owner(String path) {
		PathContainer container = PathContainer.parsePath(pathOf(path));
		for (Map.Entry<String, Service> entry : services.entrySet()) {
			Service service = entry.getValue();
			if (matches(service.streams(), container)) {
				return Optional.of(new Route(entry.getKey(), service, true));
			}
			if (matches(service.paths(), container)) {
				return Optional.of(new Route(entry.getKey(), service, false));
			}
		}
		return Optional.empty();
	}

	private static boolean matches(List<String> patterns, PathContainer path) {
		for (String pattern : patterns) {
			if (PATTERNS.computeIfAbsent(pattern, PathPatternParser.defaultInstance::parse).matches(path)) {
				return true;
			}
		}
		return false;
	}

	private static String pathOf(String path) {
		int end = path.length();
		int query = path.indexOf('?');
		if (query >= 0) {
			end = query;
		}
		int fragment = path.indexOf('#');
		if (fragment >= 0 && fragment < end) {
			end = fragment;
		}
		return path.substring(0, end);
	}

	/**
	 * One service.
	 *
	 * @param uri where it listens
	 * @param paths the public paths it owns ({@code /api/v1/...} patterns)
	 * @param order lower orders are matched first: services owning sub-resources of another's
	 * resources (e.g. {@code /api/v1/programmes/*&#47;matches}) come before it
	 * @param timeout the longest a call may take, retries included, before the caller is told the
	 * service is unavailable
	 * @param apiDocs whether the gateway serves its OpenAPI document at {@code /v3/api-docs/<name>}
	 * @param streams its long-lived event streams (server-sent events): called without the timeout, the
	 * time limit and the retries of its other calls, since a stream stays open as long as its reader does
	 */
	public record Service(URI uri, List<String> paths, @DefaultValue("0") int order,
			@DefaultValue("5s") Duration timeout, @DefaultValue("true") boolean apiDocs,
			@DefaultValue List<String> streams) {

		public Service {
			Objects.requireNonNull(uri, "a service of the route table needs its uri");
			if (paths == null || paths.isEmpty()) {
				throw new IllegalArgumentException("a service of the route table owns at least one path (" + uri + ")");
			}
			paths = List.copyOf(paths);
			streams = streams == null ? List.of() : List.copyOf(streams);
			timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
		}

	}

	/**
	 * Where a path goes.
	 *
	 * @param name the service's name in the table
	 * @param service the service
	 * @param stream whether the path is one of its streams
	 */
	public record Route(String name, Service service, boolean stream) {
	}

}
