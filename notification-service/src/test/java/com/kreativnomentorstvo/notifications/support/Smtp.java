package com.kreativnomentorstvo.notifications.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * One SMTP server (GreenMail) for the test JVM, on a port fixed at start so it can be stopped and
 * started again where the service expects it (the "SMTP down for a while" test).
 */
public final class Smtp {

	private static final int PORT = freePort();

	private static GreenMail server = start();

	/** The port the service sends to. */
	public static int port() {
		return PORT;
	}

	/** Every message received so far. */
	public static synchronized List<MimeMessage> messages() {
		return server == null ? List.of() : Arrays.asList(server.getReceivedMessages());
	}

	/** The messages to one address. */
	public static List<MimeMessage> to(String address) {
		return messages().stream().filter(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
			}
			catch (MessagingException ex) {
				return false;
			}
		}).toList();
	}

	/** The messages carrying the header with the value (e.g. a notification id). */
	public static List<MimeMessage> withHeader(String name, String value) {
		return messages().stream().filter(m -> {
			try {
				String[] values = m.getHeader(name);
				return values != null && Arrays.asList(values).contains(value);
			}
			catch (MessagingException ex) {
				return false;
			}
		}).toList();
	}

	/** Takes the server down; connections are refused until {@link #up()}. */
	public static synchronized void down() {
		if (server != null) {
			server.stop();
			server = null;
		}
	}

	/** Brings the server back on the same port. */
	public static synchronized void up() {
		if (server == null) {
			server = start();
		}
	}

	private static GreenMail start() {
		GreenMail started = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		started.start();
		return started;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Smtp() {
	}

}
