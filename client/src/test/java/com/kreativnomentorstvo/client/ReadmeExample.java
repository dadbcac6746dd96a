package com.kreativnomentorstvo.client;

// tag::imports[]
import java.net.URI;
import java.util.List;

import com.kreativnomentorstvo.client.ClientCredentials;
import com.kreativnomentorstvo.client.participants.ApiClient;
import com.kreativnomentorstvo.client.participants.ApiException;
import com.kreativnomentorstvo.client.participants.api.ProgrammeControllerApi;
import com.kreativnomentorstvo.client.participants.model.PageOfProgrammeView;
import com.kreativnomentorstvo.client.participants.model.ProgrammeView;
// end::imports[]

/**
 * The example of {@code client/README.md}: compiled with the tests, shown verbatim in the README
 * (between the tags) and run by {@link ReadmeTests} against a stand-in issuer and gateway.
 */
final class ReadmeExample {

	private ReadmeExample() {
	}

	// tag::example[]
	/** The names of the first programmes the client may see, e.g. issuer http://localhost:9000, gateway http://localhost:8080. */
	static List<String> programmeNames(String issuer, String gateway) throws ApiException {
		// the integration's own client, registered by an administrator (on the local stack: a demo persona)
		ClientCredentials credentials = new ClientCredentials(URI.create(issuer + "/oauth2/token"), "coordinator.rs", "demo");

		// one ApiClient per service package; every request through it carries a valid token
		ApiClient participants = new ApiClient().setRequestInterceptor(credentials);
		participants.updateBaseUri(gateway);

		PageOfProgrammeView page = new ProgrammeControllerApi(participants).callList(0, 20);
		return page.getItems().stream().map(ProgrammeView::getName).toList();
	}
	// end::example[]

}
