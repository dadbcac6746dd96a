package com.kreativnomentorstvo.notifications.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;

/**
 * Protection against server-side request forgery: a webhook may only point at http(s) URLs whose
 * host resolves to public addresses. Loopback, private (RFC 1918, unique-local), link-local (which
 * holds cloud metadata services), carrier-grade NAT, multicast and unspecified addresses are
 * refused unless the operator lists their range in
 * {@code mentoring.notifications.webhooks.allowed-private-networks}. The check runs when a
 * subscription is made and again before every request (the name may resolve elsewhere by then);
 * redirects are never followed.
 */
@Component
class EndpointGuard {

	private final List<Network> allowed;

	@Autowired
	EndpointGuard(NotificationProperties properties) {
		this(properties.webhooks().allowedPrivateNetworks());
	}

	EndpointGuard(List<String> allowedNetworks) {
		this.allowed = allowedNetworks.stream().filter(n -> !n.isBlank()).map(Network::parse).toList();
	}

	/** The URL is refused, and why (in words for the subscriber). */
	static class RefusedEndpoint extends Exception {

		RefusedEndpoint(String reason) {
			super(reason);
		}

	}

	/** Passes if the URL may be called, else says why not. */
	void check(String url) throws RefusedEndpoint {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new RefusedEndpoint("is not a valid URL");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new RefusedEndpoint("must be an http or https URL");
		}
		if (uri.getRawUserInfo() != null) {
			throw new RefusedEndpoint("must not carry credentials; use the signing secret");
		}
		String host = uri.getHost();
		if (host == null || host.isBlank()) {
			throw new RefusedEndpoint("has no host");
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
		}
		catch (UnknownHostException ex) {
			throw new RefusedEndpoint("has a host that does not resolve");
		}
		for (InetAddress address : addresses) {
			if (isInternal(address) && allowed.stream().noneMatch(network -> network.contains(address))) {
				throw new RefusedEndpoint("points at a private, loopback or link-local address ("
						+ address.getHostAddress() + "), which webhooks may not reach");
			}
		}
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
