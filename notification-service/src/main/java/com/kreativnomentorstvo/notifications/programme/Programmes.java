package com.kreativnomentorstvo.notifications.programme;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The programmes this service has heard of. */
interface Programmes extends MongoRepository<Programme, String> {

}
