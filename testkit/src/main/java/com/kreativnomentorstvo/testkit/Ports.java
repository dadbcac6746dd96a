package com.kreativnomentorstvo.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Loopback TCP ports for tests that start a server as a process of their own (a broker, a store,
 * Redis): a free port to give it, and whether it listens yet. A process's readiness is its port,
 * since its log says so only in its own words.
 */
public final class Ports {

	private static final String LOOPBACK = "127.0.0.1";

	/**
	 * Whether something accepts TCP connections on the loopback port now. Gives up after half a
	 * second, so a caller polling it (with Awaitility, say) keeps to its own deadline.
	 */
	public static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
			return true;
		}
		catch (IOException notYet) {
			return false;
		}
	}

	/**
	 * A loopback port free now, chosen by the system. Another process may take it before the
	 * caller's server binds it; that race is the price of giving a child process a port number.
	 */
	public static int free() {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(LOOPBACK, 0));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("no free loopback port", ex);
		}
	}

	private Ports() {
	}

}
