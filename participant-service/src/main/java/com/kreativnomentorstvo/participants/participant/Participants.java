package com.kreativnomentorstvo.participants.participant;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.events.participants.Role;

/** Every participant of every programme of this instance, erased ones as bare records. */
public interface Participants extends MongoRepository<Participant, String> {

	boolean existsByEmailKey(String emailKey);

	Optional<Participant> findByEmailKey(String emailKey);

	List<Participant> findByAccountIdAndErasedAtIsNull(String accountId);

	boolean existsByProgrammeIdAndAccountIdAndErasedAtIsNull(String programmeId, String accountId);

	List<Participant> findByProgrammeIdInAndStatusAndPendingIsNull(Collection<String> programmeIds,
			ParticipantStatus status);

	List<Participant> findByProgrammeIdAndRole(String programmeId, Role role);

	Optional<Participant> findFirstByProgrammeIdAndAccountIdAndErasedAtIsNull(String programmeId, String accountId);

	List<Participant> findByPendingAndPendingUntilBefore(Pending pending, Instant before);

	List<Participant> findByTombstonePendingIsTrue();

}
