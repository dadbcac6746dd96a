package com.kreativnomentorstvo.notifications.webhook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.MentoringEvent;
import com.kreativnomentorstvo.events.matching.MatchAccepted;
import com.kreativnomentorstvo.events.matching.MatchDeclined;
import com.kreativnomentorstvo.events.matching.MatchExpired;
import com.kreativnomentorstvo.events.matching.MatchProposed;
import com.kreativnomentorstvo.events.matching.MentorshipEnded;
import com.kreativnomentorstvo.events.matching.MentorshipStarted;
import com.kreativnomentorstvo.events.participants.ParticipantAdmitted;
import com.kreativnomentorstvo.events.participants.ParticipantEnrolled;
import com.kreativnomentorstvo.events.participants.ParticipantErased;
import com.kreativnomentorstvo.events.participants.ParticipantInvited;
import com.kreativnomentorstvo.events.participants.ParticipantProfileUpdated;
import com.kreativnomentorstvo.events.participants.ParticipantRejected;
import com.kreativnomentorstvo.events.participants.ParticipantWithdrawn;
import com.kreativnomentorstvo.events.participants.ProgrammeCreated;
import com.kreativnomentorstvo.events.participants.ProgrammeDetails;
import com.kreativnomentorstvo.events.participants.ProgrammeUpdated;
import com.kreativnomentorstvo.events.sessions.FeedbackSubmitted;
import com.kreativnomentorstvo.events.sessions.ReviewSubmitted;
import com.kreativnomentorstvo.events.sessions.SessionCancelled;
import com.kreativnomentorstvo.events.sessions.SessionHeld;
import com.kreativnomentorstvo.events.sessions.SessionRescheduled;
import com.kreativnomentorstvo.events.sessions.SessionScheduled;
import com.kreativnomentorstvo.events.sessions.SurveyAnswered;
import com.kreativnomentorstvo.events.sessions.SurveyRequested;
import com.kreativnomentorstvo.notifications.recipient.Stewardship;
import com.kreativnomentorstvo.platform.programmes.Programme;

/**
 * The one rule for which webhook subscriptions may receive an event: what the subscription's
 * organisation may read through the API, nothing more. Per type of the catalogue:
 * <ul>
 * <li>organisation registered/updated: that organisation;</li>
 * <li>programme created/updated, trainings (programme events) and the profile card of any participant
 * (enrolled, profile updated, withdrawn, erased): every organisation of the programme (organiser and
 * partners);</li>
 * <li>decisions on one person (admitted, rejected with its reason, invited with its link id): her
 * steward only;</li>
 * <li>matches and mentorships: the programme's runners (its organiser) and the stewards of the mentor
 * and of the mentee;</li>
 * <li>sessions (scheduled, rescheduled with meeting links and venues, cancelled, held), feedback and
 * reviews: the stewards of the mentor and of the mentee only;</li>
 * <li>contact details, applications before they are confirmed, password links, coordinators' own events
 * and this service's delivery outcomes: nobody.</li>
 * </ul>
 * A steward is the participant's organisation if it takes part in the programme, else the organiser
 * ({@link Stewardship}); a member this service does not know (yet) makes nobody a steward, so an event
 * is withheld rather than sent too widely. Each fact the rule needed and did not find (a programme, a
 * participant's organisation, a mentorship's members) is named in {@link Readers#missing()}, so that
 * the caller can wait for it instead of deciding with too little (events of different keys arrive in
 * any order). An instance-wide subscription (made by an admin) receives every offered type. The
 * switch below lists every type of the catalogue: a new type does not compile until it is given its
 * audience here.
 */
final class WebhookAudience {

	/** What the rule needs to know of the platform's state. */
	interface Facts {

		/** The programme, if this service has heard of it. */
		Optional<Programme> programme(String programmeId);

		/** The organisation a participant's enrolment belongs to, if this service knows her. */
		Optional<String> organisationOf(String participantId);

		/** The mentor and mentee of a mentorship, if this service knows it. */
		List<String> membersOf(String mentorshipId);

	}

	/**
	 * The organisations whose subscriptions may receive an event; an event nobody may receive is
	 * {@link #NOBODY}.
	 * @param missing the facts the rule needed and this service does not know yet, e.g.
	 *     {@code programme:<id>}, {@code participant:<id>}, {@code mentorship:<id>}; while there are any,
	 *     {@code organisations} is only what the known facts allow
	 */
	record Readers(boolean offered, Set<String> organisations, Set<String> missing) {

		static final Readers NOBODY = new Readers(false, Set.of(), Set.of());

		/** Whether a subscription of the organisation ({@code null}: instance-wide) may receive it. */
		boolean admit(String subscriberOrganisationId) {
			return offered && (subscriberOrganisationId == null || organisations.contains(subscriberOrganisationId));
		}

		/** Whether every fact the rule needed was known, so that the audience is final. */
		boolean complete() {
			return missing.isEmpty();
		}

	}

