package com.kreativnomentorstvo.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Only IP literals here: the guard must decide without connecting anywhere. */
class EndpointGuardTests {

	private final EndpointGuard strict = new EndpointGuard(List.of());

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8080/hook", "http://127.8.9.10/hook", "http://[::1]/hook",
			"http://10.1.2.3/hook", "https://172.16.0.5/hook", "http://192.168.1.1/hook",
			"http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/hook", "http://[fd12:3456::1]/hook",
			"http://100.64.0.1/hook", "http://0.0.0.0/hook", "http://[::ffff:127.0.0.1]/hook", "http://224.0.0.1/hook" })
	void privateLoopbackAndLinkLocalAddressesAreRefusedByDefault(String url) {
		assertThatThrownBy(() -> strict.check(url)).isInstanceOf(EndpointGuard.RefusedEndpoint.class)
			.hasMessageContaining("private, loopback or link-local");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://93.184.216.34/hook", "file:///etc/passwd", "gopher://93.184.216.34/",
			"javascript:alert(1)" })
	void onlyHttpAndHttpsAreAccepted(String url) {
		assertThatThrownBy(() -> strict.check(url)).isInstanceOf(EndpointGuard.RefusedEndpoint.class)
			.hasMessage("must be an http or https URL");
	}

	@Test
	void credentialsInTheUrlAreRefused() {
		assertThatThrownBy(() -> strict.check("https://user:secret@93.184.216.34/hook"))
			.isInstanceOf(EndpointGuard.RefusedEndpoint.class)
			.hasMessageContaining("credentials");
	}

	@Test
	void publicAddressesAreAccepted() {
		assertThatCode(() -> strict.check("https://93.184.216.34/hook")).doesNotThrowAnyException();
		assertThatCode(() -> strict.check("http://[2606:2800:220:1:248:1893:25c8:1946]:8443/x")).doesNotThrowAnyException();
	}

	@Test
	void anOperatorMayAllowAPrivateRangeAndOnlyThatRange() throws Exception {
		EndpointGuard lenient = new EndpointGuard(List.of("127.0.0.1/32", "10.20.0.0/16"));

		lenient.check("http://127.0.0.1:9000/hook");
		lenient.check("http://10.20.255.1/hook");
		assertThatThrownBy(() -> lenient.check("http://127.0.0.2/hook")).isInstanceOf(EndpointGuard.RefusedEndpoint.class);
		assertThatThrownBy(() -> lenient.check("http://10.21.0.1/hook")).isInstanceOf(EndpointGuard.RefusedEndpoint.class);
		assertThatThrownBy(() -> lenient.check("http://[::1]/hook")).isInstanceOf(EndpointGuard.RefusedEndpoint.class);
	}

	@Test
	void aMalformedRangeIsAConfigurationError() {
		assertThatThrownBy(() -> new EndpointGuard(List.of("10.0.0.0/40"))).isInstanceOf(IllegalArgumentException.class);
	}

}
