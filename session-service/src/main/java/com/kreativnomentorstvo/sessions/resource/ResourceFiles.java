package com.kreativnomentorstvo.sessions.resource;

import java.io.ByteArrayInputStream;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.gridfs.model.GridFSFile;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The library's files, in the store's GridFS bucket ({@code fs.files}, {@code fs.chunks}). Only a
 * file that passed every check is written, so a refused upload leaves nothing behind.
 */
@Component
class ResourceFiles {

	private final GridFsTemplate gridFs;

	ResourceFiles(GridFsTemplate gridFs) {
		this.gridFs = gridFs;
	}

	/** Keeps the checked bytes; returns the GridFS id. */
	String store(byte[] bytes, String fileName, String contentType, String resourceId) {
		ObjectId id = gridFs.store(new ByteArrayInputStream(bytes), fileName, contentType,
				new Document("resourceId", resourceId));
		return id.toHexString();
	}

	Optional<GridFsResource> read(String fileId) {
		GridFSFile file = gridFs.findOne(query(where("_id").is(new ObjectId(fileId))));
		return Optional.ofNullable(file).map(gridFs::getResource);
	}

	void delete(String fileId) {
		gridFs.delete(query(where("_id").is(new ObjectId(fileId))));
	}

}
