package com.kreativnomentorstvo.platform.programmes;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.events.participants.MatchingPolicy;
import com.kreativnomentorstvo.events.participants.Milestone;
import com.kreativnomentorstvo.events.participants.ProgrammeDetails;
import com.kreativnomentorstvo.platform.security.Caller;

/**
 * A programme as participant-service last announced it: the whole {@link ProgrammeDetails} of its
 * newest event and that event's version (a creation counts as {@code 0}). Kept by
 * {@link ProgrammeDirectory} in each service's own database.
 */
@Document(ProgrammeDirectory.COLLECTION)
@CompoundIndex(name = "organiser", def = "{'details.organiserId': 1}")
@CompoundIndex(name = "partners", def = "{'details.partnerIds': 1}")
public record Programme(@Id String id, ProgrammeDetails details, long version) {

	/** The organisation that runs the programme. */
	public String organiserId() {
		return details.organiserId();
	}

	/** The partner organisations (never {@code null}). */
	public List<String> partnerIds() {
		return present(details.partnerIds());
	}

	/** The organiser, then the partners: the organisations whose coordinators see the programme. */
	public List<String> organisations() {
		List<String> organisations = new ArrayList<>();
		if (organiserId() != null) {
			organisations.add(organiserId());
		}
		partnerIds().stream().filter(id -> !organisations.contains(id)).forEach(organisations::add);
		return List.copyOf(organisations);
	}

	/**
	 * The platform's one rule for who coordinates a programme: admins, and coordinators of its
	 * organiser or of a partner organisation.
	 */
	public boolean coordinatedBy(Caller caller) {
		return caller.coordinatesFor(organisations());
	}

	public String name() {
		return details.name();
	}

	/** The IANA time zone as announced, possibly {@code null}. */
	public String timeZone() {
		return details.timeZone();
	}

	/** The programme's time zone, if it names a valid one. */
	public Optional<ZoneId> zone() {
		String zone = details.timeZone();
		if (zone == null || zone.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(ZoneId.of(zone));
		}
		catch (RuntimeException invalid) {
			return Optional.empty();
		}
	}

	/** The languages of the programme (never {@code null}). */
	public List<String> languages() {
		return present(details.languages());
	}

	public LocalDate startsOn() {
		return details.startsOn();
	}

	public LocalDate endsOn() {
		return details.endsOn();
	}

	/** The date of the first milestone of the kind (e.g. {@code MIDTERM}, any case) that has a date. */
	public Optional<LocalDate> milestone(String kind) {
		return details.milestones() == null ? Optional.empty()
				: details.milestones()
					.stream()
					.filter(m -> m != null && kind.equalsIgnoreCase(m.kind()))
					.map(Milestone::date)
					.filter(Objects::nonNull)
					.findFirst();
	}

	/** How the programme wants its pairs formed, if it said. */
	public Optional<MatchingPolicy> matchingPolicy() {
		return Optional.ofNullable(details.matchingPolicy());
	}

	private static List<String> present(List<String> values) {
		return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
	}

}
