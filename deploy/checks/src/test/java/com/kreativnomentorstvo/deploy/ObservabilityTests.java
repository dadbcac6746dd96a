package com.kreativnomentorstvo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.deploy.Platform.Module;

import tools.jackson.databind.JsonNode;

/** Prometheus, its alerts and Grafana's provisioning and dashboard fit the compose file and the code. */
class ObservabilityTests {

	private static final String DIRECTORY = "deploy/observability";

	private static final String DASHBOARD = DIRECTORY + "/grafana/dashboards/mentoring-platform.json";

	private static final Pattern PLATFORM_METRIC = Pattern.compile("\\b(mentoring_[a-z_]+)");

	private static final Pattern METER_NAME = Pattern.compile("\"(mentoring\\.[a-z][a-z.-]+)\"");

	@Test
	void prometheusScrapesTheGatewayAndEveryServiceWhereComposeRunsThem() {
		Map<String, Object> prometheus = Repository.yaml(DIRECTORY + "/prometheus.yml");
		Map<String, Object> job = Documents.listAt(prometheus, "scrape_configs").stream()
			.map(Documents::map)
			.filter(j -> "mentoring".equals(j.get("job_name")))
			.findFirst()
			.orElseThrow();
		assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
		List<Object> targets = Documents.listAt(job, "static_configs");
		for (Module module : Platform.deployables()) {
			assertThat(targets).as(module.name()).anySatisfy(target -> {
				assertThat(Documents.listAt(target, "targets")).containsExactly(module.name() + ":" + module.port());
				assertThat(Documents.text(target, "labels.application")).isEqualTo(module.name());
			});
		}
		for (Object target : targets) {
			String host = String.valueOf(Documents.listAt(target, "targets").get(0)).split(":")[0];
			assertThat(Compose.services()).containsKey(host);
		}
	}

	@Test
	void composeMountsThePrometheusAndGrafanaFilesThatExist() {
		for (String service : List.of("prometheus", "grafana")) {
			for (Object volume : Documents.listAt(Compose.service(service), "volumes")) {
				String source = String.valueOf(volume).split(":")[0];
				if (source.startsWith("./")) {
					assertThat(Repository.path(source.substring(2))).as(service + " mounts " + source).exists();
				}
			}
		}
		for (Object file : Documents.listAt(Repository.yaml(DIRECTORY + "/prometheus.yml"), "rule_files")) {
			assertThat(Repository.path(DIRECTORY + "/" + file)).exists();
			assertThat(Documents.listAt(Compose.service("prometheus"), "volumes").toString()).contains("/etc/prometheus/" + file);
		}
		String home = Compose.environment("grafana").get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
		String provisioned = Documents.text(
				Documents.listAt(Repository.yaml(DIRECTORY + "/grafana/provisioning/dashboards/mentoring.yml"), "providers").get(0),
				"options.path");
		assertThat(Documents.listAt(Compose.service("grafana"), "volumes").toString())
			.contains("./" + DIRECTORY + "/grafana/dashboards:" + provisioned + ":ro");
		assertThat(home).isEqualTo(provisioned + "/mentoring-platform.json");
	}

	@Test
	void grafanaReadsFromThePrometheusOfTheComposeFile() {
		Map<String, Object> datasource = Documents.map(Documents
			.listAt(Repository.yaml(DIRECTORY + "/grafana/provisioning/datasources/prometheus.yml"), "datasources")
			.get(0));
		assertThat(datasource).containsEntry("type", "prometheus").containsEntry("isDefault", true);
		assertThat(String.valueOf(datasource.get("url"))).isEqualTo("http://prometheus:9090");
		assertThat(Compose.services()).containsKey("prometheus");
		JsonNode dashboard = Repository.json(DASHBOARD);
		JsonNode variable = elements(dashboard.get("templating").get("list")).stream()
			.filter(v -> v.get("type").asString().equals("datasource"))
			.findFirst()
			.orElseThrow();
		assertThat(variable.get("query").asString()).isEqualTo("prometheus");
		assertThat(variable.get("current").get("value").asString()).isEqualTo(datasource.get("uid"));
	}

