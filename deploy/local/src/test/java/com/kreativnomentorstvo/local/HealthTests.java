package com.kreativnomentorstvo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.jupiter.api.Test;

class HealthTests {

	@Test
	void aListeningPortIsTaken() throws IOException {
		try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			assertThat(Health.portFree(listening.getLocalPort())).isFalse();
		}
	}

	@Test
	void aPortWhoseServerJustStoppedIsFreeAgain() throws IOException {
		int port;
		try (ServerSocket server = new ServerSocket()) {
			server.setReuseAddress(true);
			server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			port = server.getLocalPort();
			try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
					Socket accepted = server.accept()) {
				accepted.close(); // the server side closes first: its end of the connection waits in TIME_WAIT
				assertThat(client.getInputStream().read()).isEqualTo(-1);
			}
		}

		assertThat(Health.portFree(port)).as("a restarted stack may bind where the stopped one listened").isTrue();
	}

}
