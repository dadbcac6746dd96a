package com.kreativnomentorstvo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.kubernetes.client.openapi.models.V1ObjectMeta;
import tools.jackson.databind.JsonNode;

/**
 * The schema check itself: that it refuses what a cluster of the supported versions refuses (a field
 * its API does not have, a value of the wrong type, a missing required field, a type of setting or an
 * API version it no longer serves), accepts both forms where Kubernetes takes both, keeps only schemas
 * that the manifests need, each named in its README, and that the generated schemas close every object
 * they describe. Each case starts from a valid object of deploy/k8s.
 */
class KubernetesSchemasTests {

	private static final Manifests FILES = Manifests.filesBelow(Manifests.K8S);

	static Stream<Arguments> fieldsTheApiDoesNotHave() {
		return Stream.of(
				// a misspelt field: kubectl would refuse it (strict field validation), a lenient check would let it pass
				Arguments.of("Deployment", "gateway", "spec.template.spec.containers.0", "readinessprobe"),
				// Strimzi's v1 gives nodes through KafkaNodePools only; v1beta2 had spec.kafka.replicas
				Arguments.of("Kafka", "mentoring", "spec.kafka", "replicas"),
				Arguments.of("Kafka", "mentoring", "spec.kafka", "resources"),
				// v1beta2's single ACL operation, replaced by operations in v1
				Arguments.of("KafkaUser", "participant-service", "spec.authorization.acls.0", "operation"),
				// networking.k8s.io/v1beta1's backend fields
				Arguments.of("Ingress", "gateway", "spec.rules.0.http.paths.0.backend", "serviceName"),
				Arguments.of("HTTPRoute", "gateway", "spec", "hostname"),
				Arguments.of("MongoDBCommunity", "mentoring-mongodb", "spec.security.tls", "mode"),
				Arguments.of("Certificate", "mentoring-mongodb-server", "spec", "dnsName"),
				// metadata of a custom resource is the API server's ObjectMeta
				Arguments.of("KafkaTopic", "mentoring-participants-v1", "metadata", "label"),
				Arguments.of("PodMonitor", "mentoring-platform", "spec.podMetricsEndpoints.0", "targetPort2"));
	}

	@ParameterizedTest(name = "{0} {2}.{3}")
	@MethodSource("fieldsTheApiDoesNotHave")
	void aFieldTheApiDoesNotHaveIsRefused(String kind, String name, String where, String field) {
		Map<String, Object> object = valid(kind, name);
		Documents.map(at(object, where)).put(field, "x");
		// refused as a field the object does not have, not merely as a value of the wrong type
		String path = "/" + where.replace('.', '/');
		assertThat(KubernetesSchemas.violations(object)).as(kind + " with " + where + "." + field)
			.anySatisfy(violation -> assertThat(violation).contains(path + ": property '" + field + "' is not defined"));
	}

	static Stream<Arguments> apiVersionsTheClustersNoLongerServe() {
		return Stream.of(Arguments.of("KafkaTopic", "mentoring-participants-v1", "kafka.strimzi.io/v1beta2"),
				Arguments.of("Kafka", "mentoring", "kafka.strimzi.io/v1beta2"),
				Arguments.of("KafkaUser", "participant-service", "kafka.strimzi.io/v1beta2"),
				Arguments.of("Ingress", "gateway", "networking.k8s.io/v1beta1"),
				Arguments.of("Ingress", "gateway", "extensions/v1beta1"),
				Arguments.of("HorizontalPodAutoscaler", "gateway", "autoscaling/v2beta2"),
				Arguments.of("PodDisruptionBudget", "gateway", "policy/v1beta1"),
				Arguments.of("Certificate", "mentoring-mongodb-ca", "cert-manager.io/v1alpha2"));
	}

