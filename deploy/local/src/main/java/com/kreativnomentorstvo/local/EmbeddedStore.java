package com.kreativnomentorstvo.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A server speaking the MongoDB wire protocol (mongo-java-server), keeping its data in one H2
 * file so it survives restarts. Good for one developer's machine; production uses MongoDB.
 */
final class EmbeddedStore implements AutoCloseable {

	private final MongoServer server;

	private final H2Backend backend;

	EmbeddedStore(Path directory, int port) throws IOException {
		Files.createDirectories(directory);
		this.backend = new H2Backend(directory.resolve("store.mv").toString());
		this.server = new MongoServer(backend);
		server.bind("127.0.0.1", port);
	}

	String uri(int port) {
		return "mongodb://127.0.0.1:" + port;
	}

	@Override
	public void close() {
		server.shutdown(); // closes the backend, which writes the store file
	}

}
