package com.kreativnomentorstvo.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Waits for the parts of the stack to answer. */
final class Health {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** Waits until the URL answers 200, failing early if the process died. */
	static void awaitHttp(String what, String url, ChildProcess process, Instant deadline) throws InterruptedException {
		while (true) {
			if (process != null && !process.isAlive()) {
				throw new IllegalStateException(what + " exited during start-up; see " + process.log());
			}
			try {
				HttpResponse<Void> response = HTTP.send(
						HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException(what + " was not healthy in time (" + url + ")"
						+ (process == null ? "" : "; see " + process.log()));
			}
			Thread.sleep(250); // polling a process we started; not a test
		}
	}

	/** Waits until something accepts connections on the port. */
	static void awaitPort(String what, int port, ChildProcess process, Instant deadline) throws InterruptedException {
		while (true) {
			if (process != null && !process.isAlive()) {
				throw new IllegalStateException(what + " exited during start-up; see " + process.log());
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
				return;
			}
			catch (IOException notYet) {
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException(what + " did not open port " + port + " in time");
				}
				Thread.sleep(200);
			}
		}
	}

	/**
	 * Whether a port on loopback is free to bind. With SO_REUSEADDR, as the servers themselves bind:
	 * a listening socket still counts as taken, but connections of a stack that just stopped
	 * (TIME_WAIT) do not.
	 */
	static boolean portFree(int port) {
		try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress("127.0.0.1", port));
			return true;
		}
		catch (IOException taken) {
			return false;
		}
	}

	private Health() {
	}

}
