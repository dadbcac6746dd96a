package com.kreativnomentorstvo.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Kubernetes objects: those kustomize rendered, or those of the YAML files of a directory. */
record Manifests(List<Map<String, Object>> objects) {

	static final String K8S = "deploy/k8s";

	static Manifests parse(String yaml) {
		return new Manifests(Repository.yamlDocuments(yaml));
	}

	/** Every object of every YAML file below a directory, except kustomization files. */
	static Manifests filesBelow(String directory) {
		List<Map<String, Object>> objects = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Repository.path(directory))) {
			files.filter(file -> file.toString().endsWith(".yaml"))
				.filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
				.sorted()
				.forEach(file -> objects.addAll(Repository.yamlDocuments(Repository.read(file))));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new Manifests(objects);
	}

	/** The overlays: one directory per partner instance. */
	static List<String> overlays() {
		try (Stream<Path> directories = Files.list(Repository.path(K8S + "/overlays"))) {
			return directories.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	List<Map<String, Object>> ofKind(String kind) {
		return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
	}

	Optional<Map<String, Object>> find(String kind, String name) {
		return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
	}

	Map<String, Object> get(String kind, String name) {
		return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
	}

	static String name(Map<String, Object> object) {
		return Documents.text(object, "metadata.name");
	}

	/** The containers of a Deployment's pod template. */
	static List<Map<String, Object>> containers(Map<String, Object> deployment) {
		return Documents.listAt(deployment, "spec.template.spec.containers").stream().map(Documents::map).toList();
	}

	/** The data of the ConfigMap whose name is, or (generated) starts with, name + "-". */
	Map<String, Object> configMapData(String name) {
		return ofKind("ConfigMap").stream()
			.filter(c -> name(c).equals(name) || name(c).matches(java.util.regex.Pattern.quote(name) + "-[a-z0-9]{10}"))
			.findFirst()
			.map(c -> Documents.mapAt(c, "data"))
			.orElseThrow(() -> new AssertionError("no ConfigMap " + name));
	}

	/** Every ConfigMap's data, by the ConfigMap's name as rendered. */
	Map<String, Map<String, ?>> configMaps() {
		Map<String, Map<String, ?>> configMaps = new java.util.LinkedHashMap<>();
		ofKind("ConfigMap").forEach(c -> configMaps.put(name(c), Documents.mapAt(c, "data")));
		return configMaps;
	}

}
