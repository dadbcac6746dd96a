package com.kreativnomentorstvo.notifications.reminder;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The mentorships this service has heard of. */
interface Pairs extends MongoRepository<Pair, String> {

	List<Pair> findByProgrammeIdAndActiveTrue(String programmeId);

}