	@Test
	void everyPanelOfTheDashboardQueriesPrometheus() {
		JsonNode dashboard = Repository.json(DASHBOARD);
		assertThat(dashboard.get("uid").asString()).isEqualTo("mentoring-platform");
		Set<Integer> ids = new HashSet<>();
		List<JsonNode> panels = elements(dashboard.get("panels"));
		assertThat(panels).hasSizeGreaterThan(10);
		for (JsonNode panel : panels) {
			assertThat(ids.add(panel.get("id").asInt())).as("panel ids are unique").isTrue();
			JsonNode grid = panel.get("gridPos");
			assertThat(grid.get("x").asInt() + grid.get("w").asInt()).isLessThanOrEqualTo(24);
			if (panel.get("type").asString().equals("row")) {
				continue;
			}
			assertThat(panel.get("datasource").get("uid").asString()).isEqualTo("${datasource}");
			assertThat(elements(panel.get("targets"))).as(panel.get("title").asString())
				.isNotEmpty()
				.allSatisfy(target -> assertThat(target.get("expr").asString()).isNotBlank());
		}
	}

	@Test
	void theDashboardAndAlertsShowTheMetricsTheServicesRegister() {
		Set<String> registered = registeredMeters();
		assertThat(registered).as("meters found in the sources").contains("mentoring.outbox.pending");
		String queries = Repository.read(DASHBOARD) + Repository.read(DIRECTORY + "/alerts.yml");
		Set<String> missing = new TreeSet<>();
		Matcher matcher = PLATFORM_METRIC.matcher(queries);
		while (matcher.find()) {
			String meter = meterOf(matcher.group(1));
			boolean known = registered.stream()
				.anyMatch(name -> name.replace('-', '.').equals(meter));
			if (!known) {
				missing.add(matcher.group(1));
			}
		}
		assertThat(missing).as("queried metrics no service registers").isEmpty();
	}

	@Test
	void prometheusAcceptsItsConfigurationAndTheAlertsPassTheirUnitTests() {
		Optional<Path> promtool = Commands.onPath("promtool");
		assumeTrue(promtool.isPresent(), "promtool (Debian package prometheus) is not installed");
		Path directory = Repository.path(DIRECTORY);
		Commands.Result config = Commands.run(List.of(promtool.get().toString(), "check", "config", "prometheus.yml"), directory);
		assertThat(config.succeeded()).as(config.output()).isTrue();
		Commands.Result tests = Commands.run(List.of(promtool.get().toString(), "test", "rules", "alerts.test.yml"), directory);
		assertThat(tests.succeeded()).as(tests.output()).isTrue();
		assertThat(tests.output()).contains("SUCCESS");
	}

	/** Micrometer's Prometheus name back to the meter name: mentoring_outbox_published_total -> mentoring.outbox.published. */
	private static String meterOf(String prometheusName) {
		return prometheusName.replaceAll("_(total|seconds_bucket|seconds_sum|seconds_count|seconds_max|seconds|bucket|sum|count|max)$", "")
			.replace('_', '.');
	}

	private static Set<String> registeredMeters() {
		Set<String> meters = new TreeSet<>();
		try (Stream<Path> modules = Files.list(Repository.ROOT)) {
			modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).forEach(sources -> {
				try (Stream<Path> files = Files.walk(sources)) {
					files.filter(f -> f.toString().endsWith(".java")).map(Repository::read).forEach(source -> {
						Matcher matcher = METER_NAME.matcher(source);
						while (matcher.find()) {
							meters.add(matcher.group(1));
						}
					});
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return meters;
	}

	private static List<JsonNode> elements(JsonNode array) {
		return array == null ? List.of() : StreamSupport.stream(array.spliterator(), false).toList();
	}

}
