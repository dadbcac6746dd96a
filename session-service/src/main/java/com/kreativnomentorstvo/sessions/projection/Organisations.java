package com.kreativnomentorstvo.sessions.projection;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The organisations this service has heard of. */
public interface Organisations extends MongoRepository<Organisation, String> {

}
