package com.kreativnomentorstvo.platform;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The settings every service shares unless it says otherwise: added as the lowest-precedence
 * property source, so a service's {@code application.yml} or the environment overrides any of them.
 */
class PlatformDefaults implements EnvironmentPostProcessor {

	static final String NAME = "mentoringPlatformDefaults";

	/** {@code LOG_FORMAT=text} keeps Boot's human-readable console format (the test build uses it). */
	static final String LOG_FORMAT = "LOG_FORMAT";

	private static final Map<String, Object> DEFAULTS = Map.ofEntries(
			// bodies with fields the API does not know are refused with 400 naming the field
			Map.entry("spring.jackson.deserialization.fail-on-unknown-properties", "true"),
			// absent values are left out of answers, as they are of events
			Map.entry("spring.jackson.default-property-inclusion", "non_null"),
			Map.entry("spring.mongodb.uri", "${MONGODB_URI:mongodb://localhost:27017}"),
			Map.entry("spring.data.mongodb.auto-index-creation", "true"),
			Map.entry("spring.kafka.bootstrap-servers", "${KAFKA_BOOTSTRAP_SERVERS:localhost:9092}"),
			Map.entry("spring.security.oauth2.resourceserver.jwt.issuer-uri", "${ISSUER_URI:http://localhost:9000}"),
			Map.entry("spring.security.oauth2.resourceserver.jwt.audiences", "${TOKEN_AUDIENCE:mentoring-api}"),
			Map.entry("spring.security.oauth2.resourceserver.jwt.jws-algorithms", "RS256"),
			Map.entry("mentoring.instance", "${MENTORING_INSTANCE:local}"),
			Map.entry("mentoring.links.secret", "${LINK_SECRET:local-development-only-link-secret}"),
			Map.entry("server.shutdown", "graceful"),
			Map.entry("management.endpoints.web.exposure.include", "health,info,metrics,prometheus,deadletters,sbom"),
			Map.entry("management.endpoint.health.probes.enabled", "true"),
			// the status for anyone (probes, load balancers); which parts, and why, for admins only
			Map.entry("management.endpoint.health.show-details", "when-authorized"),
			Map.entry("management.endpoint.health.roles", "ADMIN"),
			// Boot's Mongo check needs the 'hello' command; the platform's own check uses 'ping'
			Map.entry("management.health.mongodb.enabled", "false"),
			// ready = can answer requests, which needs the store; without the broker, writes wait in the
			// outbox and events are applied late, so the broker stays out (it is in /actuator/health)
			Map.entry("management.endpoint.health.group.readiness.include", "readinessState,mongoPing"),
			// alive = the process is not stuck: consumers stopped by an error of the virtual machine restart it
			Map.entry("management.endpoint.health.group.liveness.include", "livenessState,consumers"),
			// the contacts topic's compaction settings reach topics created before they were added
			Map.entry("spring.kafka.admin.modify-topic-configs", "true"),
			// a person reading a service's output needs its own lines and the clients' warnings, not
			// the Kafka clients' configuration dumps, rebalances and seeks (INFO), nor a broker that is
			// away repeated every second (the service says so once, and /actuator/health shows it)
			Map.entry("logging.level.org.apache.kafka", "warn"),
			Map.entry("logging.level.org.apache.kafka.clients.NetworkClient", "error"),
			Map.entry("logging.level.org.springframework.kafka.listener.KafkaMessageListenerContainer", "warn"),
			Map.entry("springdoc.api-docs.path", "/v3/api-docs"),
			// W3C trace context on every request and event; spans are exported only where an OTLP
			// endpoint is configured (management.opentelemetry.tracing.export.otlp.endpoint)
			Map.entry("management.tracing.sampling.probability", "${TRACING_SAMPLING_PROBABILITY:1.0}"),
			Map.entry("management.otlp.metrics.export.enabled", "${OTLP_METRICS_EXPORT:false}"),
			// a timer and a span around each of the dozen security filters of every request cost the services
			// and the gateway several per cent of their CPU (bench/pages); the request itself stays measured
			// and traced (http.server.requests)
			Map.entry("management.observations.enable.spring.security", "false"),
			// "instance" is Prometheus' own label for the scraped target
			Map.entry("management.metrics.tags.mentoring_instance", "${MENTORING_INSTANCE:local}"),
			Map.entry("management.metrics.tags.application", "${spring.application.name}"),
			Map.entry("management.metrics.distribution.percentiles-histogram.http.server.requests", "true"));

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new HashMap<>(DEFAULTS);
		String logFormat = environment.getProperty(LOG_FORMAT, "ecs");
		if (!"text".equalsIgnoreCase(logFormat)) {
			// one JSON object per log line, with the MDC (request id, event id, trace) as fields
			defaults.put("logging.structured.format.console", logFormat);
		}
		environment.getPropertySources().addLast(new MapPropertySource(NAME, defaults));
	}

}
