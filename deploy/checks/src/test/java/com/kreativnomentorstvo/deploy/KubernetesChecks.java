package com.kreativnomentorstvo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.kreativnomentorstvo.deploy.Platform.Module;

/**
 * What every rendering of the platform must satisfy, checked on the rendered overlays (where a
 * kubectl or kustomize binary is installed) and on the base's own files (always).
 */
final class KubernetesChecks {

	/** A URL whose host is a name inside the namespace (a Service's, if the manifests have one of that name). */
	private static final Pattern URL = Pattern.compile("https?://([a-z0-9-]+)(?::(\\d+))?(?:/.*)?");

	private KubernetesChecks() {
	}

	/** One Deployment per deployable module, each container with both probes and limits. */
	static void deploymentsHaveProbesAndLimits(Manifests manifests) {
		List<Map<String, Object>> deployments = manifests.ofKind("Deployment");
		assertThat(deployments.stream().map(Manifests::name))
			.containsExactlyInAnyOrderElementsOf(Platform.runnables().stream().map(Module::name).toList());
		for (Map<String, Object> deployment : deployments) {
			String name = Manifests.name(deployment);
			Module module = Platform.runnables().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
			assertThat(Manifests.containers(deployment)).as(name).isNotEmpty().allSatisfy(container -> {
				assertThat(Documents.text(container, "readinessProbe.httpGet.path")).as(name + " readiness")
					.isEqualTo("/actuator/health/readiness");
				assertThat(Documents.text(container, "livenessProbe.httpGet.path")).as(name + " liveness")
					.isEqualTo("/actuator/health/liveness");
				// the actuator answers on the management port where the module has one, and only there
				int actuator = actuatorPort(module, container);
				for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
					if (Documents.at(container, probe) != null) {
						assertThat(containerPort(container, Documents.text(container, probe + ".httpGet.port")))
							.as(name + " " + probe + " asks the actuator's port").isEqualTo(actuator);
					}
				}
				assertThat(Documents.text(container, "resources.limits.memory")).as(name + " memory limit").isNotBlank();
				assertThat(Documents.text(container, "resources.limits.cpu")).as(name + " cpu limit").isNotBlank();
				assertThat(Documents.text(container, "resources.requests.memory")).as(name + " memory request").isNotBlank();
				assertThat(Documents.text(container, "resources.requests.cpu")).as(name + " cpu request").isNotBlank();
				assertThat(Documents.text(container, "securityContext.readOnlyRootFilesystem")).isEqualTo("true");
				assertThat(Documents.text(container, "securityContext.allowPrivilegeEscalation")).isEqualTo("false");
				assertThat(Documents.listAt(container, "ports").stream().map(port -> (Integer) Documents.at(port, "containerPort")))
					.as(name + " listens on its API port and its actuator's")
					.containsExactlyInAnyOrderElementsOf(new java.util.TreeSet<>(List.of(module.port(), actuator)));
			});
			assertThat(Documents.text(deployment, "spec.template.spec.securityContext.runAsNonRoot")).as(name).isEqualTo("true");
			assertThat(Documents.text(deployment, "spec.template.spec.automountServiceAccountToken")).isEqualTo("false");
		}
	}

	/**
	 * The port a container's actuator listens on: the module's management port (its
	 * {@code MANAGEMENT_PORT} where the Deployment sets it), or its API port where it has none.
	 */
	private static int actuatorPort(Module module, Map<String, Object> container) {
		java.util.OptionalInt management = Platform.managementPort(module);
		if (management.isEmpty()) {
			return module.port();
		}
		return Documents.listAt(container, "env").stream()
			.filter(variable -> "MANAGEMENT_PORT".equals(Documents.text(variable, "name")))
			.map(variable -> Integer.parseInt(Documents.text(variable, "value")))
			.findFirst()
			.orElse(management.getAsInt());
	}

	/** The number of a container's port, given by number or by name. */
	private static int containerPort(Map<String, Object> container, String port) {
		if (port.matches("\\d+")) {
			return Integer.parseInt(port);
		}
		return Documents.listAt(container, "ports").stream()
			.filter(p -> port.equals(Documents.text(p, "name")))
			.map(p -> (Integer) Documents.at(p, "containerPort"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no container port named " + port));
	}

	/**
	 * Each Deployment can be scaled and drained: an autoscaler and a disruption budget target it. Not
	 * the web application yet: it keeps people's sessions in its memory, so it runs as one replica
	 * (and exactly one: a second would lose half the sessions) until the sessions are shared.
	 */
	static void deploymentsHaveAutoscalersAndDisruptionBudgets(Manifests manifests) {
		for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
			String name = Manifests.name(deployment);
			if (name.equals(Platform.web().name())) {
				assertThat((Integer) Documents.at(deployment, "spec.replicas")).as(name).isEqualTo(1);
				assertThat(manifests.ofKind("HorizontalPodAutoscaler"))
					.noneMatch(h -> name.equals(Documents.text(h, "spec.scaleTargetRef.name")));
				continue;
			}
			Map<String, Object> autoscaler = manifests.ofKind("HorizontalPodAutoscaler").stream()
				.filter(h -> name.equals(Documents.text(h, "spec.scaleTargetRef.name")))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no HorizontalPodAutoscaler for " + name));
			assertThat(Documents.text(autoscaler, "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
			assertThat((Integer) Documents.at(autoscaler, "spec.minReplicas")).as(name).isGreaterThanOrEqualTo(2);
			Map<String, Object> podLabels = Documents.mapAt(deployment, "spec.template.metadata.labels");
			assertThat(manifests.ofKind("PodDisruptionBudget")).as("a PodDisruptionBudget for " + name)
				.anySatisfy(budget -> assertThat(podLabels)
					.containsAllEntriesOf(Documents.mapAt(budget, "spec.selector.matchLabels")));
		}
	}

	/**
	 * Every topic of the event catalogue and every consumer group's dead-letter topic, with three
	 * replicas, two in sync, and enough partitions for the most replicas a consumer may scale to.
	 */
	static void everyTopicExistsReplicated(Manifests manifests) {
		Map<String, Map<String, Object>> topics = manifests.ofKind("KafkaTopic").stream()
			.collect(Collectors.toMap(t -> Objects.requireNonNullElse(Documents.text(t, "spec.topicName"), Manifests.name(t)),
					t -> t));
		int mostConsumerReplicas = Platform.consumers().stream()
			.map(m -> manifests.ofKind("HorizontalPodAutoscaler").stream()
				.filter(h -> m.name().equals(Documents.text(h, "spec.scaleTargetRef.name")))
				.map(h -> (Integer) Documents.at(h, "spec.maxReplicas"))
				.findFirst()
				.orElse(1))
			.max(Integer::compare)
			.orElse(1);
		for (String topic : Platform.requiredTopics()) {
			assertThat(topics).as("KafkaTopic for " + topic).containsKey(topic);
			Map<String, Object> resource = topics.get(topic);
			assertThat(Documents.at(resource, "spec.replicas")).as(topic + " replicas").isEqualTo(3);
			assertThat(Documents.mapAt(resource, "spec.config")).as(topic).containsEntry("min.insync.replicas", 2);
			assertThat((Integer) Documents.at(resource, "spec.partitions")).as(topic + " partitions")
				.isGreaterThanOrEqualTo(mostConsumerReplicas);
			assertThat(Documents.mapAt(resource, "metadata.labels")).containsEntry("strimzi.io/cluster", kafkaClusterName(manifests));
		}
		for (String topic : com.kreativnomentorstvo.events.Topics.ALL) {
			Map<String, Object> config = Documents.mapAt(topics.get(topic), "spec");
			Map<String, Object> topicConfig = Documents.map(config.get("config"));
			if (com.kreativnomentorstvo.events.Topics.COMPACTED.contains(topic)) {
				assertThat(topicConfig).as(topic).containsEntry("cleanup.policy", "compact");
			}
			else {
				assertThat(topicConfig).as(topic + " keeps its history").containsEntry("retention.ms", -1)
					.containsEntry("cleanup.policy", "delete");
			}
		}
	}

	static String kafkaClusterName(Manifests manifests) {
		List<Map<String, Object>> clusters = manifests.ofKind("Kafka");
		assertThat(clusters).hasSize(1);
		return Manifests.name(clusters.get(0));
	}

	/** The Kafka cluster keeps three copies of everything and refuses writes with fewer than two. */
	static void kafkaIsReplicatedThreeTimes(Manifests manifests) {
		Map<String, Object> kafka = manifests.ofKind("Kafka").get(0);
		Map<String, Object> config = Documents.mapAt(kafka, "spec.kafka");
		Map<String, Object> brokerConfig = Documents.map(config.get("config"));
		assertThat(brokerConfig).containsEntry("default.replication.factor", 3)
			.containsEntry("min.insync.replicas", 2)
			.containsEntry("offsets.topic.replication.factor", 3)
			.containsEntry("auto.create.topics.enable", false);
		int brokers = manifests.ofKind("KafkaNodePool").stream()
			.filter(pool -> Documents.listAt(pool, "spec.roles").contains("broker"))
			.mapToInt(pool -> (Integer) Documents.at(pool, "spec.replicas"))
			.sum();
		assertThat(brokers).isGreaterThanOrEqualTo(3);
		assertThat(Documents.listAt(manifests.ofKind("KafkaNodePool").get(0), "spec.roles")).contains("controller");
		// the v1 API has no nodes of the Kafka resource's own: a pool belongs to the cluster its label names
		assertThat(manifests.ofKind("KafkaNodePool")).allSatisfy(pool -> assertThat(Documents.mapAt(pool, "metadata.labels"))
			.as(Manifests.name(pool)).containsEntry("strimzi.io/cluster", Manifests.name(kafka)));
	}

	/** MongoDB through its operator: a replica set of three, one user per service on its own database. */
	static void mongoDbIsAReplicaSetWithOneUserPerService(Manifests manifests) {
		List<Map<String, Object>> replicaSets = manifests.ofKind("MongoDBCommunity");
		assertThat(replicaSets).hasSize(1);
		Map<String, Object> mongodb = replicaSets.get(0);
		assertThat(Documents.text(mongodb, "spec.type")).isEqualTo("ReplicaSet");
		assertThat((Integer) Documents.at(mongodb, "spec.members")).isGreaterThanOrEqualTo(3);
		List<Map<String, Object>> users = Documents.listAt(mongodb, "spec.users").stream().map(Documents::map).toList();
		for (Module service : Platform.services()) {
			Map<String, Object> deployment = manifests.get("Deployment", service.name());
			String secret = secretOf(deployment, "MONGODB_URI");
			Map<String, Object> user = users.stream()
				.filter(u -> secret.equals(u.get("connectionStringSecretName")))
				.findFirst()
				.orElseThrow(() -> new AssertionError(service.name() + " reads MONGODB_URI from " + secret
						+ ", which no MongoDB user's connectionStringSecretName writes"));
			assertThat(Documents.listAt(user, "roles")).as(service.name() + " reads and writes its own database only")
				.containsExactly(Map.of("name", "readWrite", "db", service.database()));
		}
		// the members' agents run under an account of the manifests with its Role, not under whatever account the
		// operator's installation made (MCK's default differs from the retired Community operator's)
		String account = Documents.text(mongodb, "spec.statefulSet.spec.template.spec.serviceAccountName");
		assertThat(account).as("the replica set's pods name their ServiceAccount").isNotBlank();
		assertThat(manifests.find("ServiceAccount", account)).as("ServiceAccount " + account).isPresent();
		assertThat(manifests.ofKind("RoleBinding")).as("a Role bound to " + account)
			.anySatisfy(binding -> assertThat(Documents.listAt(binding, "subjects"))
				.anySatisfy(subject -> assertThat(Documents.text(subject, "name")).isEqualTo(account)));
	}

	/**
	 * Each service authenticates to Kafka as its own KafkaUser (SCRAM-SHA-512), which may do exactly
	 * what the service's code needs (the same permissions as docker-compose's users.conf); the cluster
	 * authorizes every request and has no super user of its own.
	 */
	static void eachServiceIsItsOwnKafkaUser(Manifests manifests) {
		Set<Platform.KafkaPermission> granted = new TreeSet<>();
		for (Module service : Platform.services()) {
			String secret = secretOf(manifests.get("Deployment", service.name()), "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
			assertThat(secret).as(service.name() + " signs in as the KafkaUser of its name").isEqualTo(service.name());
			Map<String, Object> user = manifests.get("KafkaUser", secret);
			assertThat(Documents.text(user, "spec.authentication.type")).isEqualTo("scram-sha-512");
			assertThat(Documents.text(user, "spec.authorization.type")).isEqualTo("simple");
			for (Object acl : Documents.listAt(user, "spec.authorization.acls")) {
				assertThat(Documents.text(acl, "type")).as(service.name() + ": only grants").isIn(null, "allow");
				assertThat(Documents.text(acl, "resource.patternType")).as(service.name() + ": literal names only")
					.isEqualTo("literal");
				assertThat(Documents.text(acl, "host")).isIn(null, "*");
				for (Object operation : Documents.listAt(acl, "operations")) {
					granted.add(new Platform.KafkaPermission(service.name(), String.valueOf(operation),
							Documents.text(acl, "resource.type"), Documents.text(acl, "resource.name")));
				}
			}
		}
		assertThat(granted).as("what the KafkaUsers grant").containsExactlyElementsOf(Platform.kafkaPermissions());
		assertThat(manifests.ofKind("KafkaUser")).hasSize(Platform.services().size());
		Map<String, Object> kafka = manifests.ofKind("Kafka").get(0);
		assertThat(Documents.text(kafka, "spec.kafka.authorization.type")).isEqualTo("simple");
		assertThat(Documents.listAt(kafka, "spec.kafka.authorization.superUsers")).isEmpty();
	}

	/**
	 * Kafka is reached only over TLS, each client signed in: every listener of the cluster encrypts and
	 * authenticates, and the services verify the broker with the cluster CA Strimzi writes.
	 */
	static void kafkaSpeaksOnlyTlsWithSignedInClients(Manifests manifests, Map<String, ?> serviceConfig) {
		Map<String, Object> kafka = manifests.ofKind("Kafka").get(0);
		List<Object> listeners = Documents.listAt(kafka, "spec.kafka.listeners");
		assertThat(listeners).isNotEmpty().allSatisfy(listener -> {
			assertThat(Documents.text(listener, "tls")).as(Documents.text(listener, "name")).isEqualTo("true");
			assertThat(Documents.text(listener, "authentication.type")).as(Documents.text(listener, "name"))
				.isIn("scram-sha-512", "tls");
			assertThat(Documents.text(listener, "type")).as("reached inside the cluster only").isEqualTo("internal");
		});
		SpringEnvironment spring = new SpringEnvironment(serviceConfig);
		Map<String, String> clients = spring.map("spring.kafka.properties");
		assertThat(clients).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512");
		String truststore = clients.get("ssl.truststore.location");
		for (Module service : Platform.services()) {
			Map<String, Object> deployment = manifests.get("Deployment", service.name());
			assertThat(mountedSecretFile(deployment, truststore)).as(service.name() + " trusts the cluster CA")
				.isEqualTo(kafkaClusterName(manifests) + "-cluster-ca-cert/ca.crt");
		}
	}

	/**
	 * MongoDB speaks TLS only (no optional plain connections) with certificates cert-manager makes in
	 * the namespace, and every service verifies it: Spring Boot's SSL bundle "mongodb" trusts the CA
	 * that signed the members' certificate, mounted from the certificate's secret.
	 */
	static void mongoDbSpeaksOnlyTls(Manifests manifests, Map<String, ?> serviceConfig) {
		Map<String, Object> mongodb = manifests.ofKind("MongoDBCommunity").get(0);
		assertThat(Documents.text(mongodb, "spec.security.tls.enabled")).isEqualTo("true");
		assertThat(Documents.text(mongodb, "spec.security.tls.optional")).isIn(null, "false");
		Map<String, Map<String, Object>> certificates = new java.util.HashMap<>();
		manifests.ofKind("Certificate").forEach(c -> certificates.put(Documents.text(c, "spec.secretName"), c));
		String serverSecret = Documents.text(mongodb, "spec.security.tls.certificateKeySecretRef.name");
		String caSecret = Documents.text(mongodb, "spec.security.tls.caCertificateSecretRef.name");
		assertThat(certificates).as("cert-manager makes the members' certificate and its CA").containsKeys(serverSecret, caSecret);
		assertThat(Documents.text(certificates.get(caSecret), "spec.isCA")).isEqualTo("true");
		String issuer = Documents.text(certificates.get(serverSecret), "spec.issuerRef.name");
		assertThat(manifests.get("Issuer", issuer)).satisfies(i -> assertThat(Documents.text(i, "spec.ca.secretName")).isEqualTo(caSecret));
		assertThat(Documents.listAt(certificates.get(serverSecret), "spec.dnsNames")).singleElement()
			.satisfies(name -> assertThat(String.valueOf(name)).startsWith("*." + Manifests.name(mongodb) + "-svc.")
				.endsWith(".svc.cluster.local"));

		SpringEnvironment spring = new SpringEnvironment(serviceConfig);
		assertThat(spring.value("spring.mongodb.ssl.enabled")).isEqualTo("true");
		String bundle = spring.value("spring.mongodb.ssl.bundle");
		assertThat(bundle).isNotBlank();
		String certificate = spring.value("spring.ssl.bundle.pem." + bundle + ".truststore.certificate");
		assertThat(certificate).as("the bundle's trusted certificate").startsWith("file:");
		for (Module service : Platform.services()) {
			Map<String, Object> deployment = manifests.get("Deployment", service.name());
			assertThat(mountedSecretFile(deployment, certificate.substring("file:".length())))
				.as(service.name() + " trusts the CA of MongoDB's certificate").isEqualTo(serverSecret + "/ca.crt");
		}
	}

	/** The Secret and key a file of a Deployment's container comes from, as "secret/key". */
	private static String mountedSecretFile(Map<String, Object> deployment, String file) {
		Map<String, Object> container = Manifests.containers(deployment).get(0);
		for (Object mount : Documents.listAt(container, "volumeMounts")) {
			String path = Documents.text(mount, "mountPath");
			if (!file.startsWith(path + "/")) {
				continue;
			}
			String relative = file.substring(path.length() + 1);
			for (Object volume : Documents.listAt(deployment, "spec.template.spec.volumes")) {
				if (!Documents.text(volume, "name").equals(Documents.text(mount, "name")) || Documents.at(volume, "secret") == null) {
					continue;
				}
				for (Object item : Documents.listAt(volume, "secret.items")) {
					if (relative.equals(Documents.text(item, "path"))) {
						return Documents.text(volume, "secret.secretName") + "/" + Documents.text(item, "key");
					}
				}
			}
		}
		return null;
	}

	/**
	 * Secrets are referenced, never written into the manifests: every variable that holds a secret
	 * (a password, secret, JAAS configuration or connection string) comes from a Secret, and none of
	 * those references is optional (a missing Secret stops the pod instead of leaving a service with a
	 * local-development default); SMTP's credentials, which a relay may not need, are the exception.
	 * No ConfigMap holds a secret.
	 */
	static void secretsAreReferencedNeverWritten(Manifests manifests, Map<String, Map<String, ?>> configMaps) {
		Pattern secretName = Pattern.compile(".*(PASSWORD|SECRET|JAAS|CREDENTIAL|TOKEN_VALUE).*|MONGODB_URI|.*_KEY");
		for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
			for (Map<String, Object> container : Manifests.containers(deployment)) {
				for (Object variable : Documents.listAt(container, "env")) {
					String name = Documents.text(variable, "name");
					if (!secretName.matcher(name).matches()) {
						continue;
					}
					String where = Manifests.name(deployment) + " " + name;
					assertThat(Documents.at(variable, "value")).as(where + " written into the manifest").isNull();
					assertThat(Documents.text(variable, "valueFrom.secretKeyRef.name")).as(where + " from a Secret").isNotBlank();
					if (!name.startsWith("SMTP_")) {
						assertThat(Documents.text(variable, "valueFrom.secretKeyRef.optional")).as(where + " is required")
							.isIn(null, "false");
					}
				}
				for (Object source : Documents.listAt(container, "envFrom")) {
					assertThat(Documents.at(source, "secretRef")).as(Manifests.name(deployment) + ": whole Secrets as variables")
						.isNull();
				}
			}
		}
		configMaps.forEach((configMap, data) -> data.forEach((key, value) -> {
			assertThat(key).as(configMap).doesNotMatch(secretName);
			assertThat(String.valueOf(value)).as(configMap + " " + key).doesNotContainIgnoringCase("password")
				.doesNotContainPattern("://[^/@\\s]+:[^/@\\s]+@");
		}));
	}

	/**
	 * The Ingress serves the gateway only, over TLS for every host it routes, and the HTTPRoute serves
	 * the same hosts through the HTTPS listener of its Gateway (which holds the certificate); nothing of
	 * an identity provider (Keycloak's /admin, /realms, /resources) goes through either: the instance's
	 * Keycloak is run and exposed on its own, its admin console never with the platform.
	 */
	static void theIngressServesTheGatewayOverTlsAndNoIdentityProvider(Manifests manifests) {
		List<Map<String, Object>> ingresses = manifests.ofKind("Ingress");
		assertThat(ingresses).isNotEmpty();
		Set<String> hosts = new TreeSet<>();
		for (Map<String, Object> ingress : ingresses) {
			Set<String> secured = new TreeSet<>();
			for (Object tls : Documents.listAt(ingress, "spec.tls")) {
				assertThat(Documents.text(tls, "secretName")).isNotBlank();
				Documents.listAt(tls, "hosts").forEach(host -> secured.add(String.valueOf(host)));
			}
			for (Object rule : Documents.listAt(ingress, "spec.rules")) {
				assertThat(secured).as("TLS for " + Documents.text(rule, "host")).contains(Documents.text(rule, "host"));
				hosts.add(Documents.text(rule, "host"));
			}
		}
		List<Map<String, Object>> httpRoutes = manifests.ofKind("HTTPRoute");
		assertThat(httpRoutes).isNotEmpty();
		for (Map<String, Object> route : httpRoutes) {
			assertThat(Documents.listAt(route, "spec.parentRefs")).as(Manifests.name(route) + " attaches to a Gateway's HTTPS listener")
				.isNotEmpty()
				.allSatisfy(parent -> {
					assertThat(Documents.text(parent, "kind")).isIn(null, "Gateway");
					assertThat(Documents.text(parent, "sectionName")).isEqualTo("https");
				});
			assertThat(Documents.listAt(route, "spec.hostnames")).as(Manifests.name(route) + " serves the Ingress's hosts")
				.containsExactlyInAnyOrderElementsOf(hosts);
		}
		for (Route route : routes(manifests)) {
			assertThat(route.path()).as(route.toString()).doesNotStartWith("/admin").doesNotStartWith("/realms")
				.doesNotStartWith("/resources").doesNotStartWith("/auth");
		}
		assertThat(manifests.objects().stream().map(o -> Manifests.name(o)))
			.as("no identity provider in the platform's manifests").noneMatch(name -> name.contains("keycloak"));
	}

	/**
	 * Nothing but the gateway is reachable from outside the namespace: a default deny, the ingress
	 * controller and the proxies of the HTTPRoute's Gateway to the gateway, Prometheus to metrics
	 * ports; the Ingress and the HTTPRoute route only to the gateway, never to its actuator.
	 */
	static void onlyTheGatewayIsReachableFromOutside(Manifests manifests) {
		Set<String> entrances = new TreeSet<>(Set.of("ingress-nginx"));
		manifests.ofKind("HTTPRoute")
			.forEach(route -> Documents.listAt(route, "spec.parentRefs")
				.forEach(parent -> entrances.add(Objects.requireNonNull(Documents.text(parent, "namespace"),
						Manifests.name(route) + ": the Gateway's namespace"))));
		List<Map<String, Object>> policies = manifests.ofKind("NetworkPolicy");
		assertThat(policies).as("a default deny").anySatisfy(policy -> {
			assertThat(Documents.mapAt(policy, "spec.podSelector")).isEmpty();
			assertThat(Documents.listAt(policy, "spec.policyTypes")).contains("Ingress");
			assertThat(Documents.at(policy, "spec.ingress")).isNull();
		});
		for (Map<String, Object> policy : policies) {
			for (Object rule : Documents.listAt(policy, "spec.ingress")) {
				for (Object peer : Documents.listAt(rule, "from")) {
					Map<String, Object> namespaces = Documents.mapAt(peer, "namespaceSelector");
					if (Documents.at(peer, "namespaceSelector") == null && Documents.at(peer, "ipBlock") == null) {
						continue; // pods of this namespace
					}
					assertThat(Documents.at(peer, "ipBlock")).as(Manifests.name(policy) + " admits addresses").isNull();
					String namespace = String.valueOf(Documents.mapAt(namespaces, "matchLabels").get("kubernetes.io/metadata.name"));
					if ("monitoring".equals(namespace)) {
						continue; // Prometheus scraping metrics
					}
					assertThat(namespace).as(Manifests.name(policy) + " admits another namespace").isIn(entrances);
					assertThat(Documents.mapAt(policy, "spec.podSelector.matchLabels"))
						.as("only the gateway is open to the ingress controller and the Gateway")
						.containsEntry("app.kubernetes.io/name", "gateway");
				}
			}
		}
		int gateway = servicePort(manifests, "gateway", "http");
		for (Route route : routes(manifests)) {
			assertThat(route.backend()).as(route.toString()).isEqualTo("gateway:" + gateway);
			assertThat(route.path()).as(route.toString()).doesNotStartWith("/actuator");
		}
		for (Map<String, Object> service : manifests.ofKind("Service")) {
			assertThat(Documents.text(service, "spec.type")).as(Manifests.name(service)).isIn(null, "ClusterIP");
		}
		// the kubelet and Prometheus reach the gateway's actuator on its pods; no Service leads there
		Platform.managementPort(Platform.gateway())
			.ifPresent(management -> assertThat(Documents.listAt(manifests.get("Service", "gateway"), "spec.ports"))
				.allSatisfy(port -> assertThat(Documents.text(port, "targetPort")).as("the gateway Service's target port")
					.isNotIn("management", String.valueOf(management))));
	}

	/**
	 * Inside the namespace, the NetworkPolicies let a pod of the platform open exactly the connections
	 * its settings make: every variable of a Deployment (its own, or of a ConfigMap it reads whole) whose
	 * value is a URL naming a Service of the manifests is a call to that Service's pods on its target
	 * port, and the policies' pod peers admit those calls and no other between the platform's pods. The
	 * calls themselves: the gateway reaches each service and the web application; the web application
	 * reaches each service directly (the gateway's route table, with the person's token) and nothing
	 * else of the platform, not the gateway.
	 */
	static void podsReachExactlyWhatTheirSettingsCall(Manifests manifests, Map<String, ? extends Map<String, ?>> configMaps) {
		Set<String> calls = calls(manifests, configMaps);
		String gateway = Platform.gateway().name();
		String web = Platform.web().name();
		Set<String> expectedFromWeb = new TreeSet<>();
		for (Module service : Platform.services()) {
			String callee = " -> " + service.name() + ":" + service.port();
			assertThat(calls).as("the gateway routes to " + service.name()).contains(gateway + callee);
			expectedFromWeb.add(web + callee);
		}
		assertThat(calls).as("the gateway sends the pages' paths to the web application")
			.contains(gateway + " -> " + web + ":" + Platform.web().port());
		assertThat(calls.stream().filter(call -> call.startsWith(web + " -> ")))
			.as("the web application calls each service at the address the gateway routes to, and nothing else of the platform")
			.containsExactlyInAnyOrderElementsOf(expectedFromWeb);
		assertThat(admitted(manifests)).as("what the NetworkPolicies admit between the platform's pods")
			.containsExactlyInAnyOrderElementsOf(calls);
	}

	/**
	 * The connections the platform's pods are configured to open to each other, as
	 * "caller -> callee:container port": each URL of a Deployment's settings whose host is a Service.
	 */
	private static Set<String> calls(Manifests manifests, Map<String, ? extends Map<String, ?>> configMaps) {
		Set<String> calls = new TreeSet<>();
		for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
			for (Map<String, Object> container : Manifests.containers(deployment)) {
				Map<String, String> settings = new java.util.LinkedHashMap<>();
				for (Object source : Documents.listAt(container, "envFrom")) {
					String configMap = Documents.text(source, "configMapRef.name");
					if (configMap != null) {
						assertThat(configMaps).as(Manifests.name(deployment) + " reads ConfigMap " + configMap).containsKey(configMap);
						configMaps.get(configMap).forEach((key, value) -> settings.put(key, String.valueOf(value)));
					}
				}
				for (Object variable : Documents.listAt(container, "env")) {
					if (Documents.at(variable, "value") != null) {
						settings.put(Documents.text(variable, "name"), Documents.text(variable, "value"));
					}
				}
				settings.forEach((name, value) -> {
					java.util.regex.Matcher url = URL.matcher(value);
					if (!url.matches() || manifests.find("Service", url.group(1)).isEmpty()) {
						return;
					}
					Map<String, Object> service = manifests.get("Service", url.group(1));
					int port = url.group(2) != null ? Integer.parseInt(url.group(2)) : 80;
					String target = Documents.listAt(service, "spec.ports").stream()
						.filter(p -> Integer.valueOf(port).equals(Documents.at(p, "port")))
						.map(p -> Objects.requireNonNullElse(Documents.text(p, "targetPort"), String.valueOf(port)))
						.findFirst()
						.orElseThrow(() -> new AssertionError(Manifests.name(deployment) + " " + name + ": Service "
								+ Manifests.name(service) + " has no port " + port));
					List<Map<String, Object>> callees = manifests.ofKind("Deployment").stream()
						.filter(callee -> podLabels(callee).entrySet()
							.containsAll(Documents.mapAt(service, "spec.selector").entrySet()))
						.toList();
					assertThat(callees).as(Manifests.name(deployment) + " " + name + ": the pods of Service " + url.group(1))
						.isNotEmpty();
					for (Map<String, Object> callee : callees) {
						calls.add(Manifests.name(deployment) + " -> " + Manifests.name(callee) + ":"
								+ containerPort(Manifests.containers(callee).get(0), target));
					}
				});
			}
		}
		return calls;
	}

	/**
	 * The connections between the platform's pods the NetworkPolicies admit, as "caller -> callee:port":
	 * each pod peer (peers in other namespaces are {@link #onlyTheGatewayIsReachableFromOutside}'s) to
	 * each pod a policy selects, on each port of the rule the pod listens on (every port where the rule
	 * names none; every pod where it names no peer).
	 */
	private static Set<String> admitted(Manifests manifests) {
		List<Map<String, Object>> pods = manifests.ofKind("Deployment");
		Set<String> admitted = new TreeSet<>();
		for (Map<String, Object> policy : manifests.ofKind("NetworkPolicy")) {
			List<Map<String, Object>> callees = pods.stream()
				.filter(pod -> selects(Documents.mapAt(policy, "spec.podSelector"), podLabels(pod)))
				.toList();
			for (Object rule : Documents.listAt(policy, "spec.ingress")) {
				List<Object> peers = Documents.at(rule, "from") == null ? List.of(Map.of("podSelector", Map.of()))
						: Documents.listAt(rule, "from");
				for (Object peer : peers) {
					if (Documents.at(peer, "namespaceSelector") != null || Documents.at(peer, "ipBlock") != null) {
						continue;
					}
					for (Map<String, Object> caller : pods) {
						if (!selects(Documents.mapAt(peer, "podSelector"), podLabels(caller))) {
							continue;
						}
						for (Map<String, Object> callee : callees) {
							portsAdmitted(rule, Manifests.containers(callee).get(0)).forEach(port -> admitted
								.add(Manifests.name(caller) + " -> " + Manifests.name(callee) + ":" + port));
						}
					}
				}
			}
		}
		return admitted;
	}

	/** The ports of the container that an ingress rule admits: those it names (by number or name), or all. */
	private static List<Integer> portsAdmitted(Object rule, Map<String, Object> container) {
		List<Integer> listening = Documents.listAt(container, "ports").stream()
			.map(p -> (Integer) Documents.at(p, "containerPort"))
			.toList();
		boolean everyPort = Documents.at(rule, "ports") == null
				|| Documents.listAt(rule, "ports").stream().anyMatch(p -> Documents.at(p, "port") == null);
		if (everyPort) {
			return listening;
		}
		return Documents.listAt(rule, "ports").stream()
			.map(p -> Documents.text(p, "port"))
			.filter(port -> port.matches("\\d+") || Documents.listAt(container, "ports").stream()
				.anyMatch(named -> port.equals(Documents.text(named, "name"))))
			.map(port -> containerPort(container, port))
			.filter(listening::contains)
			.toList();
	}

	private static Map<String, Object> podLabels(Map<String, Object> deployment) {
		return Documents.mapAt(deployment, "spec.template.metadata.labels");
	}

	/** Whether a label selector (matchLabels, matchExpressions In/NotIn/Exists/DoesNotExist) selects the labels. */
	private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
		if (!labels.entrySet().containsAll(Documents.mapAt(selector, "matchLabels").entrySet())) {
			return false;
		}
		for (Object expression : Documents.listAt(selector, "matchExpressions")) {
			Object value = labels.get(Documents.text(expression, "key"));
			List<Object> values = Documents.listAt(expression, "values");
			boolean matches = switch (Documents.text(expression, "operator")) {
				case "In" -> value != null && values.contains(value);
				case "NotIn" -> value == null || !values.contains(value);
				case "Exists" -> value != null;
				case "DoesNotExist" -> value == null;
				default -> throw new AssertionError("unknown selector operator in " + expression);
			};
			if (!matches) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Every path the gateway serves on its API port ({@link Platform#gatewayPaths()}) reaches it through
	 * the Ingress and through the HTTPRoute, each by a rule of its own: the catch-all "/" is the web
	 * application's (the gateway serves it too, so it leads there), and it can be given to a web
	 * application of its own without taking the API or its documents along. Every other rule leads to
	 * something the gateway serves: no rule outlives a path the gateway dropped.
	 */
	static void everyPathTheGatewayServesIsRoutedToIt(Manifests manifests) {
		Set<String> patterns = Platform.gatewayPaths();
		assertThat(patterns).as("what the gateway serves, read from its code").contains("/api/**", "/v3/api-docs/**");
		String gateway = "gateway:" + servicePort(manifests, "gateway", "http");
		org.springframework.util.AntPathMatcher matcher = new org.springframework.util.AntPathMatcher();
		for (String kind : List.of("Ingress", "HTTPRoute")) {
			List<Route> routes = routes(manifests).stream().filter(r -> r.source().startsWith(kind + " ")).toList();
			assertThat(routes).as(kind + ": the web application's catch-all").anySatisfy(route -> {
				assertThat(route.isCatchAll()).isTrue();
				assertThat(route.backend()).isEqualTo(gateway);
			});
			for (String pattern : patterns) {
				for (String request : requestsFor(pattern)) {
					Route chosen = routes.stream()
						.filter(route -> !route.isCatchAll() && route.matches(request))
						.max(java.util.Comparator.comparingInt((Route route) -> route.path().length()).thenComparing(Route::exact))
						.orElseThrow(() -> new AssertionError(kind + ": no rule of its own for " + request + " (the gateway serves "
								+ pattern + ")"));
					assertThat(chosen.backend()).as(kind + " " + request).isEqualTo(gateway);
				}
			}
			for (Route route : routes) {
				if (!route.isCatchAll()) {
					assertThat(patterns).as(route + " leads to a path the gateway serves")
						.anySatisfy(pattern -> assertThat(matcher.match(pattern, route.path())
								|| requestsFor(pattern).stream().anyMatch(route::matches)).isTrue());
				}
			}
		}
	}

	/**
	 * Requests a Spring path pattern matches: its wildcards and variables filled in, a trailing
	 * {@code /**} both left out and filled.
	 */
	private static List<String> requestsFor(String pattern) {
		List<String> requests = new java.util.ArrayList<>();
		if (pattern.endsWith("/**")) {
			String parent = pattern.substring(0, pattern.length() - "/**".length());
			requests.add(fill(parent.isEmpty() ? "/" : parent));
		}
		requests.add(fill(pattern));
		return requests;
	}

	private static String fill(String pattern) {
		return pattern.replace("**", "any/thing").replaceAll("\\{[^}]*}", "any").replace("*", "any");
	}

	/**
	 * One path rule of an Ingress or an HTTPRoute: an exact path, or a prefix matched element by element
	 * (as both APIs define Prefix and PathPrefix), and the Service port it leads to.
	 */
	record Route(String source, String path, boolean exact, String backend) {

		boolean matches(String request) {
			if (exact) {
				return request.equals(path);
			}
			String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
			return prefix.isEmpty() || request.equals(prefix) || request.startsWith(prefix + "/");
		}

		boolean isCatchAll() {
			return !exact && "/".equals(path);
		}

	}

	/** Every path rule of every Ingress and HTTPRoute, with the Service port (as name:number) it leads to. */
	static List<Route> routes(Manifests manifests) {
		List<Route> routes = new java.util.ArrayList<>();
		for (Map<String, Object> ingress : manifests.ofKind("Ingress")) {
			String source = "Ingress " + Manifests.name(ingress);
			for (Object rule : Documents.listAt(ingress, "spec.rules")) {
				for (Object path : Documents.listAt(rule, "http.paths")) {
					String type = Documents.text(path, "pathType");
					assertThat(type).as(source + " " + Documents.text(path, "path") + ": a path type both controllers read alike")
						.isIn("Exact", "Prefix");
					String service = Documents.text(path, "backend.service.name");
					String port = Objects.requireNonNullElseGet(Documents.text(path, "backend.service.port.number"),
							() -> String.valueOf(servicePort(manifests, service, Documents.text(path, "backend.service.port.name"))));
					routes.add(new Route(source, Documents.text(path, "path"), "Exact".equals(type), service + ":" + port));
				}
			}
		}
		for (Map<String, Object> httpRoute : manifests.ofKind("HTTPRoute")) {
			String source = "HTTPRoute " + Manifests.name(httpRoute);
			for (Object rule : Documents.listAt(httpRoute, "spec.rules")) {
				List<Object> backends = Documents.listAt(rule, "backendRefs");
				assertThat(backends).as(source + ": one backend per rule").hasSize(1);
				assertThat(Documents.text(backends.get(0), "kind")).isIn(null, "Service");
				String backend = Documents.text(backends.get(0), "name") + ":" + Documents.text(backends.get(0), "port");
				List<Object> matches = Documents.listAt(rule, "matches");
				assertThat(matches).as(source + ": every rule names its paths").isNotEmpty();
				for (Object match : matches) {
					assertThat(Documents.map(match).keySet()).as(source + ": the path alone decides").containsOnly("path");
					String type = Objects.requireNonNullElse(Documents.text(match, "path.type"), "PathPrefix");
					assertThat(type).as(source).isIn("Exact", "PathPrefix");
					routes.add(new Route(source, Objects.requireNonNullElse(Documents.text(match, "path.value"), "/"),
							"Exact".equals(type), backend));
				}
			}
		}
		return routes;
	}

	/** The number of a Service's port, given by its name. */
	private static int servicePort(Manifests manifests, String service, String name) {
		return Documents.listAt(manifests.get("Service", service), "spec.ports").stream()
			.filter(port -> name.equals(Documents.text(port, "name")))
			.map(port -> (Integer) Documents.at(port, "port"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("Service " + service + " has no port named " + name));
	}

	/**
	 * Every service that signs or checks the links of account e-mails reads {@code LINK_SECRET} from
	 * one and the same key of one Secret: a link notification-service signs is one participant-service accepts.
	 */
	static void everyLinkSignerReadsTheSameLinkSecret(Manifests manifests) {
		Set<String> sources = new TreeSet<>();
		for (Module service : Platform.linkSigners()) {
			Map<String, Object> variable = variable(manifests.get("Deployment", service.name()), "LINK_SECRET");
			String secret = Documents.text(variable, "valueFrom.secretKeyRef.name");
			assertThat(secret).as(service.name() + " reads LINK_SECRET from a Secret").isNotNull();
			sources.add(secret + "/" + Documents.text(variable, "valueFrom.secretKeyRef.key"));
		}
		assertThat(sources).as("where the services that sign or check links read LINK_SECRET").hasSize(1);
	}

	/**
	 * participant-service manages people's accounts in the Keycloak realm that issues the tokens, as
	 * the realm's client participant-service, with a secret from a Secret; it also knows the public URL.
	 */
	static void participantServiceManagesAccountsInTheIssuersRealm(Manifests manifests, Map<String, ?> platformConfig) {
		Map<String, Object> deployment = manifests.get("Deployment", "participant-service");
		assertThat(Documents.text(variable(deployment, "ACCOUNTS_PROVIDER"), "value")).isEqualTo("keycloak");
		assertThat(Documents.text(variable(deployment, "ACCOUNTS_CLIENT_ID"), "value")).isEqualTo("participant-service");
		assertThat(secretOf(deployment, "ACCOUNTS_CLIENT_SECRET")).isNotBlank();
		assertThat(Manifests.containers(deployment).get(0).toString()).contains("platform-config");
		assertThat(platformConfig).containsKeys("KEYCLOAK_URL", "KEYCLOAK_REALM", "PUBLIC_URL");
		assertThat(String.valueOf(platformConfig.get("ISSUER_URI"))).as("the issuer is the realm's")
			.isEqualTo(platformConfig.get("KEYCLOAK_URL") + "/realms/" + platformConfig.get("KEYCLOAK_REALM"));
	}

	private static Map<String, Object> variable(Map<String, Object> deployment, String name) {
		return Manifests.containers(deployment).stream()
			.flatMap(c -> Documents.listAt(c, "env").stream())
			.map(Documents::map)
			.filter(e -> name.equals(e.get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError(Manifests.name(deployment) + " has no variable " + name));
	}

	/** Secrets are referenced, never shipped: no Secret object is part of the manifests. */
	static void noSecretIsCommitted(Manifests manifests) {
		assertThat(manifests.ofKind("Secret")).isEmpty();
	}

	static String secretOf(Map<String, Object> deployment, String variable) {
		return Manifests.containers(deployment).stream()
			.flatMap(c -> Documents.listAt(c, "env").stream())
			.filter(e -> variable.equals(Documents.text(e, "name")))
			.map(e -> Documents.text(e, "valueFrom.secretKeyRef.name"))
			.filter(Objects::nonNull)
			.findFirst()
			.orElseThrow(() -> new AssertionError(Manifests.name(deployment) + " reads no secret into " + variable));
	}

}
