package com.kreativnomentorstvo.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy between one service and the broker or the store, where the suite adds latency (each
 * chunk is passed on after a delay, in order, in both directions) or drops the connections (every
 * open connection is reset and new ones are refused until it is restored).
 */
final class TcpProxy implements AutoCloseable {

	private final String name;

	private final int port;

	private final int target;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket listener;

	private volatile long delayNanos;

	private volatile boolean closed;

	TcpProxy(String name, int port, int target) throws IOException {
		this.name = name;
		this.port = port;
		this.target = target;
		listen();
	}

	String name() {
		return name;
	}

	int port() {
		return port;
	}

	/** Every chunk, both ways, is passed on this much later. */
	void latency(Duration delay) {
		delayNanos = delay.toNanos();
	}

	/** Resets every open connection and refuses new ones until {@link #restore()}. */
	synchronized void cut() throws IOException {
		ServerSocket current = listener;
		listener = null;
		if (current != null) {
			current.close();
		}
		for (Socket socket : open) {
			reset(socket);
		}
		open.clear();
	}

	/** No latency, and connections accepted again. */
	synchronized void restore() throws IOException {
		delayNanos = 0;
		if (listener == null && !closed) {
			listen();
		}
	}

	private void listen() throws IOException {
		ServerSocket server = new ServerSocket();
		server.setReuseAddress(true);
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
		listener = server;
		Thread accept = new Thread(() -> accept(server), "proxy-" + name + "-accept");
		accept.setDaemon(true);
		accept.start();
	}

	private void accept(ServerSocket server) {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				Socket upstream = new Socket();
				try {
					upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 2000);
				}
				catch (IOException unreachable) {
					reset(client);
					continue;
				}
				client.setTcpNoDelay(true);
				upstream.setTcpNoDelay(true);
				open.add(client);
				open.add(upstream);
				pipe(client, upstream, "up");
				pipe(upstream, client, "down");
			}
			catch (IOException closedOrFailed) {
				// the listener was closed (cut or close), or one accept failed; the loop decides
			}
		}
	}

	private void pipe(Socket from, Socket to, String direction) {
		DelayQueue<Chunk> queue = new DelayQueue<>();
		Thread reader = new Thread(() -> {
			long lastDue = 0;
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					// strictly after the chunk before: a change of latency must not reorder the stream
					long due = Math.max(System.nanoTime() + delayNanos, lastDue + 1);
					lastDue = due;
					queue.put(new Chunk(Arrays.copyOf(buffer, read), due));
				}
			}
			catch (IOException ended) {
				// the connection was closed or reset
			}
			queue.put(Chunk.end(Math.max(System.nanoTime() + delayNanos, lastDue + 1)));
		}, "proxy-" + name + "-" + direction + "-read");
		Thread writer = new Thread(() -> {
			try (OutputStream out = to.getOutputStream()) {
				while (true) {
					Chunk chunk = queue.take();
					if (chunk.bytes() == null) {
						break;
					}
					out.write(chunk.bytes());
					out.flush();
				}
			}
			catch (IOException | InterruptedException ended) {
				// the other side is gone
			}
			finally {
				close(from);
				close(to);
			}
		}, "proxy-" + name + "-" + direction + "-write");
		reader.setDaemon(true);
		writer.setDaemon(true);
		reader.start();
		writer.start();
	}

	private void close(Socket socket) {
		open.remove(socket);
		try {
			socket.close();
		}
		catch (IOException ignored) {
			// closing anyway
		}
	}

	private void reset(Socket socket) {
		try {
			socket.setSoLinger(true, 0); // RST, as a dropped connection looks to the client
		}
		catch (IOException ignored) {
			// closed already
		}
		close(socket);
	}

	@Override
	public synchronized void close() throws IOException {
		closed = true;
		cut();
	}

	private record Chunk(byte[] bytes, long dueNanos) implements Delayed {

		static Chunk end(long due) {
			return new Chunk(null, due);
		}

		@Override
		public long getDelay(TimeUnit unit) {
			return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
		}

		@Override
		public int compareTo(Delayed other) {
			return Long.compare(dueNanos, ((Chunk) other).dueNanos);
		}

	}

}
