package com.kreativnomentorstvo.sessions.resource;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The resource library: a programme's resources and the instance's. */
interface LibraryResources extends MongoRepository<LibraryResource, String> {

	List<LibraryResource> findByProgrammeId(String programmeId);

	List<LibraryResource> findByProgrammeIdIsNull();

}
