package com.kreativnomentorstvo.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * mongo-java-server's in-memory store, answering with copies of what it stores.
 *
 * <p>The library changes a stored document in place, under its collection's lock, while the answer
 * to a query (and to a find-and-modify) holds the stored documents themselves and is encoded after
 * the lock is let go. A change running at that moment makes the encoding fail with a
 * {@code ConcurrentModificationException}, and the server closes the client's connection: a service
 * under test then sees its database go away for one request. Here every document leaves a
 * collection as a copy taken under the lock. The collection's own use of its queries, to find what
 * an update or a delete changes, still works on the stored documents.
 */
public class CopyingMemoryBackend extends MemoryBackend {

	@Override
	public MemoryDatabase openOrCreateDatabase(String databaseName) {
		return new Database(databaseName, getCursorRegistry());
	}

	private static final class Database extends MemoryDatabase {

		Database(String name, CursorRegistry cursors) {
			super(name, cursors);
		}

		@Override
		protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
			return new Collection(this, collectionName, options, cursorRegistry);
		}

	}

	private static final class Collection extends MemoryCollection {

		/** Whether the collection is inside one of its own changes, whose queries need the stored documents. */
		private boolean changing;

		Collection(MemoryDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
			super(database, name, options, cursors);
		}

		@Override
		public synchronized QueryResult handleQuery(QueryParameters parameters) {
			QueryResult result = super.handleQuery(parameters);
			return changing ? result : new QueryResult(copies(result), result.getCursorId());
		}

		@Override
		protected Cursor createCursor(List<Document> remaining) {
			return super.createCursor(changing ? remaining : copies(remaining));
		}

		@Override
		public synchronized Document findAndModify(Document query) {
			Document result = changing(() -> super.findAndModify(query));
			if (result.get("value") instanceof Document value) {
				result.put("value", value.cloneDeeply());
			}
			return result;
		}

		@Override
		public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
			return changing(() -> super.deleteDocuments(selector, limit, oplog));
		}

		@Override
		public synchronized Document updateDocuments(Document selector, Document update,
				ArrayFilters arrayFilters, boolean multi, boolean upsert, Oplog oplog) {
			return changing(() -> super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog));
		}

		private <T> T changing(Supplier<T> change) {
			boolean outer = !changing;
			changing = true;
			try {
				return change.get();
			}
			finally {
				if (outer) {
					changing = false;
				}
			}
		}

		private static List<Document> copies(Iterable<Document> documents) {
			List<Document> copies = new ArrayList<>();
			documents.forEach(document -> copies.add(document.cloneDeeply()));
			return copies;
		}

	}

}
