package com.kreativnomentorstvo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.kreativnomentorstvo.deploy.Platform.Module;

/**
 * What every rendering of the platform must satisfy, checked on the rendered overlays (where a
 * kubectl or kustomize binary is installed) and on the base's own files (always).
 */
final class KubernetesChecks {

	private KubernetesChecks() {
	}

	/** One Deployment per deployable module, each container with both probes and limits. */
	static void deploymentsHaveProbesAndLimits(Manifests manifests) {
		List<Map<String, Object>> deployments = manifests.ofKind("Deployment");
		assertThat(deployments.stream().map(Manifests::name))
			.containsExactlyInAnyOrderElementsOf(Platform.deployables().stream().map(Module::name).toList());
		for (Map<String, Object> deployment : deployments) {
			String name = Manifests.name(deployment);
			Module module = Platform.deployables().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
			assertThat(Manifests.containers(deployment)).as(name).isNotEmpty().allSatisfy(container -> {
				assertThat(Documents.text(container, "readinessProbe.httpGet.path")).as(name + " readiness")
					.isEqualTo("/actuator/health/readiness");
				assertThat(Documents.text(container, "livenessProbe.httpGet.path")).as(name + " liveness")
					.isEqualTo("/actuator/health/liveness");
				assertThat(Documents.text(container, "resources.limits.memory")).as(name + " memory limit").isNotBlank();
				assertThat(Documents.text(container, "resources.limits.cpu")).as(name + " cpu limit").isNotBlank();
				assertThat(Documents.text(container, "resources.requests.memory")).as(name + " memory request").isNotBlank();
				assertThat(Documents.text(container, "resources.requests.cpu")).as(name + " cpu request").isNotBlank();
				assertThat(Documents.text(container, "securityContext.readOnlyRootFilesystem")).isEqualTo("true");
				assertThat(Documents.text(container, "securityContext.allowPrivilegeEscalation")).isEqualTo("false");
				assertThat(Documents.listAt(container, "ports").stream()
					.map(port -> Documents.text(port, "containerPort"))).containsExactly(String.valueOf(module.port()));
			});
			assertThat(Documents.text(deployment, "spec.template.spec.securityContext.runAsNonRoot")).as(name).isEqualTo("true");
			assertThat(Documents.text(deployment, "spec.template.spec.automountServiceAccountToken")).isEqualTo("false");
		}
	}

	/** Each Deployment can be scaled and drained: an autoscaler and a disruption budget target it. */
	static void deploymentsHaveAutoscalersAndDisruptionBudgets(Manifests manifests) {
		for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
			String name = Manifests.name(deployment);
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
		assertThat(Documents.mapAt(kafka, "metadata.annotations")).containsEntry("strimzi.io/node-pools", "enabled");
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
	}

	/** Each service authenticates to Kafka as its own KafkaUser, which may write its dead letters. */
	static void eachServiceIsItsOwnKafkaUser(Manifests manifests) {
		for (Module service : Platform.services()) {
			String secret = secretOf(manifests.get("Deployment", service.name()), "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
			Map<String, Object> user = manifests.get("KafkaUser", secret);
			assertThat(Documents.text(user, "spec.authentication.type")).isEqualTo("scram-sha-512");
			List<Object> acls = Documents.listAt(user, "spec.authorization.acls");
			if (service.consumesEvents()) {
				String deadLetters = com.kreativnomentorstvo.events.Topics.deadLetterTopic(service.name());
				assertThat(acls).as(service.name() + " writes its dead letters").anySatisfy(acl -> {
					assertThat(Documents.mapAt(acl, "resource")).containsEntry("type", "topic").containsEntry("name", deadLetters);
					assertThat(Documents.listAt(acl, "operations")).contains("Write");
				});
				assertThat(acls).as(service.name() + " joins its consumer group").anySatisfy(acl -> {
					assertThat(Documents.mapAt(acl, "resource")).containsEntry("type", "group").containsEntry("name", service.name());
					assertThat(Documents.listAt(acl, "operations")).contains("Read");
				});
			}
			assertThat(acls).as(service.name() + " reads the published language").anySatisfy(acl -> {
				assertThat(Documents.mapAt(acl, "resource")).containsEntry("type", "topic").containsEntry("name", "mentoring.")
					.containsEntry("patternType", "prefix");
				assertThat(Documents.listAt(acl, "operations")).contains("Read");
			});
		}
	}

	/**
	 * Nothing but the gateway is reachable from outside the namespace: a default deny, the ingress
	 * controller to the gateway, Prometheus to metrics ports; the Ingress routes only to the gateway.
	 */
	static void onlyTheGatewayIsReachableFromOutside(Manifests manifests) {
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
					assertThat(namespace).as(Manifests.name(policy) + " admits another namespace").isEqualTo("ingress-nginx");
					assertThat(Documents.mapAt(policy, "spec.podSelector.matchLabels"))
						.as("only the gateway is open to the ingress controller").containsEntry("app.kubernetes.io/name", "gateway");
				}
			}
		}
		for (Map<String, Object> ingress : manifests.ofKind("Ingress")) {
			for (Object rule : Documents.listAt(ingress, "spec.rules")) {
				for (Object path : Documents.listAt(rule, "http.paths")) {
					assertThat(Documents.text(path, "backend.service.name")).isEqualTo("gateway");
					assertThat(Documents.text(path, "path")).doesNotStartWith("/actuator");
				}
			}
		}
		for (Map<String, Object> service : manifests.ofKind("Service")) {
			assertThat(Documents.text(service, "spec.type")).as(Manifests.name(service)).isIn(null, "ClusterIP");
		}
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