	/** The fact that a programme is known here. */
	static String programmeFact(String programmeId) {
		return "programme:" + programmeId;
	}

	/** The fact that a participant (her organisation) is known here. */
	static String participantFact(String participantId) {
		return "participant:" + participantId;
	}

	/** The fact that a mentorship (its mentor and mentee) is known here. */
	static String mentorshipFact(String mentorshipId) {
		return "mentorship:" + mentorshipId;
	}

	private final Facts facts;

	WebhookAudience(Facts facts) {
		this.facts = facts;
	}

	/** The types no webhook can subscribe to: those nobody may receive. */
	static boolean offered(EventType type) {
		return switch (type) {
			case PARTICIPANT_CONTACT_CHANGED, COORDINATOR_CONTACT_CHANGED, APPLICATION_SUBMITTED, PASSWORD_LINK_ISSUED, RETURN_INVITED,
					COORDINATOR_APPOINTED, COORDINATOR_REMOVED, NOTIFICATION_DELIVERED, NOTIFICATION_FAILED,
					// a pair's thread is theirs alone: no organisation reads it through the API
					MESSAGE_POSTED -> false;
			default -> true;
		};
	}

	/**
	 * Who may receive the event, with what is known here now, and which facts it needed that are not.
	 * @param programmeId the programme the event names in its envelope (or data)
	 * @param organisationId the organisation the event names in its envelope (or data)
	 */
	Readers readersOf(MentoringEvent event, String programmeId, String organisationId) {
		EventType type = event.eventType();
		Set<String> missing = new LinkedHashSet<>();
		Collection<String> organisations = switch (type) {
			case ORGANISATION_REGISTERED, ORGANISATION_UPDATED -> one(organisationId);
			case PROGRAMME_CREATED -> organisationsOf(((ProgrammeCreated) event).programme());
			case PROGRAMME_UPDATED -> organisationsOf(((ProgrammeUpdated) event).programme());
			case PARTICIPANT_ENROLLED, PARTICIPANT_PROFILE_UPDATED, PARTICIPANT_WITHDRAWN, PARTICIPANT_ERASED,
					PROGRAMME_STATUS_CHANGED, PROGRAMME_EVENT_SCHEDULED, PROGRAMME_EVENT_RESCHEDULED, PROGRAMME_EVENT_CANCELLED,
					PROGRAMME_EVENT_TURNOUT_FLAGGED ->
				programmeOrganisations(programmeId, organisationId, missing);
			case PARTICIPANT_ADMITTED, PARTICIPANT_REJECTED, PARTICIPANT_INVITED ->
				one(Stewardship.stewardOf(programme(programmeId, missing), organisationId));
			case MATCH_PROPOSED, MATCH_ACCEPTED, MATCH_DECLINED, MATCH_EXPIRED, MENTORSHIP_STARTED, MENTORSHIP_ENDED ->
				Stream.concat(Stream.of(runnerOf(programmeId, organisationId, missing)),
						stewardsOf(programmeId, about(event), missing).stream()).toList();
			case SESSION_SCHEDULED, SESSION_RESCHEDULED, SESSION_CANCELLED, SESSION_HELD, SURVEY_REQUESTED,
					SURVEY_ANSWERED ->
				stewardsOf(programmeId, about(event), missing);
			case FEEDBACK_SUBMITTED, REVIEW_SUBMITTED -> {
				String mentorshipId = event instanceof FeedbackSubmitted feedback ? feedback.mentorshipId()
						: ((ReviewSubmitted) event).mentorshipId();
				if (mentorshipId != null && facts.membersOf(mentorshipId).isEmpty()) {
					missing.add(mentorshipFact(mentorshipId));
				}
				yield stewardsOf(programmeId, about(event), missing);
			}
			case PARTICIPANT_CONTACT_CHANGED, COORDINATOR_CONTACT_CHANGED, APPLICATION_SUBMITTED, PASSWORD_LINK_ISSUED, RETURN_INVITED,
					COORDINATOR_APPOINTED, COORDINATOR_REMOVED, NOTIFICATION_DELIVERED, NOTIFICATION_FAILED,
					MESSAGE_POSTED -> List.of();
		};
		return offered(type) ? readers(organisations, missing) : Readers.NOBODY;
	}

