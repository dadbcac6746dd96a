package com.kreativnomentorstvo.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Only IP literals and a resolver of the test's own here: the guard must decide without connecting
 * anywhere, and must look up no name when a subscription is made.
 */
class EndpointGuardTests {

	private static final HostResolver NO_LOOKUPS = host -> {
		throw new AssertionError("looked up " + host);
	};

	private final EndpointGuard strict = new EndpointGuard(List.of(), NO_LOOKUPS);

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
		EndpointGuard lenient = new EndpointGuard(List.of("127.0.0.1/32", "10.20.0.0/16"), NO_LOOKUPS);

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

	@Test
	void aHostNameIsAcceptedAtSubscriptionWithoutLookingItUp() {
		assertThatCode(() -> strict.check("https://hooks.partner-crm.example.org/in")).doesNotThrowAnyException();
		assertThatCode(() -> strict.check("https://does-not-exist.invalid/in")).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://2130706433/hook", "http://0x7f000001/hook", "http://1.2.3/hook",
			"http://017700000001/hook", "http://[zz::1]/hook", "http://-bad-.example.org/hook" })
	void hostsThatAreNeitherANameNorAnAddressAreRefused(String url) {
		assertThatThrownBy(() -> strict.check(url)).isInstanceOf(EndpointGuard.RefusedEndpoint.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:8080/hook", "http://LOCALHOST/hook", "http://app.localhost/hook" })
	void localhostNamesCountAsLoopback(String url) {
		assertThatThrownBy(() -> strict.check(url)).isInstanceOf(EndpointGuard.RefusedEndpoint.class)
			.hasMessageContaining("loopback");
	}

	@Test
	void atDeliveryEveryAddressTheNameResolvesToMustBeAllowed() throws Exception {
		EndpointGuard rebinding = new EndpointGuard(List.of("127.0.0.1/32"), host -> switch (host) {
			case "public.example.org" -> new InetAddress[] { InetAddress.getByName("93.184.216.34") };
			case "mixed.example.org" -> new InetAddress[] { InetAddress.getByName("93.184.216.34"),
					InetAddress.getByName("10.0.0.7") };
			case "rebound.example.org" -> new InetAddress[] { InetAddress.getByName("169.254.169.254") };
			case "allowed.example.org" -> new InetAddress[] { InetAddress.getByName("127.0.0.1") };
			default -> throw new UnknownHostException(host);
		});

		assertThat(rebinding.resolve("public.example.org")).hasSize(1);
		assertThat(rebinding.resolve("2606:2800:220:1:248:1893:25c8:1946")).hasSize(1); // a bare IPv6 literal
		assertThatThrownBy(() -> rebinding.resolve("::1")).isInstanceOf(EndpointGuard.RefusedEndpoint.class);
		assertThat(rebinding.resolve("allowed.example.org")).hasSize(1);
		assertThatThrownBy(() -> rebinding.resolve("mixed.example.org")).isInstanceOf(EndpointGuard.RefusedEndpoint.class)
			.hasMessageContaining("10.0.0.7");
		assertThatThrownBy(() -> rebinding.resolve("rebound.example.org"))
			.isInstanceOf(EndpointGuard.RefusedEndpoint.class)
			.hasMessageContaining("169.254.169.254");
		assertThatThrownBy(() -> rebinding.resolve("gone.example.org")).isInstanceOf(EndpointGuard.RefusedEndpoint.class)
			.hasMessageContaining("does not resolve");
	}

	@Test
	void theAddressAboutToBeConnectedToIsCheckedOnItsOwn() throws Exception {
		EndpointGuard lenient = new EndpointGuard(List.of("127.0.0.1/32"), NO_LOOKUPS);

		lenient.checkAddress(InetAddress.getByName("127.0.0.1"));
		lenient.checkAddress(InetAddress.getByName("93.184.216.34"));
		assertThatThrownBy(() -> lenient.checkAddress(InetAddress.getByName("127.0.0.2")))
			.isInstanceOf(EndpointGuard.RefusedEndpoint.class);
		assertThatThrownBy(() -> lenient.checkAddress(InetAddress.getByName("192.168.1.20")))
			.isInstanceOf(EndpointGuard.RefusedEndpoint.class);
	}

}
