package com.kreativnomentorstvo.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection to the gateway, written and read byte by byte: for what a client library
 * hides, such as a body that stops part-way, or whether the connection carries a next request.
 */
final class RawConnection implements AutoCloseable {

	/** How long a read waits: as long as the other tests' requests, for a busy machine. */
	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final Socket socket;

	private final InputStream in;

	RawConnection(int port) {
		try {
			this.socket = new Socket("localhost", port);
			this.socket.setSoTimeout((int) PATIENCE.toMillis());
			this.in = socket.getInputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes a request's head (its lines without the blank line that ends it) and as much body as given. */
	RawConnection send(String head, byte[] body) {
		try {
			socket.getOutputStream().write((head + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().write(body);
			socket.getOutputStream().flush();
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The next answer on the connection: its status, headers (names in lower case) and body. */
	Answer answer() {
		try {
			String[] lines = head().split("\r\n");
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
			}
			int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
			String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
			return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
		}
		catch (SocketTimeoutException ex) {
			throw new AssertionError("no answer within " + PATIENCE.toSeconds() + " s", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether the gateway closes the connection (within the patience) without sending anything more. */
	boolean ends() {
		try {
			return in.read() == -1;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String head() throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int next = in.read();
			if (next == -1) {
				throw new AssertionError("the connection ended before an answer: " + head);
			}
			head.write(next);
			matched = (next == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (next == '\r' ? 1 : 0);
		}
		return head.toString(StandardCharsets.US_ASCII).strip();
	}

	@Override
	public void close() {
		try {
			socket.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Answer(int status, Map<String, String> headers, String body) {

		boolean closesTheConnection() {
			return "close".equalsIgnoreCase(headers.get("connection"));
		}

	}

}
