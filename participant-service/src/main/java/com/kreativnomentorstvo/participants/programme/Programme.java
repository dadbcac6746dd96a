package com.kreativnomentorstvo.participants.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.events.participants.MatchingPolicy;
import com.kreativnomentorstvo.events.participants.Milestone;
import com.kreativnomentorstvo.events.participants.ProgrammeCreated;
import com.kreativnomentorstvo.events.participants.ProgrammeDetails;
import com.kreativnomentorstvo.events.participants.ProgrammeUpdated;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;

/**
 * A mentoring programme: run by an organiser with partner organisations, dated, with an enrolment
 * window, a taxonomy of skills and goals, and the policy its pairs are formed by.
 */
@Document("programmes")
public class Programme extends AggregateRoot {

	private static final Comparator<Milestone> BY_DATE = Comparator.comparing(Milestone::date)
		.thenComparing(Milestone::kind);

	@Id
	private String id;

	private String organiserId;

	private String name;

	/** Its name in other languages, by language tag. */
	private Map<String, String> names = new LinkedHashMap<>();

	private List<String> partnerIds = new ArrayList<>();

	private LocalDate startsOn;

	private LocalDate endsOn;

	private String timeZone;

	private List<String> languages = new ArrayList<>();

	private List<Milestone> milestones = new ArrayList<>();

	private LocalDate enrolmentOpensOn;

	private LocalDate enrolmentClosesOn;

	private List<String> taxonomy = new ArrayList<>();

	private MatchingPolicy matchingPolicy;

	/** The public call: texts per language and the application questions. */
	private Call call;

	private Instant createdAt;

	private Instant updatedAt;

	protected Programme() {
	}

	/** Sets up a programme and announces it. */
	static Programme create(String id, String organiserId, ProgrammeDraft draft, Instant at) {
		Programme programme = new Programme();
		programme.id = id;
		programme.organiserId = organiserId;
		programme.apply(draft);
		programme.createdAt = at;
		programme.updatedAt = at;
		programme.record(new ProgrammeCreated(programme.details(), at));
		return programme;
	}

	/** Replaces the programme's settings; announces the new state if anything changed. */
	boolean revise(ProgrammeDraft draft, Instant at) {
		if (draft().equals(sorted(draft))) {
			return false;
		}
		apply(draft);
		updatedAt = at;
		record(new ProgrammeUpdated(details(), nextVersion(), at));
		return true;
	}

	/**
	 * Replaces the public call. Other services need neither its texts nor its questions, so nothing
	 * is announced.
	 * @return whether anything changed
	 */
	boolean publishCall(Call revised, Instant at) {
		if (revised.equals(getCall())) {
			return false;
		}
		call = revised;
		updatedAt = at;
		return true;
	}

	/** The programme's current settings. */
	ProgrammeDraft draft() {
		return new ProgrammeDraft(name, partnerIds, startsOn, endsOn, timeZone, languages, milestones,
				enrolmentOpensOn, enrolmentClosesOn, taxonomy, matchingPolicy, getNames());
	}

	/** The programme as other services know it. */
	public ProgrammeDetails details() {
		return new ProgrammeDetails(id, organiserId, List.copyOf(partnerIds), name, startsOn, endsOn, timeZone,
				List.copyOf(languages), List.copyOf(milestones), enrolmentOpensOn, enrolmentClosesOn,
				List.copyOf(taxonomy), matchingPolicy, getNames());
	}

	/** The organiser and the partners: the organisations whose coordinators run the programme. */
	public Set<String> organisationIds() {
		Set<String> organisations = new LinkedHashSet<>();
		organisations.add(organiserId);
		organisations.addAll(partnerIds);
		return organisations;
	}

	/**
	 * The organisation that stewards a participant of this programme who belongs to the given
	 * organisation: that organisation if it organises or partners in the programme, otherwise the
	 * organiser (an applicant through an organisation outside the programme is the organiser's to look after).
	 */
	public String stewardOf(String organisationId) {
		return organisationId != null && organisationIds().contains(organisationId) ? organisationId : organiserId;
	}

	/** The programme's calendar date at an instant, in the programme's own time zone. */
	public LocalDate dateAt(Instant instant) {
		return instant.atZone(ZoneId.of(timeZone)).toLocalDate();
	}

	/** Whether people may apply on their own at the instant. */
	public boolean isOpenForEnrolment(Instant now) {
		LocalDate today = dateAt(now);
		return !today.isBefore(enrolmentOpensOn) && !today.isAfter(enrolmentClosesOn);
	}

	/** Whether the programme has begun at the instant. */
	public boolean hasStarted(Instant now) {
		return !dateAt(now).isBefore(startsOn);
	}

	private void apply(ProgrammeDraft draft) {
		ProgrammeDraft sorted = sorted(draft);
		name = sorted.name();
		names = new LinkedHashMap<>(sorted.names());
		partnerIds = new ArrayList<>(sorted.partnerIds());
		startsOn = sorted.startsOn();
		endsOn = sorted.endsOn();
		timeZone = sorted.timeZone();
		languages = new ArrayList<>(sorted.languages());
		milestones = new ArrayList<>(sorted.milestones());
		enrolmentOpensOn = sorted.enrolmentOpensOn();
		enrolmentClosesOn = sorted.enrolmentClosesOn();
		taxonomy = new ArrayList<>(sorted.taxonomy());
		matchingPolicy = sorted.matchingPolicy();
	}

	private static ProgrammeDraft sorted(ProgrammeDraft draft) {
		return draft.withMilestones(draft.milestones().stream().sorted(BY_DATE).toList());
	}

	private long nextVersion() {
		return getVersion() == null ? 0 : getVersion() + 1;
	}

	public String getId() {
		return id;
	}

	public String getOrganiserId() {
		return organiserId;
	}

	public String getName() {
		return name;
	}

	/** Its name in other languages, by language tag (empty for a programme named in one language). */
	public Map<String, String> getNames() {
		return names == null ? Map.of() : Map.copyOf(names);
	}

	public List<String> getPartnerIds() {
		return List.copyOf(partnerIds);
	}

	public LocalDate getStartsOn() {
		return startsOn;
	}

	public LocalDate getEndsOn() {
		return endsOn;
	}

	public String getTimeZone() {
		return timeZone;
	}

	public List<String> getLanguages() {
		return List.copyOf(languages);
	}

	public List<Milestone> getMilestones() {
		return List.copyOf(milestones);
	}

	public LocalDate getEnrolmentOpensOn() {
		return enrolmentOpensOn;
	}

	public LocalDate getEnrolmentClosesOn() {
		return enrolmentClosesOn;
	}

	public List<String> getTaxonomy() {
		return List.copyOf(taxonomy);
	}

	public MatchingPolicy getMatchingPolicy() {
		return matchingPolicy;
	}

	/** The public call; empty until its organiser writes one. */
	public Call getCall() {
		return call == null ? Call.EMPTY : call;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

}
