package com.kreativnomentorstvo.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class CopyingMemoryBackendTests {

	/** Readers and writers of one document, at once: what each reader got, or the error it met. */
	private static List<Throwable> readWhileChanging(AbstractMongoBackend backend) throws Exception {
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", 0);
		InetSocketAddress address = server.getLocalAddress();
		ExecutorService threads = Executors.newFixedThreadPool(6);
		ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
		try (MongoClient client = MongoClients
			.create("mongodb://127.0.0.1:" + address.getPort() + "/?maxPoolSize=20&serverSelectionTimeoutMS=2000")) {
			MongoCollection<Document> things = client.getDatabase("race").getCollection("things");
			Document wide = new Document("_id", "one");
			IntStream.range(0, 200).forEach(i -> wide.append("field" + i, "value " + i));
			things.insertOne(wide);
			CountDownLatch done = new CountDownLatch(6);
			for (int t = 0; t < 6; t++) {
				boolean writer = t % 2 == 0;
				int thread = t;
				threads.execute(() -> {
					try {
						for (int i = 0; i < 400 && errors.isEmpty(); i++) {
							if (writer) {
								// a field that comes and goes: the stored document's keys change in place
								things.updateOne(new Document("_id", "one"),
										i % 2 == 0 ? Updates.set("extra" + thread, i) : Updates.unset("extra" + thread));
							}
							else if (i % 2 == 0) {
								things.find(new Document("_id", "one")).first();
							}
							else {
								things.findOneAndUpdate(new Document("_id", "one"), Updates.set("read" + thread, i),
										new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
							}
						}
					}
					catch (RuntimeException ex) {
						errors.add(ex);
					}
					finally {
						done.countDown();
					}
				});
			}
			assertThat(done.await(2, TimeUnit.MINUTES)).isTrue();
			Document stored = things.find(new Document("_id", "one")).first();
			assertThat(stored).containsKeys("field0", "field199");
		}
		finally {
			threads.shutdownNow();
			server.shutdownNow();
		}
		return new ArrayList<>(errors);
	}

	@Test
	void readersNeverMeetADocumentBeingChanged() throws Exception {
		assertThat(readWhileChanging(new CopyingMemoryBackend())).isEmpty();
	}

	@Test
	void theLibrarysOwnBackendLetsThemMeetIt() throws Exception {
		// the reason for the copying backend: without it the same load breaks connections
		List<Throwable> errors = new ArrayList<>();
		for (int round = 0; round < 20 && errors.isEmpty(); round++) {
			errors.addAll(readWhileChanging(new MemoryBackend()));
		}
		assertThat(errors).isNotEmpty();
	}

	@Test
	void changesAndDeletesStillReachTheStoredDocuments() throws Exception {
		MongoServer server = new MongoServer(new CopyingMemoryBackend());
		server.bind("127.0.0.1", 0);
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
			MongoCollection<Document> things = client.getDatabase("changes").getCollection("things");
			for (int i = 0; i < 150; i++) {
				things.insertOne(new Document("_id", i).append("n", i));
			}
			things.updateMany(new Document("n", new Document("$lt", 100)), Updates.inc("n", 1000));
			Document modified = things.findOneAndUpdate(new Document("_id", 120), Updates.set("n", -1),
					new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
			things.deleteMany(new Document("n", new Document("$gte", 1000).append("$lt", 1050)));
			things.findOneAndDelete(new Document("_id", 149));

			assertThat(modified.getInteger("n")).isEqualTo(-1);
			assertThat(things.find(new Document("_id", 120)).first().getInteger("n")).isEqualTo(-1);
			assertThat(things.find(new Document("_id", 60)).first().getInteger("n")).isEqualTo(1060);
			// more than a first batch (101): the rest comes through a cursor
			assertThat(things.find().into(new ArrayList<>())).hasSize(150 - 50 - 1);
			assertThat(things.countDocuments(new Document("n", new Document("$gte", 1000)))).isEqualTo(50);
		}
		finally {
			server.shutdownNow();
		}
	}

}
