package com.kreativnomentorstvo.notifications.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.kreativnomentorstvo.notifications.webhook.HostResolver;

/**
 * The service's name resolver in tests: names a test points somewhere resolve there (and can be
 * pointed elsewhere later, as a rebinding name server would), every other name as the system
 * resolves it; every lookup is counted.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestHosts {

	private static final Map<String, InetAddress> POINTED = new ConcurrentHashMap<>();

	private static final Map<String, AtomicInteger> LOOKUPS = new ConcurrentHashMap<>();

	@Bean
	HostResolver testHostResolver() {
		return host -> {
			String name = host.toLowerCase();
			LOOKUPS.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
			InetAddress pointed = POINTED.get(name);
			return pointed != null ? new InetAddress[] { pointed } : HostResolver.SYSTEM.resolve(host);
		};
	}

	/** From now on the name resolves to the address (a literal). */
	public static void point(String name, String address) {
		try {
			POINTED.put(name.toLowerCase(), InetAddress.getByName(address));
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(address, ex);
		}
	}

	/** How often the service looked the name up. */
	public static int lookups(String name) {
		AtomicInteger count = LOOKUPS.get(name.toLowerCase());
		return count == null ? 0 : count.get();
	}

}
