package com.kreativnomentorstvo.matching.projection;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

import com.kreativnomentorstvo.events.participants.Role;

/** The mentors and mentees matching knows of. */
public interface Participants extends MongoRepository<Participant, String> {

	List<Participant> findByProgrammeIdAndRole(String programmeId, Role role);

	List<Participant> findByProgrammeId(String programmeId);

}
