package com.kreativnomentorstvo.participants.programme;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.events.participants.ProgrammeStatus;
import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.PageOf;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/**
 * Who may see and run which programme. Administrators: every programme. Coordinators: those their
 * organisation organises or partners in. Mentors and mentees: the programme they are enrolled in,
 * and any programme whose enrolment is open, so that they can apply. Everyone else learns nothing,
 * not even that a programme exists (404).
 */
@Component
public class ProgrammeAccess {

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("startsOn"), Sort.Order.asc("_id"));

	private final Programmes programmes;

	private final Participation participation;

	private final Clock clock;

	private final int closingDays;

	ProgrammeAccess(Programmes programmes, Participation participation, ParticipantServiceProperties properties,
			Clock clock) {
		this.programmes = programmes;
		this.participation = participation;
		this.closingDays = properties.statuses().closingDays();
		this.clock = clock;
	}

	/** The programme if the caller may see it, else 404. */
	public Programme visibleTo(Caller caller, String id) {
		return programmes.findById(id)
			.filter(programme -> canSee(caller, programme))
			.orElseThrow(() -> new ResourceNotFoundException("programme", id));
	}

	/** The programme if the caller coordinates it; 404 if she may not see it, 403 if she only may see it. */
	public Programme coordinatedBy(Caller caller, String id) {
		Programme programme = visibleTo(caller, id);
		if (!coordinates(caller, programme)) {
			throw new AccessDeniedException("only the programme's coordinators may do this");
		}
		return programme;
	}

	/** The programme if the caller may change it: administrators and the organiser's coordinators. */
	Programme organisedBy(Caller caller, String id) {
		Programme programme = visibleTo(caller, id);
		if (!runs(caller, programme)) {
			throw new AccessDeniedException("only the organiser's coordinators may change the programme");
		}
		return programme;
	}

	/**
	 * Whether the caller runs the programme (settings, call, matching, trainings): administrators
	 * and the organiser's coordinators.
	 */
	public boolean runs(Caller caller, Programme programme) {
		return caller.coordinatesFor(List.of(programme.getOrganiserId()));
	}

	/**
	 * The tenancy rule of a shared programme, in one place: whether the caller stewards the
	 * programme's participants of the given organisation (admits, rejects, removes and erases them,
	 * sees their contact data, review reasons and answers). Administrators, and the coordinators of
	 * {@link Programme#stewardOf the stewarding organisation}; every other coordinator of the
	 * programme sees their profile cards only.
	 */
	public boolean stewards(Caller caller, Programme programme, String organisationId) {
		return caller.coordinatesFor(List.of(programme.stewardOf(organisationId)));
	}

	/** Whether the caller administers the platform or coordinates for the organiser or a partner. */
	public boolean coordinates(Caller caller, Programme programme) {
		return caller.coordinatesFor(programme.organisationIds());
	}

	/** The programmes the caller's organisation organises or partners in (none unless she is a coordinator). */
	public List<Programme> coordinatedBy(Caller caller) {
		if (!caller.isCoordinator() || caller.organisationId() == null) {
			return List.of();
		}
		return programmes.findByOrganiserIdOrPartnerIds(caller.organisationId(), caller.organisationId());
	}

	/** The programme, whoever asks: for checks that answer with their own status, such as a closed enrolment. */
	public Programme existing(String id) {
		return programmes.findById(id).orElseThrow(() -> new ResourceNotFoundException("programme", id));
	}

	/** Whether the caller may see the programme's coordination settings, such as its matching policy. */
	public boolean seesSettingsOf(Caller caller, Programme programme) {
		return coordinates(caller, programme);
	}

	PageOf<Programme> visibleTo(Caller caller, int page, int size) {
		PageRequest request = PageRequest.of(page, size, NEWEST_FIRST);
		if (caller.isAdmin()) {
			var found = programmes.findAll(request);
			return new PageOf<>(found.getContent(), page, size, found.getTotalElements());
		}
		if (caller.isCoordinator() && !isApplicant(caller) && caller.organisationId() != null) {
			var found = programmes.findByOrganiserIdOrPartnerIds(caller.organisationId(), caller.organisationId(),
					request);
			return new PageOf<>(found.getContent(), page, size, found.getTotalElements());
		}
		// mentors and mentees see a handful of programmes: gather them and page in memory
		Map<String, Programme> visible = new LinkedHashMap<>();
		coordinatedBy(caller).forEach(programme -> visible.put(programme.getId(), programme));
		programmes.findByIdIn(participation.programmesOf(caller)).forEach(p -> visible.put(p.getId(), p));
		if (isApplicant(caller)) {
			LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
			programmes.findByEnrolmentOpensOnLessThanEqualAndEnrolmentClosesOnGreaterThanEqual(today.plusDays(1),
					today.minusDays(1))
				.stream()
				.filter(programme -> programme.isOpenForEnrolment(clock.instant()))
				.forEach(programme -> visible.putIfAbsent(programme.getId(), programme));
		}
		List<Programme> sorted = visible.values()
			.stream()
			.sorted(Comparator.comparing(Programme::getStartsOn).reversed().thenComparing(Programme::getId))
			.toList();
		return PageOf.slice(sorted, page, size);
	}

	private boolean canSee(Caller caller, Programme programme) {
		if (coordinates(caller, programme)) {
			return true;
		}
		Set<String> own = participation.programmesOf(caller);
		return own.contains(programme.getId()) || isApplicant(caller) && programme.isOpenForEnrolment(clock.instant());
	}

	/** Whether the caller holds an account that may apply to programmes as mentor or mentee. */
	public static boolean isApplicant(Caller caller) {
		return caller.roles().contains(Caller.Role.MENTOR) || caller.roles().contains(Caller.Role.MENTEE);
	}

	/**
	 * Refuses new people (an enrolment by a coordinator, a list of invitations) once the programme is
	 * CLOSED or ARCHIVED: its mentorships have ended, nobody joins it any more.
	 * @throws ConflictException naming {@code status}
	 */
	public void requireTakingPeople(Programme programme) {
		ProgrammeStatus status = programme.statusAt(clock.instant(), closingDays);
		if (status.compareTo(ProgrammeStatus.CLOSED) >= 0) {
			throw new ConflictException("enrolment-closed",
					ProblemText.of("participant.programme-ended", programme.getName(), status), "status");
		}
	}

}
