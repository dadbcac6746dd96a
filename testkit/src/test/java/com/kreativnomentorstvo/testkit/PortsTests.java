package com.kreativnomentorstvo.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class PortsTests {

	@Test
	void aFreePortListensOnlyOnceAServerIsBoundToIt() throws IOException {
		int port = Ports.free();
		assertThat(port).isPositive();
		assertThat(Ports.listening(port)).isFalse();
		try (ServerSocket server = new ServerSocket()) {
			server.bind(new InetSocketAddress("127.0.0.1", port));
			assertThat(Ports.listening(port)).isTrue();
		}
		assertThat(Ports.listening(port)).isFalse();
	}

}
