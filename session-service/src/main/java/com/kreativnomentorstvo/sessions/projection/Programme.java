package com.kreativnomentorstvo.sessions.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.events.participants.Milestone;
import com.kreativnomentorstvo.events.participants.ProgrammeDetails;

/**
 * What this service knows of a programme, from participant-service's events: who runs it (for
 * access), its time zone and its milestones (for the midterm review check).
 */
@Document("programmes")
public class Programme {

	@Id
	private String id;

	private String organiserId;

	private List<String> partnerIds = new ArrayList<>();

	private String name;

	private String timeZone;

	private LocalDate startsOn;

	private LocalDate endsOn;

	private List<Milestone> milestones = new ArrayList<>();

	private long version;

	protected Programme() {
	}

	static Programme from(ProgrammeDetails details, long version) {
		Programme programme = new Programme();
		programme.id = details.programmeId();
		programme.replace(details, version);
		return programme;
	}

	void replace(ProgrammeDetails details, long version) {
		this.organiserId = details.organiserId();
		this.partnerIds = details.partnerIds() == null ? new ArrayList<>() : new ArrayList<>(details.partnerIds());
		this.name = details.name();
		this.timeZone = details.timeZone();
		this.startsOn = details.startsOn();
		this.endsOn = details.endsOn();
		this.milestones = details.milestones() == null ? new ArrayList<>() : new ArrayList<>(details.milestones());
		this.version = version;
	}

	/** The organiser and the partners: the organisations whose coordinators may see the programme. */
	public List<String> organisations() {
		List<String> organisations = new ArrayList<>(partnerIds);
		if (organiserId != null) {
			organisations.add(0, organiserId);
		}
		return organisations;
	}

	/** The date of the first milestone of the kind, e.g. {@code MIDTERM}. */
	public Optional<LocalDate> milestone(String kind) {
		return milestones.stream().filter(m -> kind.equalsIgnoreCase(m.kind())).map(Milestone::date).findFirst();
	}

	public String getId() {
		return id;
	}

	public String getOrganiserId() {
		return organiserId;
	}

	public List<String> getPartnerIds() {
		return List.copyOf(partnerIds);
	}

	public String getName() {
		return name;
	}

	public String getTimeZone() {
		return timeZone;
	}

	public LocalDate getStartsOn() {
		return startsOn;
	}

	public LocalDate getEndsOn() {
		return endsOn;
	}

	long getVersion() {
		return version;
	}

}