	@ParameterizedTest(name = "{0} {2}")
	@MethodSource("apiVersionsTheClustersNoLongerServe")
	void anApiVersionTheClustersNoLongerServeIsRefused(String kind, String name, String apiVersion) {
		Map<String, Object> object = valid(kind, name);
		object.put("apiVersion", apiVersion);
		assertThat(KubernetesSchemas.violations(object)).singleElement()
			.satisfies(violation -> assertThat(violation).contains(apiVersion + " " + kind).contains("no schema"));
	}

	@Test
	void aValueOfTheWrongTypeIsRefused() {
		Map<String, Object> deployment = valid("Deployment", "gateway");
		// annotations are strings: an unquoted port number is a mistake the API server refuses
		Documents.mapAt(deployment, "spec.template.metadata.annotations").put("prometheus.io/port", 8090);
		assertThat(KubernetesSchemas.violations(deployment)).anySatisfy(v -> assertThat(v).contains("prometheus.io~1port"));

		Map<String, Object> pool = valid("KafkaNodePool", "combined");
		Documents.map(pool.get("spec")).put("replicas", "3");
		assertThat(KubernetesSchemas.violations(pool)).anySatisfy(v -> assertThat(v).contains("/spec/replicas"));

		Map<String, Object> service = valid("Deployment", "participant-service");
		Documents.map(at(service, "spec.template.spec.containers.0.ports.0")).put("containerPort", "8081");
		assertThat(KubernetesSchemas.violations(service)).anySatisfy(v -> assertThat(v).contains("containerPort"));
	}

	@Test
	void aMissingRequiredFieldIsRefused() {
		Map<String, Object> topic = valid("KafkaTopic", "mentoring-participants-v1");
		// the v1 API requires a spec on every Strimzi resource
		topic.remove("spec");
		assertThat(KubernetesSchemas.violations(topic)).anySatisfy(v -> assertThat(v).contains("required property 'spec'"));

		Map<String, Object> deployment = valid("Deployment", "gateway");
		Documents.map(at(deployment, "spec.template.spec.containers.0")).remove("name");
		assertThat(KubernetesSchemas.violations(deployment))
			.anySatisfy(v -> assertThat(v).contains("/spec/template/spec/containers/0").contains("required property 'name'"));
	}

	/** Strimzi's v1 dropped kinds of settings, not only fields: their {@code type} is no longer one it takes. */
	@Test
	void aTypeOfSettingOnlyAnOlderApiVersionHadIsRefused() {
		Map<String, Object> kafka = valid("Kafka", "mentoring");
		// v1beta2's OAuth listener authentication, replaced by type: custom
		Documents.map(at(kafka, "spec.kafka.listeners.0")).put("authentication", new LinkedHashMap<>(Map.of("type", "oauth")));
		// v1beta2's OPA authoriser, replaced by type: custom
		Documents.map(at(kafka, "spec.kafka")).put("authorization", new LinkedHashMap<>(Map.of("type", "opa")));
		assertThat(KubernetesSchemas.violations(kafka))
			.anySatisfy(v -> assertThat(v).contains("/spec/kafka/listeners/0/authentication/type"))
			.anySatisfy(v -> assertThat(v).contains("/spec/kafka/authorization/type"));
	}

	@Test
	void portsAndQuantitiesTakeANumberOrAStringAsKubernetesDoes() {
		Map<String, Object> service = valid("Service", "gateway");
		Documents.map(at(service, "spec.ports.0")).put("targetPort", 8080);
		Map<String, Object> deployment = valid("Deployment", "gateway");
		Documents.map(at(deployment, "spec.template.spec.containers.0.resources.limits")).put("cpu", 1);
		Documents.map(at(deployment, "spec.strategy.rollingUpdate")).put("maxSurge", "25%");
		Map<String, Object> pool = valid("KafkaNodePool", "combined");
		Documents.map(at(pool, "spec.resources.limits")).put("cpu", 2);
		assertThat(Stream.of(service, deployment, pool).flatMap(o -> KubernetesSchemas.violations(o).stream())).isEmpty();
	}