	/**
	 * The participants an event is about: whose erasure withdraws it from every webhook that has
	 * not received it yet, and empties the delivery records of those that have.
	 */
	Set<String> about(MentoringEvent event) {
		Set<String> about = new LinkedHashSet<>();
		switch (event.eventType()) {
			case PARTICIPANT_ENROLLED -> about.add(((ParticipantEnrolled) event).profile().participantId());
			case PARTICIPANT_PROFILE_UPDATED -> about.add(((ParticipantProfileUpdated) event).profile().participantId());
			case PARTICIPANT_WITHDRAWN -> about.add(((ParticipantWithdrawn) event).participantId());
			case PARTICIPANT_ERASED -> about.add(((ParticipantErased) event).participantId());
			case PARTICIPANT_ADMITTED -> about.add(((ParticipantAdmitted) event).participantId());
			case PARTICIPANT_REJECTED -> about.add(((ParticipantRejected) event).participantId());
			case PARTICIPANT_INVITED -> about.add(((ParticipantInvited) event).participantId());
			case MATCH_PROPOSED -> pair(about, ((MatchProposed) event).mentorId(), ((MatchProposed) event).menteeId());
			case MATCH_ACCEPTED -> pair(about, ((MatchAccepted) event).mentorId(), ((MatchAccepted) event).menteeId());
			case MATCH_DECLINED -> pair(about, ((MatchDeclined) event).mentorId(), ((MatchDeclined) event).menteeId());
			case MATCH_EXPIRED -> pair(about, ((MatchExpired) event).mentorId(), ((MatchExpired) event).menteeId());
			case MENTORSHIP_STARTED ->
				pair(about, ((MentorshipStarted) event).mentorId(), ((MentorshipStarted) event).menteeId());
			case MENTORSHIP_ENDED -> pair(about, ((MentorshipEnded) event).mentorId(), ((MentorshipEnded) event).menteeId());
			case SESSION_SCHEDULED ->
				pair(about, ((SessionScheduled) event).mentorId(), ((SessionScheduled) event).menteeId());
			case SESSION_RESCHEDULED ->
				pair(about, ((SessionRescheduled) event).mentorId(), ((SessionRescheduled) event).menteeId());
			case SESSION_CANCELLED ->
				pair(about, ((SessionCancelled) event).mentorId(), ((SessionCancelled) event).menteeId());
			case SESSION_HELD -> pair(about, ((SessionHeld) event).mentorId(), ((SessionHeld) event).menteeId());
			case SURVEY_REQUESTED -> about.add(((SurveyRequested) event).participantId());
			case SURVEY_ANSWERED -> about.add(((SurveyAnswered) event).participantId());
			case FEEDBACK_SUBMITTED -> {
				FeedbackSubmitted feedback = (FeedbackSubmitted) event;
				about.add(feedback.authorId());
				about.addAll(facts.membersOf(feedback.mentorshipId()));
			}
			case REVIEW_SUBMITTED -> {
				ReviewSubmitted review = (ReviewSubmitted) event;
				about.add(review.authorId());
				about.addAll(facts.membersOf(review.mentorshipId()));
			}
			default -> {
				// about an organisation, a programme or a training, or never offered
			}
		}
		about.remove(null);
		return about;
	}

	private static void pair(Set<String> about, String mentorId, String menteeId) {
		about.add(mentorId);
		about.add(menteeId);
	}

	/** The programme, noting it as missing while it is unknown here. */
	private Optional<Programme> programme(String programmeId, Set<String> missing) {
		Optional<Programme> programme = facts.programme(programmeId);
		if (programme.isEmpty() && programmeId != null) {
			missing.add(programmeFact(programmeId));
		}
		return programme;
	}

	/** The stewards of the participants of the programme that this service knows; the others are missing. */
	private Set<String> stewardsOf(String programmeId, Collection<String> participantIds, Set<String> missing) {
		Optional<Programme> programme = programme(programmeId, missing);
		Set<String> stewards = new LinkedHashSet<>();
		for (String participantId : participantIds) {
			Optional<String> organisation = facts.organisationOf(participantId);
			if (organisation.isEmpty()) {
				missing.add(participantFact(participantId));
			}
			organisation.map(org -> Stewardship.stewardOf(programme, org)).ifPresent(stewards::add);
		}
		return stewards;
	}

	/** The organisation that runs the programme: its organiser, or while unknown the event's organisation. */
	private String runnerOf(String programmeId, String organisationId, Set<String> missing) {
		return programme(programmeId, missing).map(Programme::organiserId).orElse(organisationId);
	}

	/** The organiser and partners of the programme, or while it is unknown the event's organisation. */
	private List<String> programmeOrganisations(String programmeId, String organisationId, Set<String> missing) {
		return programme(programmeId, missing).map(Programme::organisations)
			.filter(organisations -> !organisations.isEmpty())
			.orElseGet(() -> one(organisationId));
	}

	private static List<String> organisationsOf(ProgrammeDetails programme) {
		List<String> organisations = new ArrayList<>();
		organisations.add(programme.organiserId());
		if (programme.partnerIds() != null) {
			organisations.addAll(programme.partnerIds());
		}
		return organisations;
	}

	private static List<String> one(String organisationId) {
		return organisationId == null ? List.of() : List.of(organisationId);
	}

	private static Readers readers(Collection<String> organisationIds, Set<String> missing) {
		Set<String> organisations = new LinkedHashSet<>();
		organisationIds.stream().filter(Objects::nonNull).forEach(organisations::add);
		return new Readers(true, Set.copyOf(organisations), Collections.unmodifiableSet(missing));
	}

}
