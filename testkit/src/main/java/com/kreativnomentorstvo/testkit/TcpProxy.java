package com.kreativnomentorstvo.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on loopback in front of the store or the broker, for tests of their outages: it
 * forwards, refuses (the port closed and every connection cut, as a stopped server), or freezes
 * (connections accepted and kept, but nothing answered, as a server stopped with SIGSTOP or a
 * network that drops packets). The port stays the same throughout, so clients keep their settings.
 */
public final class TcpProxy implements AutoCloseable {

	/** What the proxy does with connections. */
	public enum Mode {

		FORWARDING, REFUSING, FROZEN

	}

	private final InetSocketAddress target;

	private final int port;

	private final List<Socket> connections = new CopyOnWriteArrayList<>();

	private volatile Mode mode;

	private volatile ServerSocket listener;

	private TcpProxy(InetSocketAddress target, int port, Mode mode) {
		this.target = target;
		this.port = port;
		this.mode = mode;
		if (mode != Mode.REFUSING) {
			listen();
		}
	}

	/** A proxy to host:port that forwards from the start. */
	public static TcpProxy forwardingTo(String host, int port) {
		return new TcpProxy(new InetSocketAddress(host, port), freePort(), Mode.FORWARDING);
	}

	/** A proxy to host:port that refuses until told to forward (a server that is down from the start). */
	public static TcpProxy refusingTo(String host, int port) {
		return new TcpProxy(new InetSocketAddress(host, port), freePort(), Mode.REFUSING);
	}

	/** The port clients connect to. */
	public int port() {
		return port;
	}

	public Mode mode() {
		return mode;
	}

	/** Forwards new connections; frozen ones are cut, so that clients open fresh ones. */
	public synchronized void forward() {
		Mode before = mode;
		mode = Mode.FORWARDING;
		if (before == Mode.FROZEN) {
			cutAll();
		}
		if (listener == null) {
			listen();
		}
	}

	/** As a server that stopped: the port refuses connections, and open ones are cut. */
	public synchronized void refuse() {
		mode = Mode.REFUSING;
		closeListener();
		cutAll();
	}

	/** As a server that stopped answering: connections are accepted and kept open, and nothing comes back. */
	public synchronized void freeze() {
		mode = Mode.FROZEN;
		if (listener == null) {
			listen();
		}
	}

	@Override
	public synchronized void close() {
		mode = Mode.REFUSING;
		closeListener();
		cutAll();
	}

	private void listen() {
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			listener = socket;
			Thread acceptor = new Thread(() -> accept(socket), "tcp-proxy-" + port + "-accept");
			acceptor.setDaemon(true);
			acceptor.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot listen on " + port, ex);
		}
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				connections.add(client);
				if (mode == Mode.FORWARDING) {
					Socket server = new Socket();
					server.connect(target, 2000);
					connections.add(server);
					pump(client, server);
					pump(server, client);
				}
				// frozen: kept open, never read
			}
			catch (IOException ex) {
				// the listener was closed, or the target refused: the client's socket is cut below
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					while (mode == Mode.FROZEN && !from.isClosed()) {
						Thread.sleep(20); // holding the bytes back, as a frozen server would
					}
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException | InterruptedException ex) {
				// cut
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "tcp-proxy-" + port + "-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private void closeListener() {
		ServerSocket current = listener;
		listener = null;
		if (current != null) {
			try {
				current.close();
			}
			catch (IOException ex) {
				// closed already
			}
		}
	}

	private void cutAll() {
		connections.forEach(TcpProxy::closeQuietly);
		connections.clear();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closed already
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
