package com.kreativnomentorstvo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every partner overlay rendered by the real kustomize (`kubectl kustomize`, or the standalone
 * `kustomize build`), then the rendered objects checked. Skipped where neither binary is installed;
 * {@link KubernetesSourcesTests} checks the files themselves in any case.
 */
class KustomizeRenderTests {

	private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

	private static List<String> kustomize;

	@BeforeAll
	static void findKustomize() {
		Optional<java.nio.file.Path> kubectl = Commands.onPath("kubectl");
		Optional<java.nio.file.Path> standalone = Commands.onPath("kustomize");
		if (kubectl.isPresent()) {
			kustomize = List.of(kubectl.get().toString(), "kustomize");
		}
		else if (standalone.isPresent()) {
			kustomize = List.of(standalone.get().toString(), "build");
		}
	}

	static Stream<String> overlays() {
		return Manifests.overlays().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void theOverlayRendersAndEveryDeploymentHasProbesAndLimits(String overlay) {
		Manifests manifests = render(overlay);
		KubernetesChecks.deploymentsHaveProbesAndLimits(manifests);
		KubernetesChecks.deploymentsHaveAutoscalersAndDisruptionBudgets(manifests);
	}

	/** An instance runs released images only: each of the platform's, the web application's too, pinned to a release. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void everyImageOfThePlatformIsPinnedToARelease(String overlay) {
		Manifests manifests = render(overlay);
		List<String> images = manifests.ofKind("Deployment")
			.stream()
			.flatMap(deployment -> Manifests.containers(deployment).stream())
			.map(container -> String.valueOf(container.get("image")))
			.filter(image -> image.startsWith("kreativnomentorstvo/"))
			.toList();

		assertThat(images).contains("kreativnomentorstvo/web:0.1.0", "kreativnomentorstvo/gateway:0.1.0")
			.allSatisfy(image -> assertThat(image).as(overlay).matches("kreativnomentorstvo/[a-z-]+:\\d+\\.\\d+\\.\\d+"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void everyTopicOfTheCatalogueExistsWithReplicationFactorThree(String overlay) {
		Manifests manifests = render(overlay);
		KubernetesChecks.everyTopicExistsReplicated(manifests);
		KubernetesChecks.kafkaIsReplicatedThreeTimes(manifests);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void everyObjectIsInTheInstancesNamespace(String overlay) {
		Manifests manifests = render(overlay);
		List<Map<String, Object>> namespaces = manifests.ofKind("Namespace");
		assertThat(namespaces).hasSize(1);
		String namespace = Manifests.name(namespaces.get(0));
		assertThat(namespace).contains(overlay);
		for (Map<String, Object> object : manifests.objects()) {
			if (!"Namespace".equals(object.get("kind"))) {
				assertThat(Documents.text(object, "metadata.namespace")).as(object.get("kind") + " " + Manifests.name(object))
					.isEqualTo(namespace);
			}
		}
		for (Map<String, Object> binding : manifests.ofKind("RoleBinding")) {
			for (Object subject : Documents.listAt(binding, "subjects")) {
				assertThat(Documents.text(subject, "namespace")).isEqualTo(namespace);
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void theInstanceIsNamedAndReachedAtItsOwnHost(String overlay) {
		Manifests manifests = render(overlay);
		Map<String, Object> config = manifests.configMapData("platform-config");
		assertThat(config).containsEntry("MENTORING_INSTANCE", overlay);
		assertThat(String.valueOf(config.get("MENTORING_ORGANISATION"))).startsWith("org-");
		assertThat(manifests.objects().toString()).as("no placeholder of the base is left").doesNotContain("set-in-overlay")
			.doesNotContain("example.org");
		String host = URI.create(String.valueOf(config.get("PUBLIC_URL"))).getHost();
		assertThat(config).containsEntry("PUBLIC_BASE_URL", config.get("PUBLIC_URL"));
		Map<String, Object> ingress = manifests.get("Ingress", "gateway");
		assertThat(Documents.listAt(ingress, "spec.rules").stream().map(r -> Documents.text(r, "host"))).containsExactly(host);
		assertThat(String.valueOf(Documents.listAt(ingress, "spec.tls"))).contains(host);
		assertThat(Documents.listAt(manifests.get("HTTPRoute", "gateway"), "spec.hostnames")).containsExactly(host);
		assertThat(URI.create(String.valueOf(config.get("ISSUER_URI"))).getScheme()).isEqualTo("https");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void accountsLiveInTheIssuersRealmAndTheLinkSignersShareOneSecret(String overlay) {
		Manifests manifests = render(overlay);
		KubernetesChecks.participantServiceManagesAccountsInTheIssuersRealm(manifests, manifests.configMapData("platform-config"));
		KubernetesChecks.everyLinkSignerReadsTheSameLinkSecret(manifests);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void secretsAreReferencedNeverWrittenAndKafkaMongoDbAndTheIngressSpeakTls(String overlay) {
		Manifests manifests = render(overlay);
		KubernetesChecks.secretsAreReferencedNeverWritten(manifests, manifests.configMaps());
		Map<String, Object> serviceConfig = manifests.configMapData("service-config");
		KubernetesChecks.kafkaSpeaksOnlyTlsWithSignedInClients(manifests, serviceConfig);
		KubernetesChecks.mongoDbSpeaksOnlyTls(manifests, serviceConfig);
		KubernetesChecks.theIngressServesTheGatewayOverTlsAndNoIdentityProvider(manifests);
		// the members' host names, which the driver checks against the certificate, hold the namespace
		String namespace = Manifests.name(manifests.ofKind("Namespace").get(0));
		Map<String, Object> mongodb = manifests.ofKind("MongoDBCommunity").get(0);
		String serverSecret = Documents.text(mongodb, "spec.security.tls.certificateKeySecretRef.name");
		Map<String, Object> certificate = manifests.ofKind("Certificate").stream()
			.filter(c -> serverSecret.equals(Documents.text(c, "spec.secretName")))
			.findFirst()
			.orElseThrow();
		assertThat(Documents.listAt(certificate, "spec.dnsNames"))
			.containsExactly("*." + Manifests.name(mongodb) + "-svc." + namespace + ".svc.cluster.local");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void onlyTheGatewayIsReachableFromOutside(String overlay) {
		KubernetesChecks.onlyTheGatewayIsReachableFromOutside(render(overlay));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void insideTheNamespaceThePodsReachExactlyWhatTheirSettingsCall(String overlay) {
		Manifests manifests = render(overlay);
		KubernetesChecks.podsReachExactlyWhatTheirSettingsCall(manifests, manifests.configMaps());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void everyPathTheGatewayServesIsRoutedToItByTheIngressAndTheHttpRoute(String overlay) {
		KubernetesChecks.everyPathTheGatewayServesIsRoutedToIt(render(overlay));
	}

	/** What a cluster of the supported versions would refuse to apply, found before anyone applies it. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void everyObjectIsValidAgainstTheSchemaOfItsApiVersionAndKind(String overlay) {
		Manifests manifests = render(overlay);
		assertThat(manifests.objects()).isNotEmpty();
		assertThat(KubernetesSchemas.violations(manifests)).as(overlay).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void theServicesUseTheirOwnStoreAndKafkaUsersAndNoSecretIsCommitted(String overlay) {
		Manifests manifests = render(overlay);
		KubernetesChecks.mongoDbIsAReplicaSetWithOneUserPerService(manifests);
		KubernetesChecks.eachServiceIsItsOwnKafkaUser(manifests);
		KubernetesChecks.noSecretIsCommitted(manifests);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void everyReferencedConfigMapIsRenderedAndEverySecretIsMadeByAnOperatorOrDocumented(String overlay) {
		Manifests manifests = render(overlay);
		Set<String> configMaps = new HashSet<>(manifests.ofKind("ConfigMap").stream().map(Manifests::name).toList());
		Set<String> operatorSecrets = new HashSet<>();
		manifests.ofKind("KafkaUser").forEach(u -> operatorSecrets.add(Manifests.name(u)));
		operatorSecrets.add(KubernetesChecks.kafkaClusterName(manifests) + "-cluster-ca-cert");
		// cert-manager's: the MongoDB members' certificate and its CA
		manifests.ofKind("Certificate").forEach(c -> operatorSecrets.add(Documents.text(c, "spec.secretName")));
		manifests.ofKind("MongoDBCommunity")
			.forEach(m -> Documents.listAt(m, "spec.users")
				.forEach(u -> operatorSecrets.add(Documents.text(u, "connectionStringSecretName"))));
		Set<String> userSecrets = new HashSet<>();
		manifests.ofKind("MongoDBCommunity")
			.forEach(m -> Documents.listAt(m, "spec.users")
				.forEach(u -> userSecrets.add(Documents.text(u, "passwordSecretRef.name"))));
		for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
			for (Map<String, Object> container : Manifests.containers(deployment)) {
				for (Object source : Documents.listAt(container, "envFrom")) {
					assertThat(configMaps).contains(Documents.text(source, "configMapRef.name"));
				}
				for (Object variable : Documents.listAt(container, "env")) {
					String secret = Documents.text(variable, "valueFrom.secretKeyRef.name");
					if (secret != null && !operatorSecrets.contains(secret)) {
						userSecrets.add(secret);
					}
				}
			}
			for (Object volume : Documents.listAt(deployment, "spec.template.spec.volumes")) {
				String secret = Documents.text(volume, "secret.secretName");
				if (secret != null && !operatorSecrets.contains(secret)) {
					userSecrets.add(secret);
				}
			}
		}
		for (Map<String, Object> ingress : manifests.ofKind("Ingress")) {
			for (Object tls : Documents.listAt(ingress, "spec.tls")) {
				userSecrets.add(Documents.text(tls, "secretName"));
			}
		}
		String operations = Repository.read("docs/operations.md");
		assertThat(new ArrayList<>(userSecrets)).as("secrets the operator of the instance creates, each named in docs/operations.md")
			.isNotEmpty()
			.allSatisfy(secret -> assertThat(operations).contains(secret.replace(overlay, "<instance>")));
	}

	private static Manifests render(String overlay) {
		assumeTrue(kustomize != null, "neither kubectl nor kustomize is installed");
		return RENDERED.computeIfAbsent(overlay, name -> {
			List<String> command = new ArrayList<>(kustomize);
			command.add(Manifests.K8S + "/overlays/" + name);
			Commands.Result result = Commands.run(command);
			assertThat(result.succeeded()).as(String.join(" ", command) + "\n" + result.output()).isTrue();
			return Manifests.parse(result.output());
		});
	}

}
