package com.kreativnomentorstvo.participants.programme;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

import com.kreativnomentorstvo.events.participants.ProgrammeStatus;

/** Every programme of this instance. */
public interface Programmes extends MongoRepository<Programme, String> {

	/** Programmes the organisation runs or partners in. */
	Page<Programme> findByOrganiserIdOrPartnerIds(String organiserId, String partnerId, Pageable pageable);

	/** Programmes the organisation runs or partners in. */
	List<Programme> findByOrganiserIdOrPartnerIds(String organiserId, String partnerId);

	List<Programme> findByIdIn(Collection<String> ids);

	/** Programmes whose enrolment window may include a day between the two dates. */
	List<Programme> findByEnrolmentOpensOnLessThanEqualAndEnrolmentClosesOnGreaterThanEqual(LocalDate latest,
			LocalDate earliest);

	/** Programmes whose status is none of these (or not stored yet). */
	List<Programme> findByStatusNotIn(Collection<ProgrammeStatus> statuses);

	/** The next cycles copied from the programme. */
	List<Programme> findByPreviousCycleId(String previousCycleId);

	/** Programmes that may have started by the date. */
	List<Programme> findByStartsOnLessThanEqual(LocalDate latest);

}
