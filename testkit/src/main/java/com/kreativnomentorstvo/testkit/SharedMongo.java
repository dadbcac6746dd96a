package com.kreativnomentorstvo.testkit;

import java.net.InetSocketAddress;

import org.testcontainers.mongodb.MongoDBContainer;

import de.bwaldvogel.mongo.MongoServer;

/**
 * One store per test JVM: a server speaking the MongoDB wire protocol (mongo-java-server, in
 * memory, {@link CopyingMemoryBackend}), or a one-node MongoDB replica set ({@code mongo} image) under Docker. Each service
 * uses its own database in it, as in production.
 */
public final class SharedMongo {

	public static final String IMAGE = "mongo:8.0";

	private static volatile String uri;

	/** A connection string without a database, starting the store on first use. */
	public static String uri() {
		if (uri == null) {
			synchronized (SharedMongo.class) {
				if (uri == null) {
					uri = start();
				}
			}
		}
		return uri;
	}

	private static String start() {
		if (Infrastructure.selected() == Infrastructure.CONTAINERS) {
			MongoDBContainer container = new MongoDBContainer(IMAGE);
			container.start();
			Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "mongo-container-stop"));
			return container.getReplicaSetUrl().replaceFirst("/[^/?]*(\\?|$)", "/$1");
		}
		MongoServer server = new MongoServer(new CopyingMemoryBackend());
		server.bind("127.0.0.1", 0);
		InetSocketAddress address = server.getLocalAddress();
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-server-stop"));
		return "mongodb://127.0.0.1:" + address.getPort();
	}

	private SharedMongo() {
	}

}
