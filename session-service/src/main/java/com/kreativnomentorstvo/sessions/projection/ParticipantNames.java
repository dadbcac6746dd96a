package com.kreativnomentorstvo.sessions.projection;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ParticipantNames extends MongoRepository<ParticipantName, String> {

}
