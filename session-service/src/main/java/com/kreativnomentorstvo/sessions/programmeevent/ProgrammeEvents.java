package com.kreativnomentorstvo.sessions.programmeevent;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Group events of programmes. */
public interface ProgrammeEvents extends MongoRepository<ProgrammeEvent, String> {

	Page<ProgrammeEvent> findByProgrammeId(String programmeId, Pageable pageable);

	List<ProgrammeEvent> findByProgrammeId(String programmeId);

	List<ProgrammeEvent> findByProgrammeIdIn(List<String> programmeIds);

	List<ProgrammeEvent> findByRsvpsParticipantId(String participantId);

	List<ProgrammeEvent> findByAttendanceParticipantId(String participantId);

}
