package com.kreativnomentorstvo.notifications.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A hostile webhook endpoint on loopback, speaking raw TCP: it takes each connection and then
 * never answers ({@link Behaviour#SILENT}), trickles its status line a byte at a time and never
 * finishes it ({@link Behaviour#TRICKLING_STATUS}), or answers 200 at once and then trickles an
 * endless body ({@link Behaviour#TRICKLING_BODY}). It records when each connection opened and
 * when the client gave up on it.
 */
public final class SlowReceiver implements AutoCloseable {

	/** How the endpoint misbehaves. */
	public enum Behaviour {

		SILENT, TRICKLING_STATUS, TRICKLING_BODY

	}

	/** One connection: when it opened, and when the client closed it (0 while open). */
	public static final class Connection {

		public final long openedAtNanos = System.nanoTime();

		volatile long closedAtNanos;

		public long closedAtNanos() {
			return closedAtNanos;
		}

		public boolean open() {
			return closedAtNanos == 0;
		}

	}

	private final ServerSocket server;

	private final Behaviour behaviour;

	private final List<Connection> connections = new CopyOnWriteArrayList<>();

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile boolean running = true;

	public SlowReceiver(Behaviour behaviour) {
		this.behaviour = behaviour;
		try {
			server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		Thread acceptor = new Thread(this::accept, "slow-receiver-" + behaviour);
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public String url() {
		return "http://127.0.0.1:" + server.getLocalPort() + "/hook";
	}

	public List<Connection> connections() {
		return List.copyOf(connections);
	}

	private void accept() {
		while (running) {
			try {
				Socket socket = server.accept();
				sockets.add(socket);
				Connection connection = new Connection();
				connections.add(connection);
				Thread handler = new Thread(() -> serve(socket, connection), "slow-receiver-connection");
				handler.setDaemon(true);
				handler.start();
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	private void serve(Socket socket, Connection connection) {
		try (socket) {
			InputStream in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			readRequestHead(in);
			switch (behaviour) {
				case SILENT -> {
					// reads whatever comes until the client gives up; answers nothing
					while (in.read() >= 0) {
						// the body, then nothing
					}
				}
				case TRICKLING_STATUS -> trickle(out, "HTTP/1.1 200 OK, but very very slowly ".repeat(100));
				case TRICKLING_BODY -> {
					out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000000\r\n\r\n"
						.getBytes(StandardCharsets.US_ASCII));
					out.flush();
					trickle(out, "x".repeat(1_000_000));
				}
			}
		}
		catch (IOException | InterruptedException clientGaveUp) {
			// the client closed the connection (or the test ended)
		}
		finally {
			connection.closedAtNanos = System.nanoTime();
		}
	}

	private void trickle(OutputStream out, String text) throws IOException, InterruptedException {
		for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
			out.write(b);
			out.flush();
			Thread.sleep(200); // the hostile endpoint's pace, not a test wait
		}
	}

	private static void readRequestHead(InputStream in) throws IOException {
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		for (int b; matched < 4 && (b = in.read()) >= 0;) {
			matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
		}
	}

	@Override
	public void close() {
		running = false;
		try {
			server.close();
		}
		catch (IOException ignored) {
			// closing anyway
		}
		for (Socket socket : sockets) {
			try {
				socket.close();
			}
			catch (IOException ignored) {
				// closing anyway
			}
		}
	}

}
