package com.kreativnomentorstvo.participants.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
import com.kreativnomentorstvo.events.participants.ProgrammeStatus;
import com.kreativnomentorstvo.events.participants.ProgrammeStatusChanged;
import com.kreativnomentorstvo.events.participants.ProgrammeUpdated;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.ProblemText;

/**
 * A mentoring programme: run by an organiser with partner organisations, dated, with an enrolment
 * window, a taxonomy of skills and goals, and the policy its pairs are formed by. Its status
 * ({@link StatusRules}) moves by its dates and by its organiser's coordinators; every move is
 * announced twice in one write: {@code programme.updated} with the new state, then
 * {@code programme.status-changed}.
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

	/** Absent for programmes stored before programmes had a status: theirs is what their dates give. */
	private ProgrammeStatus status;

	private Instant statusChangedAt;

	/** Why a coordinator last moved the status, in her words; absent for a move by the dates. */
	private String statusReason;

	/** The programme this one was copied from as its next cycle; absent for a first cycle. */
	private String previousCycleId;

	private Instant createdAt;

	private Instant updatedAt;

	protected Programme() {
	}

	/** Sets up a programme, with the status its dates give by the default number of closing days. */
	static Programme create(String id, String organiserId, ProgrammeDraft draft, Instant at) {
		return create(id, organiserId, draft, at, StatusRules.DEFAULT_CLOSING_DAYS);
	}

	/** Sets up a programme, with the status its dates give (DRAFT or OPEN for one yet to start), and announces it. */
	static Programme create(String id, String organiserId, ProgrammeDraft draft, Instant at, int closingDays) {
		Programme programme = new Programme();
		programme.id = id;
		programme.organiserId = organiserId;
		programme.apply(draft);
		programme.status = programme.byDates(at, closingDays);
		programme.statusChangedAt = at;
		programme.createdAt = at;
		programme.updatedAt = at;
		programme.record(new ProgrammeCreated(programme.details(), at));
		return programme;
	}

	/**
	 * Sets up the programme's next cycle: the same organiser, partners, languages, time zone,
	 * taxonomy, matching policy and public call, every date shifted by the days between this cycle's
	 * start and the next one's, with the status its dates give; announced as any new programme, naming
	 * this one as its {@code previousCycleId}.
	 */
	Programme nextCycle(String nextId, LocalDate nextStartsOn, String nextName, Map<String, String> nextNames,
			Instant at, int closingDays) {
		long days = ChronoUnit.DAYS.between(startsOn, nextStartsOn);
		ProgrammeDraft draft = new ProgrammeDraft(nextName, partnerIds, startsOn.plusDays(days), endsOn.plusDays(days),
				timeZone, languages,
				milestones.stream().map(m -> new Milestone(m.kind(), m.date().plusDays(days))).toList(),
				enrolmentOpensOn.plusDays(days), enrolmentClosesOn.plusDays(days), taxonomy, matchingPolicy,
				nextNames == null ? Map.of() : nextNames);
		Programme next = new Programme();
		next.id = nextId;
		next.organiserId = organiserId;
		next.previousCycleId = id;
		next.apply(draft);
		next.call = getCall();
		next.status = next.byDates(at, closingDays);
		next.statusChangedAt = at;
		next.createdAt = at;
		next.updatedAt = at;
		next.record(new ProgrammeCreated(next.details(), at));
		return next;
	}

	/** Replaces the programme's settings, its status moving by the default number of closing days. */
	boolean revise(ProgrammeDraft draft, Instant at) {
		return revise(draft, at, StatusRules.DEFAULT_CLOSING_DAYS);
	}

	/**
	 * Replaces the programme's settings; announces the new state if anything changed. New dates
	 * move the status with them: forward, or from CLOSING back to RUNNING when the end moved out.
	 * @throws ConflictException naming {@code status} if the programme is archived
	 */
	boolean revise(ProgrammeDraft draft, Instant at, int closingDays) {
		requireEditable();
		if (draft().equals(sorted(draft))) {
			return false;
		}
		apply(draft);
		updatedAt = at;
		ProgrammeStatus from = status;
		ProgrammeStatus to = StatusRules.effective(status, byDates(at, closingDays));
		if (from == ProgrammeStatus.CLOSING && byDates(at, closingDays).compareTo(ProgrammeStatus.RUNNING) <= 0) {
			to = ProgrammeStatus.RUNNING; // its end was moved out
		}
		announceWithStatus(from, to, ProgrammeStatusChanged.BY_DATES, at);
		return true;
	}

	/**
	 * A coordinator moves the programme to another status. Moving to the status it has changes nothing.
	 * @return whether the status changed
	 * @throws ConflictException naming {@code status} for a move the current status does not allow
	 */
	boolean moveTo(ProgrammeStatus to, String reason, Instant at, int closingDays) {
		ProgrammeStatus byDates = byDates(at, closingDays);
		ProgrammeStatus from = StatusRules.effective(status, byDates);
		if (to == from) {
			return false;
		}
		if (from == ProgrammeStatus.ARCHIVED) {
			throw archived();
		}
		if (!StatusRules.allows(from, to, byDates)) {
			if (from == ProgrammeStatus.CLOSING && to == ProgrammeStatus.RUNNING) {
				throw new ConflictException("status-not-allowed",
						ProblemText.of("programme.status-reopen-dates", closingDays, endsOn), "status");
			}
			List<ProgrammeStatus> allowed = StatusRules.movesFrom(from, byDates);
			throw new ConflictException("status-not-allowed", ProblemText.of("programme.status-move-not-allowed",
					from, to, allowed.stream().map(Enum::name).reduce((a, b) -> a + ", " + b).orElse("-")), "status");
		}
		updatedAt = at;
		// the event says what was announced last, which is what other services hold
		announceWithStatus(status, to, ProgrammeStatusChanged.BY_COORDINATOR, at);
		statusReason = reason;
		return true;
	}

	/**
	 * Stores and announces the status the dates give, if they have moved it forward (or if the
	 * programme was stored before programmes had a status, so that every service learns it once).
	 * @return whether the status changed
	 */
	boolean followDates(Instant at, int closingDays) {
		ProgrammeStatus to = StatusRules.effective(status, byDates(at, closingDays));
		if (to == status) {
			return false;
		}
		updatedAt = at;
		announceWithStatus(status, to, ProgrammeStatusChanged.BY_DATES, at);
		return true;
	}

	/** Whether the dates or the stored status would change the programme's status at the instant. */
	boolean isBehindItsDates(Instant at, int closingDays) {
		return StatusRules.effective(status, byDates(at, closingDays)) != status;
	}

	/**
	 * Programme edits (settings, milestones, the call) are refused once it is archived.
	 * @throws ConflictException naming {@code status} if it is
	 */
	void requireEditable() {
		if (status == ProgrammeStatus.ARCHIVED) {
			throw archived();
		}
	}

	/** The programme's status at the instant (see {@link StatusRules#effective}). */
	public ProgrammeStatus statusAt(Instant at, int closingDays) {
		return StatusRules.effective(status, byDates(at, closingDays));
	}

	/** The status its dates give at the instant. */
	ProgrammeStatus byDates(Instant at, int closingDays) {
		return StatusRules.byDates(enrolmentOpensOn, enrolmentClosesOn, startsOn, endsOn, dateAt(at), closingDays);
	}

	/** Records the new state, with the status moved if it moved, and then the move itself. */
	private void announceWithStatus(ProgrammeStatus from, ProgrammeStatus to, String by, Instant at) {
		boolean moved = to != from;
		if (moved) {
			status = to;
			statusChangedAt = at;
			statusReason = null;
		}
		record(new ProgrammeUpdated(details(), nextVersion(), at));
		if (moved) {
			record(new ProgrammeStatusChanged(id, organiserId, from, to, by, at));
		}
	}

	private static ConflictException archived() {
		return new ConflictException("programme-archived", ProblemText.of("programme.status-archived"), "status");
	}

	/**
	 * Replaces the public call. Other services need neither its texts nor its questions, so nothing
	 * is announced.
	 * @return whether anything changed
	 */
	boolean publishCall(Call revised, Instant at) {
		requireEditable();
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
				List.copyOf(taxonomy), matchingPolicy, getNames(), status, previousCycleId);
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

	/**
	 * Whether people may apply on their own at the instant: while its enrolment window is open and
	 * the programme is OPEN. Within the window its dates make it OPEN, so this refuses only a
	 * programme its coordinators moved on early (to RUNNING or later).
	 */
	public boolean isOpenForEnrolment(Instant now) {
		return isWithinEnrolmentWindow(now) && (status == null || status.compareTo(ProgrammeStatus.OPEN) <= 0);
	}

	/** Whether the enrolment window is open at the instant, whatever the status. */
	public boolean isWithinEnrolmentWindow(Instant now) {
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

	/** The status as stored; absent for programmes stored before programmes had one (see {@link #statusAt}). */
	public ProgrammeStatus getStatus() {
		return status;
	}

	public Instant getStatusChangedAt() {
		return statusChangedAt;
	}

	public String getStatusReason() {
		return statusReason;
	}

	/** The programme this one was copied from as its next cycle; absent for a first cycle. */
	public String getPreviousCycleId() {
		return previousCycleId;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

}
