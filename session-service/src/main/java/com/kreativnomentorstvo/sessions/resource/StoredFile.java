package com.kreativnomentorstvo.sessions.resource;

/**
 * A resource's file as kept in GridFS.
 *
 * @param fileId the GridFS id ({@code fs.files._id}, hex)
 * @param fileName the name it was uploaded with, without any directory
 * @param contentType the type detected from its bytes (which the declared type and name agreed with)
 * @param size its length in bytes
 */
record StoredFile(String fileId, String fileName, String contentType, long size) {
}
