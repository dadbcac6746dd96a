package com.kreativnomentorstvo.participants.participant;

import java.util.Collection;
import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

import com.kreativnomentorstvo.events.participants.ParticipantStatus;

/** Every participant of every programme of this instance, erased ones as bare records. */
public interface Participants extends MongoRepository<Participant, String> {

	boolean existsByEmailKey(String emailKey);

	List<Participant> findByApplicantSubject(String applicantSubject);

	List<Participant> findByProgrammeIdInAndStatus(Collection<String> programmeIds, ParticipantStatus status);

	List<Participant> findByTombstonePendingIsTrue();

}
