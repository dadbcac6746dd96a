package com.kreativnomentorstvo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The kustomize base and overlays read as files: what holds without a kustomize binary. */
class KubernetesSourcesTests {

	private static final String BASE = Manifests.K8S + "/base";

	private final Manifests base = Manifests.filesBelow(BASE);

	@Test
	void everyDeploymentOfTheBaseHasProbesAndLimits() {
		KubernetesChecks.deploymentsHaveProbesAndLimits(base);
		KubernetesChecks.deploymentsHaveAutoscalersAndDisruptionBudgets(base);
	}

	@Test
	void everyTopicOfTheCatalogueHasAKafkaTopicWithThreeReplicasAndTwoInSync() {
		KubernetesChecks.everyTopicExistsReplicated(base);
		KubernetesChecks.kafkaIsReplicatedThreeTimes(base);
	}

	@Test
	void theServicesUseTheirOwnStoreAndKafkaUsersAndNoSecretIsCommitted() {
		KubernetesChecks.mongoDbIsAReplicaSetWithOneUserPerService(base);
		KubernetesChecks.eachServiceIsItsOwnKafkaUser(base);
		KubernetesChecks.noSecretIsCommitted(Manifests.filesBelow(Manifests.K8S));
	}

	@Test
	void secretsAreReferencedNeverWrittenAndKafkaMongoDbAndTheIngressSpeakTls() {
		Map<String, Map<String, ?>> configMaps = configMaps();
		KubernetesChecks.secretsAreReferencedNeverWritten(base, configMaps);
		KubernetesChecks.kafkaSpeaksOnlyTlsWithSignedInClients(base, configMaps.get("service-config"));
		KubernetesChecks.mongoDbSpeaksOnlyTls(base, configMaps.get("service-config"));
		KubernetesChecks.theIngressServesTheGatewayOverTlsAndNoIdentityProvider(base);
	}

	@Test
	void accountsLiveInTheIssuersRealmAndTheLinkSignersShareOneSecret() {
		KubernetesChecks.participantServiceManagesAccountsInTheIssuersRealm(base, platformConfig(BASE));
		KubernetesChecks.everyLinkSignerReadsTheSameLinkSecret(base);
	}

	@Test
	void onlyTheGatewayIsReachableFromOutside() {
		KubernetesChecks.onlyTheGatewayIsReachableFromOutside(base);
	}

	@Test
	void insideTheNamespaceThePodsReachExactlyWhatTheirSettingsCall() {
		KubernetesChecks.podsReachExactlyWhatTheirSettingsCall(base, configMaps());
	}

