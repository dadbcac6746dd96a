package com.kreativnomentorstvo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

/**
 * What the build puts beside each deployable's classes (the reactor builds them before these
 * checks): the metadata of its typed settings, so IDEs complete {@code mentoring.*} keys; the
 * build information behind {@code /actuator/info}; its CycloneDX software bill of materials.
 */
class BuiltArtifactsTests {

	static List<Platform.Module> deployables() {
		return Platform.deployables();
	}

	@ParameterizedTest
	@MethodSource("deployables")
	void itsTypedSettingsHaveMetadataForIdes(Platform.Module module) {
		JsonNode metadata = Repository
			.json(module.directory() + "/target/classes/META-INF/spring-configuration-metadata.json");

		List<String> names = new ArrayList<>();
		metadata.path("properties").forEach(property -> names.add(property.path("name").asString()));
		assertThat(names).as(module.name()).isNotEmpty().allMatch(name -> name.startsWith("mentoring."));
		assertThat(metadata.path("properties")).as("each described for a person")
			.anyMatch(property -> !property.path("description").asString().isBlank());
	}

	@ParameterizedTest
	@MethodSource("deployables")
	void itCarriesItsBuildInformationAndBillOfMaterials(Platform.Module module) {
		assertThat(Repository.read(module.directory() + "/target/classes/META-INF/build-info.properties"))
			.contains("build.artifact=" + module.directory()).contains("build.version=");
		JsonNode sbom = Repository.json(module.directory() + "/target/classes/META-INF/sbom/application.cdx.json");
		assertThat(sbom.path("bomFormat").asString()).isEqualTo("CycloneDX");
		assertThat(sbom.path("components")).as("its libraries").isNotEmpty();
	}

}