	@Test
	void theSchemasAreThoseOfTheKindsTheManifestsUseEachNamedInTheReadme() {
		TreeSet<String> used = new TreeSet<>();
		FILES.objects()
			.forEach(o -> used.add(KubernetesSchemas.kind(String.valueOf(o.get("apiVersion")), String.valueOf(o.get("kind")))));
		// the ConfigMaps are made by kustomize, from the kustomizations' generators
		Documents.listAt(Repository.yaml(Manifests.K8S + "/base/kustomization.yaml"), "configMapGenerator").stream()
			.findAny()
			.ifPresent(generator -> used.add(KubernetesSchemas.kind("v1", "ConfigMap")));
		assertThat(KubernetesSchemas.kinds()).as("kinds with a schema").containsExactlyElementsOf(used);
		String readme = Repository.read(KubernetesSchemas.SOURCES + "/README.md");
		assertThat(KubernetesSchemas.kinds()).allSatisfy(kind -> assertThat(readme).contains("`" + kind + "`"));
	}

	/**
	 * Strictness does not depend on the libraries' habits (fabric8's and Strimzi's classes keep unknown
	 * fields in a map of their own): every object a schema lists properties of refuses any other.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("kinds")
	void everyObjectWhosePropertiesTheSchemaKnowsIsClosed(String kind) {
		JsonNode schema = KubernetesSchemas.schema(kind).orElseThrow();
		List<String> open = new ArrayList<>();
		closedBelow(schema, "", open);
		assertThat(open).as(kind + ": objects with properties that take others").isEmpty();
	}

	/** A custom resource's metadata is checked as strictly as a built-in kind's, against the same fields. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("kinds")
	void everyKindsMetadataIsKubernetesObjectMeta(String kind) {
		JsonNode schema = KubernetesSchemas.schema(kind).orElseThrow();
		JsonNode metadata = schema.at("/properties/metadata");
		if (metadata.has("$ref")) {
			metadata = schema.at(metadata.get("$ref").asString().substring(1));
		}
		assertThat(metadata.path("properties").propertyNames()).as(kind + "'s metadata: Kubernetes 1.33's ObjectMeta")
			.containsExactlyInAnyOrderElementsOf(V1ObjectMeta.openapiFields);
	}

	static Stream<String> kinds() {
		return KubernetesSchemas.kinds().stream();
	}

	/** Walks the subschemas of a schema, noting each that lists properties and lets others through. */
	private static void closedBelow(JsonNode schema, String at, List<String> open) {
		if (!schema.isObject()) {
			return;
		}
		JsonNode additional = schema.get("additionalProperties");
		if (schema.has("properties") && (additional == null || !additional.isBoolean() || additional.booleanValue())) {
			open.add(at.isEmpty() ? "$" : at);
		}
		for (String keyword : List.of("properties", "$defs", "patternProperties")) {
			schema.path(keyword).properties().forEach(child -> closedBelow(child.getValue(), at + "/" + keyword + "/" + child.getKey(), open));
		}
		for (String keyword : List.of("items", "additionalProperties", "not")) {
			closedBelow(schema.path(keyword), at + "/" + keyword, open);
		}
		for (String keyword : List.of("anyOf", "allOf", "oneOf")) {
			for (int i = 0; i < schema.path(keyword).size(); i++) {
				closedBelow(schema.path(keyword).get(i), at + "/" + keyword + "/" + i, open);
			}
		}
	}

	/** A valid object of deploy/k8s, as a copy a test may change. */
	private static Map<String, Object> valid(String kind, String name) {
		Map<String, Object> object = Documents.copy(FILES.get(kind, name));
		assertThat(KubernetesSchemas.violations(object)).as(kind + " " + name).isEmpty();
		return object;
	}

	/** The value at a dotted path whose numeric steps index lists. */
	private static Object at(Object root, String path) {
		Object current = root;
		for (String step : Arrays.asList(path.split("\\."))) {
			current = step.matches("\\d+") ? Documents.list(current).get(Integer.parseInt(step)) : Documents.map(current).get(step);
		}
		assertThat(current).as(path).isNotNull();
		return current;
	}

}
