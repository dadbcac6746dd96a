package com.kreativnomentorstvo.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiDocumentServersTests {

	@Test
	void theServersOfAnOpenApiDocumentBecomeTheGateway() {
		String document = """
				{"openapi":"3.1.0","servers":[{"url":"http://10.0.0.7:8081","description":"Generated server url"}],"paths":{}}""";

		assertThat(ApiDocumentServers.throughTheGateway(document))
			.isEqualTo("{\"openapi\":\"3.1.0\",\"servers\":[{\"url\":\"/\",\"description\":\"the gateway\"}],\"paths\":{}}");
	}

	@Test
	void anythingElseIsLeftAsItIs() {
		assertThat(ApiDocumentServers.throughTheGateway("{\"type\":\"urn:mentoring:problem:internal\"}"))
			.isEqualTo("{\"type\":\"urn:mentoring:problem:internal\"}");
		assertThat(ApiDocumentServers.throughTheGateway("not json")).isEqualTo("not json");
		assertThat(ApiDocumentServers.throughTheGateway("")).isEmpty();
	}

}
