package com.kreativnomentorstvo.notifications.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Looks up the addresses of a webhook endpoint's host name. Called only when a delivery connects,
 * on a delivery worker, never on a request thread; the addresses it gives are checked against the
 * private-network rule and are the very ones connected to. The system's resolver unless a test
 * supplies another.
 */
@FunctionalInterface
public interface HostResolver {

	/** The system's name service. */
	HostResolver SYSTEM = InetAddress::getAllByName;

	InetAddress[] resolve(String host) throws UnknownHostException;

}