	/** The network check fails where it should: a policy that lets the web application reach the gateway. */
	@Test
	void aPolicyAdmittingTheWebApplicationToTheGatewayIsFound() {
		Map<String, Object> gatewayFromWeb = Documents.copy(base.get("NetworkPolicy", "web-from-gateway"));
		Documents.map(gatewayFromWeb.get("metadata")).put("name", "gateway-from-web");
		Documents.map(Documents.at(gatewayFromWeb, "spec.podSelector.matchLabels")).put("app.kubernetes.io/name", "gateway");
		Map<String, Object> rule = Documents.map(Documents.listAt(gatewayFromWeb, "spec.ingress").get(0));
		rule.put("from", List.of(Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "web")))));
		rule.put("ports", List.of(Map.of("protocol", "TCP", "port", 8080)));
		List<Map<String, Object>> objects = new java.util.ArrayList<>(base.objects());
		objects.add(gatewayFromWeb);
		assertThatThrownBy(() -> KubernetesChecks.podsReachExactlyWhatTheirSettingsCall(new Manifests(objects), configMaps()))
			.hasMessageContaining("what the NetworkPolicies admit").hasMessageContaining("web -> gateway:8080");
	}

	/** The network check fails where it should: the services closed to the web application that calls them. */
	@Test
	void aServiceTheWebApplicationCallsButMayNotReachIsFound() {
		Map<String, Object> policy = Documents.copy(base.get("NetworkPolicy", "services-from-gateway-and-web"));
		Documents.listAt(Documents.listAt(policy, "spec.ingress").get(0), "from")
			.removeIf(peer -> "web".equals(Documents.mapAt(peer, "podSelector.matchLabels").get("app.kubernetes.io/name")));
		assertThat(Documents.listAt(Documents.listAt(policy, "spec.ingress").get(0), "from")).hasSize(1);
		assertThatThrownBy(() -> KubernetesChecks.podsReachExactlyWhatTheirSettingsCall(
				replacing(base.get("NetworkPolicy", "services-from-gateway-and-web"), policy), configMaps()))
			.hasMessageContaining("what the NetworkPolicies admit").hasMessageContaining("web -> session-service:8083");
	}

	/** The network check fails where it should: a web application set to call the API through the gateway. */
	@Test
	void aWebApplicationCallingTheGatewayIsFound() {
		Map<String, Object> web = Documents.copy(base.get("Deployment", "web"));
		Documents.listAt(Manifests.containers(web).get(0), "env").add(Map.of("name", "API_URL", "value", "http://gateway:8080"));
		assertThatThrownBy(() -> KubernetesChecks.podsReachExactlyWhatTheirSettingsCall(
				replacing(base.get("Deployment", "web"), web), configMaps()))
			.hasMessageContaining("nothing else of the platform").hasMessageContaining("web -> gateway:8080");
	}

	/** The ConfigMaps the base's generators make, by name, with their literals. */
	private static Map<String, Map<String, ?>> configMaps() {
		Map<String, Map<String, ?>> configMaps = new java.util.LinkedHashMap<>();
		for (Object generator : Documents.listAt(Repository.yaml(BASE + "/kustomization.yaml"), "configMapGenerator")) {
			configMaps.put(Documents.text(generator, "name"), generatorLiterals(BASE, Documents.text(generator, "name")));
		}
		return configMaps;
	}

	@Test
	void everyPathTheGatewayServesIsRoutedToItByTheIngressAndTheHttpRoute() {
		KubernetesChecks.everyPathTheGatewayServesIsRoutedToIt(base);
	}

	/** The routing check fails where it should: a path left to the catch-all alone. */
	@Test
	void aPathTheGatewayServesWithoutARuleOfItsOwnIsFound() {
		Map<String, Object> route = Documents.copy(base.get("HTTPRoute", "gateway"));
		for (Object rule : Documents.listAt(route, "spec.rules")) {
			Documents.listAt(rule, "matches").removeIf(match -> "/asyncapi.yaml".equals(Documents.text(match, "path.value")));
		}
		assertThatThrownBy(() -> KubernetesChecks.everyPathTheGatewayServesIsRoutedToIt(withHttpRoute(route)))
			.hasMessageContaining("HTTPRoute: no rule of its own for /asyncapi.yaml");
	}

	/** The routing check fails where it should: a rule for a path the gateway does not serve. */
	@Test
	void aRuleForAPathTheGatewayDoesNotServeIsFound() {
		Map<String, Object> route = Documents.copy(base.get("HTTPRoute", "gateway"));
		Documents.listAt(Documents.listAt(route, "spec.rules").get(0), "matches")
			.add(Map.of("path", Map.of("type", "PathPrefix", "value", "/graphql")));
		assertThatThrownBy(() -> KubernetesChecks.everyPathTheGatewayServesIsRoutedToIt(withHttpRoute(route)))
			.hasMessageContaining("/graphql").hasMessageContaining("leads to a path the gateway serves");
	}

	/** The base with another HTTPRoute in place of its own. */
	private Manifests withHttpRoute(Map<String, Object> route) {
		return replacing(base.get("HTTPRoute", "gateway"), route);
	}

	/** The base with another object in place of one of its own. */
	private Manifests replacing(Map<String, Object> original, Map<String, Object> replacement) {
		List<Map<String, Object>> objects = new java.util.ArrayList<>(base.objects());
		objects.replaceAll(object -> object == original ? replacement : object);
		return new Manifests(objects);
	}

	/**
	 * Every file, not only the base: what a cluster of the supported versions would refuse to apply,
	 * found without a kustomize binary (the overlays' patches are checked where they are rendered).
	 */
	@Test
	void everyObjectOfEveryFileIsValidAgainstTheSchemaOfItsApiVersionAndKind() {
		Manifests all = Manifests.filesBelow(Manifests.K8S);
		assertThat(all.ofKind("Deployment")).isNotEmpty();
		assertThat(KubernetesSchemas.violations(all)).isEmpty();
	}

	@Test
	void theServicesCreateNoTopicsTheOperatorDoes() {
		Map<String, Object> kustomization = Repository.yaml(BASE + "/kustomization.yaml");
		List<Object> generators = Documents.listAt(kustomization, "configMapGenerator");
		String serviceConfig = generators.stream()
			.filter(g -> "service-config".equals(Documents.text(g, "name")))
			.map(g -> String.valueOf(Documents.at(g, "literals")))
			.findFirst()
			.orElseThrow();
		assertThat(serviceConfig).contains("MENTORING_TOPICS_CREATE=false").contains("MENTORING_TOPICS_REPLICATIONFACTOR=3");
	}

	@Test
	void everyFileOfTheBaseIsPartOfItAndEveryResourceExists() throws IOException {
		List<Object> resources = Documents.listAt(Repository.yaml(BASE + "/kustomization.yaml"), "resources");
		for (Object resource : resources) {
			assertThat(Repository.path(BASE + "/" + resource)).exists();
		}
		try (Stream<Path> files = Files.walk(Repository.path(BASE))) {
			List<String> yamlFiles = files.filter(f -> f.toString().endsWith(".yaml"))
				.map(f -> Repository.path(BASE).relativize(f).toString())
				.filter(f -> !f.equals("kustomization.yaml"))
				.toList();
			assertThat(resources).containsExactlyInAnyOrderElementsOf(yamlFiles);
		}
	}

	static Stream<String> overlays() {
		return Manifests.overlays().stream();
	}

	@Test
	void thereIsAnOverlayPerPartnerInstance() {
		assertThat(Manifests.overlays()).contains("creative-mentorship-rs", "kultura-nova-hr");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void eachOverlayBuildsOnTheBaseInItsOwnNamespaceAsItsOwnInstance(String overlay) {
		String directory = Manifests.K8S + "/overlays/" + overlay;
		Map<String, Object> kustomization = Repository.yaml(directory + "/kustomization.yaml");
		assertThat(Documents.listAt(kustomization, "resources")).contains("../../base");
		assertThat(Documents.listAt(kustomization, "components")).as(overlay + " puts its namespace into the certificates")
			.contains("../../components/instance-namespace");
		String namespace = Documents.text(kustomization, "namespace");
		assertThat(namespace).isNotBlank().contains(overlay);
		Manifests own = Manifests.filesBelow(directory);
		assertThat(own.ofKind("Namespace")).singleElement().satisfies(n -> assertThat(Manifests.name(n)).isEqualTo(namespace));
		Map<String, Object> platformConfig = Documents.listAt(kustomization, "configMapGenerator").stream()
			.map(Documents::map)
			.filter(g -> "platform-config".equals(g.get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError(overlay + " does not set platform-config"));
		assertThat(platformConfig).containsEntry("behavior", "merge");
		assertThat(Documents.listAt(platformConfig, "literals")).contains("MENTORING_INSTANCE=" + overlay)
			.anySatisfy(l -> assertThat(String.valueOf(l)).startsWith("MENTORING_ORGANISATION=org-"))
			.anySatisfy(l -> assertThat(String.valueOf(l)).startsWith("PUBLIC_URL=https://"))
			.anySatisfy(l -> assertThat(String.valueOf(l)).startsWith("ISSUER_URI=https://"));
		assertThat(String.valueOf(Documents.at(kustomization, "patches"))).as(overlay + " sets its host name")
			.contains("/spec/rules/0/host")
			.contains("/spec/hostnames/0");
		Map<String, String> merged = platformConfig(BASE);
		merged.putAll(platformConfig(directory));
		assertThat(merged.get("ISSUER_URI")).as(overlay + ": the issuer is the realm of its accounts")
			.isEqualTo(merged.get("KEYCLOAK_URL") + "/realms/" + merged.get("KEYCLOAK_REALM"));
		assertThat(merged.get("KEYCLOAK_URL")).as(overlay + " names its own Keycloak").doesNotContain("example.org");
	}

	/** The literals of a kustomization's platform-config generator. */
	private static Map<String, String> platformConfig(String directory) {
		return generatorLiterals(directory, "platform-config");
	}

	/** The literals of one ConfigMap generator of a kustomization. */
	static Map<String, String> generatorLiterals(String directory, String name) {
		Map<String, String> literals = new java.util.LinkedHashMap<>();
		Documents.listAt(Repository.yaml(directory + "/kustomization.yaml"), "configMapGenerator")
			.stream()
			.filter(g -> name.equals(Documents.text(g, "name")))
			.flatMap(g -> Documents.listAt(g, "literals").stream())
			.map(String::valueOf)
			.forEach(literal -> literals.put(literal.substring(0, literal.indexOf('=')), literal.substring(literal.indexOf('=') + 1)));
		return literals;
	}

	@Test
	void theOperatorsAlertsAreTheAlertsOfTheComposePrometheus() {
		Map<String, Object> rule = Repository.yaml(Manifests.K8S + "/components/prometheus-operator/prometheus-rules.yaml");
		Map<String, Object> alerts = Repository.yaml("deploy/observability/alerts.yml");
		assertThat(Documents.at(rule, "spec.groups")).isEqualTo(alerts.get("groups"));
	}

}
