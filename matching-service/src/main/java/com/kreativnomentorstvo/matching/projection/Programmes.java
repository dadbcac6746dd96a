package com.kreativnomentorstvo.matching.projection;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The programmes matching knows of. */
public interface Programmes extends MongoRepository<Programme, String> {
}
