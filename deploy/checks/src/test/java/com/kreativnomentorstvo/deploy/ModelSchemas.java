package com.kreativnomentorstvo.deploy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.classmate.ResolvedType;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.CustomDefinitionProviderV2;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.MethodScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.SubtypeResolver;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import com.google.gson.annotations.SerializedName;

import io.kubernetes.client.openapi.models.V1ObjectMeta;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema of a Kubernetes kind, generated from the Java model classes of a library that
 * describes its API (victools' jsonschema-generator): the properties those classes serialise, named as
 * they name them (Jackson's annotations, or Gson's in the official Kubernetes client), every object
 * closed to other properties but the maps the API leaves open (labels, annotations, ConfigMap data,
 * Kafka's config), a quantity or a port as a number or a string, a duration or a time as a string,
 * the properties the models mark required, and {@code apiVersion} and {@code kind} fixed.
 */
final class ModelSchemas {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Types whose JSON form is not their Java fields: a fixed schema each. */
	private static final Map<String, ObjectNode> FIXED = Map.of(
			// Kubernetes' IntOrString (ports, maxSurge) and Quantity (cpu: 1, cpu: 500m)
			"io.kubernetes.client.custom.IntOrString", types("integer", "string"),
			"io.fabric8.kubernetes.api.model.IntOrString", types("integer", "string"),
			"io.kubernetes.client.custom.Quantity", types("number", "string"),
			"io.fabric8.kubernetes.api.model.Quantity", types("number", "string"),
			"io.fabric8.kubernetes.api.model.Duration", types("string"),
			"io.fabric8.kubernetes.api.model.Time", types("string"),
			"io.fabric8.kubernetes.api.model.MicroTime", types("string"),
			// base64 in JSON (a ConfigMap's binaryData)
			"[B", types("string"),
			// whatever JSON the API takes there
			"io.fabric8.kubernetes.api.model.AnyType", NODES.objectNode(),
			"java.lang.Object", NODES.objectNode());

	private ModelSchemas() {
	}

	/** The schema of objects of one API version and kind, as the model class describes them. */
	static ObjectNode of(Class<?> model, String apiVersion, String kind) {
		String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
		ObjectNode schema = generator(version).generateSchema(model);
		ObjectNode properties = (ObjectNode) schema.get("properties");
		properties.set("apiVersion", NODES.objectNode().put("const", apiVersion));
		properties.set("kind", NODES.objectNode().put("const", kind));
		return schema;
	}

	private static SchemaGenerator generator(String version) {
		SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
				OptionPreset.PLAIN_JSON)
			.with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES);
		config.forTypesInGeneral()
			.withCustomDefinitionProvider(fixedTypes())
			// before Jackson's: a Strimzi subtype of an older API version only is no alternative in this one
			.withSubtypeResolver(strimziSubtypes(version));
		config.forFields()
			.withPropertyNameOverrideResolver(ModelSchemas::gsonName)
			.withTargetTypeOverridesResolver(ModelSchemas::kubernetesMetadata)
			.withIgnoreCheck(field -> isUnknownFieldsMap(field) || !inStrimziVersion(field, version))
			.withRequiredCheck(field -> requiredByKubernetes(field) || requiredInStrimziVersion(field, version));
		config.with(new JacksonSchemaModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE,
				JacksonOption.RESPECT_JSONPROPERTY_REQUIRED));
		return new SchemaGenerator(config.build());
	}

	private static CustomDefinitionProviderV2 fixedTypes() {
		return (type, context) -> {
			String name = type.getErasedType().getName();
			if (FIXED.containsKey(name)) {
				return new CustomDefinition(FIXED.get(name).deepCopy(), CustomDefinition.DefinitionType.INLINE,
						CustomDefinition.AttributeInclusion.NO);
			}
			return null;
		};
	}

	/** The metadata of every kind is the API server's own: Kubernetes 1.33's ObjectMeta, for fabric8's too. */
	private static List<ResolvedType> kubernetesMetadata(FieldScope field) {
		return field.getType().getErasedType() == io.fabric8.kubernetes.api.model.ObjectMeta.class
				? List.of(field.getContext().resolve(V1ObjectMeta.class)) : null;
	}

	private static SubtypeResolver strimziSubtypes(String version) {
		return (declaredType, context) -> {
			Class<?> type = declaredType.getErasedType();
			JsonSubTypes subtypes = type.getAnnotation(JsonSubTypes.class);
			if (subtypes == null || !type.getName().startsWith("io.strimzi.")) {
				return null;
			}
			return Stream.of(subtypes.value())
				.map(JsonSubTypes.Type::value)
				.filter(subtype -> StrimziApiVersions.has(subtype, version))
				.map(subtype -> context.getTypeContext().resolveSubtype(declaredType, subtype))
				.toList();
		};
	}

	/**
	 * Whether a Strimzi property exists in the API version, as its field or its getter says: the getter
	 * of the most specific class (a {@code Kafka}'s {@code getSpec}, not its superclass's).
	 */
	private static boolean inStrimziVersion(FieldScope field, String version) {
		return declaringTypes(field).allMatch(type -> StrimziApiVersions.has(type, field.getDeclaredName(), version));
	}

	private static boolean requiredInStrimziVersion(FieldScope field, String version) {
		return declaringTypes(field).anyMatch(type -> StrimziApiVersions.requires(type, field.getDeclaredName(), version));
	}

	private static Stream<Class<?>> declaringTypes(FieldScope field) {
		MethodScope getter = field.findGetter();
		Class<?> declaring = field.getDeclaringType().getErasedType();
		return getter == null ? Stream.of(declaring) : Stream.of(declaring, getter.getDeclaringType().getErasedType());
	}

	/** The official Kubernetes client names its properties with Gson's annotation. */
	private static String gsonName(FieldScope field) {
		SerializedName name = field.getAnnotation(SerializedName.class);
		return name == null ? null : name.value();
	}

	/**
	 * The map in which fabric8's and Strimzi's classes keep fields they do not know, to write them back:
	 * a Java convenience, not a property of the API.
	 */
	private static boolean isUnknownFieldsMap(FieldScope field) {
		return "additionalProperties".equals(field.getDeclaredName()) && field.getType().isInstanceOf(Map.class);
	}

	/** The official client's models list the properties Kubernetes' OpenAPI requires. */
	private static boolean requiredByKubernetes(FieldScope field) {
		Class<?> model = field.getDeclaringType().getErasedType();
		if (!model.getName().startsWith("io.kubernetes.client.openapi.models.")) {
			return false;
		}
		String name = gsonName(field) == null ? field.getDeclaredName() : gsonName(field);
		return requiredFields(model).contains(name);
	}

	private static Collection<?> requiredFields(Class<?> model) {
		try {
			Field required = model.getField("openapiRequiredFields");
			return Modifier.isStatic(required.getModifiers()) ? (Collection<?>) required.get(null) : Set.of();
		}
		catch (NoSuchFieldException e) {
			return Set.of();
		}
		catch (IllegalAccessException e) {
			throw new IllegalStateException(e);
		}
	}

	private static ObjectNode types(String... types) {
		ObjectNode schema = NODES.objectNode();
		if (types.length == 1) {
			schema.put("type", types[0]);
		}
		else {
			List.of(types).forEach(schema.putArray("type")::add);
		}
		return schema;
	}

}
