package com.kreativnomentorstvo.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import io.fabric8.certmanager.api.model.v1.Certificate;
import io.fabric8.certmanager.api.model.v1.Issuer;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema of every API version and kind the manifests use, as the clusters the platform
 * supports serve them, and validation with kubeconform's strict semantics: a field the schema does not
 * know is an error, as it is for {@code kubectl apply}'s strict field validation, and an object whose
 * API version has no schema is an error too, so a version that such clusters no longer serve
 * (kafka.strimzi.io/v1beta2, networking.k8s.io/v1beta1) fails here rather than at the first apply.
 * The schemas are generated while the tests run from the model classes of the APIs' Java libraries
 * ({@link ModelSchemas}); one kind that no library on Maven Central describes has a schema of our own.
 * Where each comes from: {@code src/test/resources/kubernetes-schemas/README.md}.
 */
final class KubernetesSchemas {

	/** Our own schemas and the README that names every source, on the test class path and in the repository. */
	static final String DIRECTORY = "kubernetes-schemas";

	static final String SOURCES = "deploy/checks/src/test/resources/" + DIRECTORY;

	/** Each kind the manifests use and where its schema comes from. */
	private static final Map<String, Supplier<ObjectNode>> KINDS = Map.ofEntries(
			// Kubernetes 1.33: the official Java client 24
			generated("v1", "Namespace", V1Namespace.class),
			generated("v1", "ServiceAccount", V1ServiceAccount.class),
			generated("v1", "ConfigMap", V1ConfigMap.class),
			generated("v1", "Service", V1Service.class),
			generated("apps/v1", "Deployment", V1Deployment.class),
			generated("autoscaling/v2", "HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
			generated("policy/v1", "PodDisruptionBudget", V1PodDisruptionBudget.class),
			generated("networking.k8s.io/v1", "Ingress", V1Ingress.class),
			generated("networking.k8s.io/v1", "NetworkPolicy", V1NetworkPolicy.class),
			generated("rbac.authorization.k8s.io/v1", "Role", V1Role.class),
			generated("rbac.authorization.k8s.io/v1", "RoleBinding", V1RoleBinding.class),
			// Strimzi 0.51's API classes, at their v1 version
			generated("kafka.strimzi.io/v1", "Kafka", Kafka.class),
			generated("kafka.strimzi.io/v1", "KafkaNodePool", KafkaNodePool.class),
			generated("kafka.strimzi.io/v1", "KafkaTopic", KafkaTopic.class),
			generated("kafka.strimzi.io/v1", "KafkaUser", KafkaUser.class),
			// fabric8's models of the operators' custom resources
			generated("cert-manager.io/v1", "Issuer", Issuer.class),
			generated("cert-manager.io/v1", "Certificate", Certificate.class),
			generated("gateway.networking.k8s.io/v1", "HTTPRoute", HTTPRoute.class),
			generated("monitoring.coreos.com/v1", "PodMonitor", PodMonitor.class),
			generated("monitoring.coreos.com/v1", "PrometheusRule", PrometheusRule.class),
			// no artifact describes it: its spec is ours
			withOwnSpec("mongodbcommunity.mongodb.com/v1", "MongoDBCommunity"));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// the models' formats are Java's (date-time, int32): nothing the manifests need asserted
	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(false).build()));

	/** Generated once per test JVM, on first use. */
	private static final Map<String, ObjectNode> GENERATED = new ConcurrentHashMap<>();

	private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

	private KubernetesSchemas() {
	}

	/** How the schemas and the README name an API version and kind: {@code <group or core>/<version>/<Kind>}. */
	static String kind(String apiVersion, String kind) {
		int slash = apiVersion.indexOf('/');
		String group = slash < 0 ? "core" : apiVersion.substring(0, slash);
		return group + "/" + apiVersion.substring(slash + 1) + "/" + kind;
	}

	/** Every API version and kind with a schema. */
	static TreeSet<String> kinds() {
		return new TreeSet<>(KINDS.keySet());
	}

	/** The schema of an API version and kind, as {@link #kind} names it; empty for one without. */
	static Optional<ObjectNode> schema(String kind) {
		Supplier<ObjectNode> source = KINDS.get(kind);
		return source == null ? Optional.empty() : Optional.of(GENERATED.computeIfAbsent(kind, k -> source.get()));
	}

	/** What is wrong with one object, each naming where; empty when it is valid. */
	static List<String> violations(Map<String, Object> object) {
		String apiVersion = String.valueOf(object.get("apiVersion"));
		String kind = String.valueOf(object.get("kind"));
		String what = apiVersion + " " + kind + " " + Manifests.name(object);
		if (object.get("apiVersion") == null || object.get("kind") == null) {
			return List.of(what + ": no apiVersion or kind");
		}
		String name = kind(apiVersion, kind);
		if (!KINDS.containsKey(name)) {
			return List.of(what + ": no schema for this apiVersion and kind (" + name
					+ "): an API version the supported clusters do not serve, or a kind not in " + DIRECTORY + "/README.md");
		}
		Schema schema = SCHEMAS.computeIfAbsent(name, k -> REGISTRY.getSchema(schema(k).orElseThrow()));
		JsonNode instance = JSON.valueToTree(object);
		return schema.validate(instance).stream().map(error -> what + ": " + describe(error)).toList();
	}

	/** What is wrong with each object of the manifests; empty when every one is valid. */
	static List<String> violations(Manifests manifests) {
		List<String> violations = new ArrayList<>();
		manifests.objects().forEach(object -> violations.addAll(violations(object)));
		return violations;
	}

	private static Map.Entry<String, Supplier<ObjectNode>> generated(String apiVersion, String kind, Class<?> model) {
		return Map.entry(kind(apiVersion, kind), () -> ModelSchemas.of(model, apiVersion, kind));
	}

	/**
	 * A kind whose spec schema is ours ({@code <group>/<version>/<Kind>.spec.json} here), in the envelope
	 * every kind shares: Kubernetes' metadata, a status the API server keeps.
	 */
	private static Map.Entry<String, Supplier<ObjectNode>> withOwnSpec(String apiVersion, String kind) {
		String name = kind(apiVersion, kind);
		return Map.entry(name, () -> {
			ObjectNode schema = ModelSchemas.of(Envelope.class, apiVersion, kind);
			ObjectNode spec = (ObjectNode) read(DIRECTORY + "/" + name + ".spec.json");
			JsonNode definitions = spec.remove("$defs");
			if (definitions != null) {
				ObjectNode all = schema.withObjectProperty("$defs");
				definitions.properties().forEach(definition -> {
					if (all.has(definition.getKey())) {
						throw new IllegalStateException(name + ": " + definition.getKey() + " defined twice");
					}
					all.set(definition.getKey(), definition.getValue());
				});
			}
			((ObjectNode) schema.get("properties")).set("spec", spec);
			schema.putArray("required").add("spec");
			return schema;
		});
	}

	/** The parts of a kind that are not its spec. */
	private record Envelope(String apiVersion, String kind, V1ObjectMeta metadata, Object spec, Object status) {
	}

	private static JsonNode read(String resource) {
		try (InputStream in = KubernetesSchemas.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("no " + resource + " on the test class path");
			}
			return JSON.readTree(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String describe(Error error) {
		String at = String.valueOf(error.getInstanceLocation());
		return (at.isEmpty() ? "$" : at) + ": " + error.getMessage();
	}

}
