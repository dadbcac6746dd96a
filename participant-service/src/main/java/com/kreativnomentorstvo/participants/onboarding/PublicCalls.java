package com.kreativnomentorstvo.participants.onboarding;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;
import com.kreativnomentorstvo.participants.organisation.OrganisationDirectory;
import com.kreativnomentorstvo.participants.programme.Programme;
import com.kreativnomentorstvo.participants.programme.Programmes;
import com.kreativnomentorstvo.platform.web.PageOf;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/** The programmes whose enrolment window is open now, as public calls. */
@Service
class PublicCalls {

	private final Programmes programmes;

	private final OrganisationDirectory organisations;

	private final ParticipantServiceProperties properties;

	private final Clock clock;

	PublicCalls(Programmes programmes, OrganisationDirectory organisations, ParticipantServiceProperties properties,
			Clock clock) {
		this.programmes = programmes;
		this.organisations = organisations;
		this.properties = properties;
		this.clock = clock;
	}

	PageOf<PublicCall> open(int page, int size) {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		// a day either side: each programme's own zone decides whether its window is open
		List<PublicCall> calls = programmes
			.findByEnrolmentOpensOnLessThanEqualAndEnrolmentClosesOnGreaterThanEqual(today.plusDays(1),
					today.minusDays(1))
			.stream()
			.filter(programme -> programme.isOpenForEnrolment(now))
			.sorted(Comparator.comparing(Programme::getEnrolmentClosesOn).thenComparing(Programme::getId))
			.map(this::call)
			.toList();
		return PageOf.slice(calls, page, size);
	}

	/** The call of a programme whose window is open; 404 for an unknown programme and a closed call alike. */
	PublicCall open(String programmeId) {
		return programmes.findById(programmeId)
			.filter(programme -> programme.isOpenForEnrolment(clock.instant()))
			.map(this::call)
			.orElseThrow(() -> new ResourceNotFoundException("call", programmeId));
	}

	private PublicCall call(Programme programme) {
		List<PublicCall.Organisation> through = programme.organisationIds()
			.stream()
			.map(id -> organisations.find(id)
				.map(o -> new PublicCall.Organisation(o.getId(), o.getName(), o.getCountry(),
						id.equals(programme.getOrganiserId())))
				.orElse(null))
			.filter(o -> o != null)
			.toList();
		return PublicCall.of(programme, through, new PublicCall.ConsentAsked(properties.consent().scopes(),
				properties.consent().requiredScopes()));
	}

}
