package com.kreativnomentorstvo.notifications.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.platform.web.ProblemText;

/**
 * Protection against server-side request forgery: a webhook may only reach public addresses over
 * http(s). Loopback, private (RFC 1918, unique-local), link-local (which holds cloud metadata
 * services), carrier-grade NAT, multicast and unspecified addresses are refused unless the
 * operator lists their range in {@code mentoring.notifications.webhooks.allowed-private-networks}.
 *
 * <p>Two moments: when a subscription is made, {@link #check} looks at the URL alone (scheme, no
 * credentials, a well-formed host, and an address given literally): no name lookup on a request
 * thread, where a slow or hostile name server would hold it. When a delivery connects, the name is
 * resolved on the delivery worker and every address is checked ({@link #resolve}), and the socket
 * checks the address it actually connects to ({@link #checkAddress}), so a name that resolves to an
 * internal address after it was accepted (DNS rebinding) reaches nothing. Redirects are never followed.
 */
@Component
class EndpointGuard {

	private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

	private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	private final List<Network> allowed;

	private final HostResolver resolver;

	@Autowired
	EndpointGuard(NotificationProperties properties, ObjectProvider<HostResolver> resolver) {
		this(properties.webhooks().allowedPrivateNetworks(), resolver.getIfAvailable(() -> HostResolver.SYSTEM));
	}

	EndpointGuard(List<String> allowedNetworks) {
		this(allowedNetworks, HostResolver.SYSTEM);
	}

	EndpointGuard(List<String> allowedNetworks, HostResolver resolver) {
		this.allowed = allowedNetworks.stream().filter(n -> !n.isBlank()).map(Network::parse).toList();
		this.resolver = resolver;
	}

	/** The URL is refused, and why (in words for the subscriber). */
	static class RefusedEndpoint extends Exception {

		private final transient ProblemText text;

		/**
		 * @param text why, for the person subscribing (worded in her language)
		 * @param reason why, in English, for the delivery log
		 */
		RefusedEndpoint(ProblemText text, String reason) {
			super(reason);
			this.text = text;
		}

		ProblemText text() {
			return text;
		}

	}

	/**
	 * Passes if the URL may be subscribed, else says why not. Looks up no name: a host name is
	 * checked when a delivery connects to it.
	 */
	void check(String url) throws RefusedEndpoint {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new RefusedEndpoint(ProblemText.of("webhook.url-invalid"), "is not a valid URL");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new RefusedEndpoint(ProblemText.of("webhook.url-scheme"), "must be an http or https URL");
		}
		if (uri.getRawUserInfo() != null) {
			throw new RefusedEndpoint(ProblemText.of("webhook.url-credentials"), "must not carry credentials; use the signing secret");
		}
		String host = uri.getHost();
		if (host == null || host.isBlank()) {
			throw new RefusedEndpoint(ProblemText.of("webhook.url-no-host"), "has no host");
		}
		for (InetAddress address : literal(host)) {
			checkAddress(address);
		}
	}

	/**
	 * The addresses to connect to for the host, each of them allowed; looked up now (on the
	 * delivery worker that is about to connect).
	 */
	InetAddress[] resolve(String host) throws RefusedEndpoint {
		InetAddress[] addresses = literal(host);
		if (addresses.length == 0) {
			try {
				addresses = resolver.resolve(host);
			}
			catch (UnknownHostException ex) {
				throw new RefusedEndpoint(ProblemText.of("webhook.url-unresolved"), "has a host that does not resolve");
			}
		}
		for (InetAddress address : addresses) {
			checkAddress(address);
		}
		return addresses;
	}

	/** Passes if a connection to the address is allowed: a public one, or one in an allowed range. */
	void checkAddress(InetAddress address) throws RefusedEndpoint {
		if (isInternal(address) && allowed.stream().noneMatch(network -> network.contains(address))) {
			throw new RefusedEndpoint(ProblemText.of("webhook.url-internal", address.getHostAddress()),
					"points at a private, loopback or link-local address (" + address.getHostAddress()
							+ "), which webhooks may not reach");
		}
	}

	/**
	 * The address a host names literally (an IPv4 or bracketed IPv6 literal; {@code localhost} counts
	 * as loopback), or none for a host name; a host that is neither is refused. Never a name lookup.
	 */
	static InetAddress[] literal(String host) throws RefusedEndpoint {
		String name = host.toLowerCase(Locale.ROOT);
		try {
			// IPv6, bracketed as in a URL or bare as an HTTP client may hand it over: parsed, never looked up
			String bare = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
			if (bare.contains(":")) {
				if (!bare.matches("[0-9a-f:.]+")) {
					throw new RefusedEndpoint(ProblemText.of("webhook.url-bad-address"), "has a host that is not a valid address");
				}
				return new InetAddress[] { InetAddress.getByName("[" + bare + "]") };
			}
			if (IPV4.matcher(name).matches()) {
				return new InetAddress[] { InetAddress.getByName(name) }; // a dotted quad: parsed, never looked up
			}
			if (name.matches("[0-9.]+") || name.matches("0x[0-9a-f.x]+")) {
				throw new RefusedEndpoint(ProblemText.of("webhook.url-bad-address"), "has a host that is not a valid address");
			}
			if (name.equals("localhost") || name.endsWith(".localhost")) {
				return new InetAddress[] { InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1") };
			}
		}
		catch (UnknownHostException ex) {
			throw new RefusedEndpoint(ProblemText.of("webhook.url-bad-address"), "has a host that is not a valid address");
		}
		String hostName = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
		if (hostName.isEmpty() || hostName.length() > 253
				|| !Arrays.stream(hostName.split("\\.", -1)).allMatch(l -> LABEL.matcher(l).matches())) {
			throw new RefusedEndpoint(ProblemText.of("webhook.url-bad-name"), "has a host that is not a valid name");
		}
		return new InetAddress[0];
	}

	static boolean isInternal(InetAddress address) {
		if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address) {
			return (bytes[0] & 0xfe) == 0xfc; // unique local fc00::/7
		}
		int first = bytes[0] & 0xff;
		int second = bytes[1] & 0xff;
		return first == 0 // "this network"
				|| (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT 100.64.0.0/10
				|| (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
				|| (first == 198 && (second == 18 || second == 19)) // benchmarking
				|| first >= 240; // reserved and broadcast
	}

	/** A CIDR range such as {@code 127.0.0.1/32} or {@code fd00::/8}. */
	record Network(byte[] base, int prefix) {

		static Network parse(String cidr) {
			String[] parts = cidr.trim().split("/");
			try {
				byte[] base = InetAddress.getByName(parts[0]).getAddress();
				int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : base.length * 8;
				if (prefix < 0 || prefix > base.length * 8) {
					throw new IllegalArgumentException("prefix out of range in " + cidr);
				}
				return new Network(base, prefix);
			}
			catch (UnknownHostException | NumberFormatException ex) {
				throw new IllegalArgumentException("not a CIDR range: " + cidr, ex);
			}
		}

		boolean contains(InetAddress address) {
			byte[] candidate = address.getAddress();
			if (candidate.length != base.length) {
				return false;
			}
			int full = prefix / 8;
			for (int i = 0; i < full; i++) {
				if (candidate[i] != base[i]) {
					return false;
				}
			}
			int rest = prefix % 8;
			if (rest == 0) {
				return true;
			}
			int mask = 0xff << (8 - rest) & 0xff;
			return (candidate[full] & mask) == (base[full] & mask);
		}

	}

}
