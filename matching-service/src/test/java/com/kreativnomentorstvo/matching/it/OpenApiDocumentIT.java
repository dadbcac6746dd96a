package com.kreativnomentorstvo.matching.it;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kreativnomentorstvo.testkit.OpenApiDocuments;

/**
 * The service's OpenAPI document as integrators get it: exported by each build and compared with the
 * committed {@code docs/openapi/matching-service.json}, from which the {@code mentoring-client} module generates
 * its Java client (see {@link OpenApiDocuments}).
 */
class OpenApiDocumentIT extends MatchingIntegrationTest {

	@LocalServerPort
	int servicePort;

	@Test
	void theCommittedDocumentIsTheOneTheServiceServes() {
		OpenApiDocuments.assertCommittedDocumentIsServed("matching-service", servicePort);
	}

}
