package com.kreativnomentorstvo.sessions.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;
import com.kreativnomentorstvo.sessions.calendar.CalendarFeeds;
import com.kreativnomentorstvo.sessions.feedback.Feedback;
import com.kreativnomentorstvo.sessions.feedback.Feedbacks;
import com.kreativnomentorstvo.sessions.mentorship.CheckIn;
import com.kreativnomentorstvo.sessions.mentorship.Goal;
import com.kreativnomentorstvo.sessions.mentorship.Mentorship;
import com.kreativnomentorstvo.sessions.mentorship.Mentorships;
import com.kreativnomentorstvo.sessions.message.Message;
import com.kreativnomentorstvo.sessions.message.Messages;
import com.kreativnomentorstvo.sessions.programmeevent.Attendance;
import com.kreativnomentorstvo.sessions.programmeevent.ProgrammeEvent;
import com.kreativnomentorstvo.sessions.programmeevent.ProgrammeEvents;
import com.kreativnomentorstvo.sessions.programmeevent.Rsvp;
import com.kreativnomentorstvo.sessions.projection.Directory;
import com.kreativnomentorstvo.sessions.projection.Participant;
import com.kreativnomentorstvo.sessions.projection.Stewardship;
import com.kreativnomentorstvo.sessions.review.Review;
import com.kreativnomentorstvo.sessions.review.Reviews;
import com.kreativnomentorstvo.sessions.session.Session;
import com.kreativnomentorstvo.sessions.session.SessionNote;
import com.kreativnomentorstvo.sessions.session.SessionStatus;
import com.kreativnomentorstvo.sessions.session.Sessions;
import com.kreativnomentorstvo.sessions.survey.Answer;
import com.kreativnomentorstvo.sessions.survey.SurveyRequest;
import com.kreativnomentorstvo.sessions.survey.SurveyRequests;

/**
 * What session-service holds about a participant (GDPR art. 15 and 20), for the platform's data
 * export: what it knows of her enrolment, her pairs with their goals and her check-ins, her
 * sessions with the notes she may read (hers, and the shared ones of her partner), her feedback and
 * reviews, the messages she wrote to her partners, the surveys she was asked with her answers, her answers to group events and her attendance, and whether she has a calendar feed
 * address (never the address). Readable by herself, her steward's coordinators and administrators;
 * 404 for anyone else, for someone it never heard of and once she is erased.
 */
@Service
class PersonalData {

	static final String SERVICE = "sessions";

	private final Directory directory;

	private final Stewardship stewardship;

	private final Mentorships mentorships;

	private final Sessions sessions;

	private final Feedbacks feedbacks;

	private final Reviews reviews;

	private final ProgrammeEvents programmeEvents;

	private final CalendarFeeds feeds;

	private final Messages messages;

	private final SurveyRequests surveyRequests;

	private final Clock clock;

	PersonalData(Directory directory, Stewardship stewardship, Mentorships mentorships, Sessions sessions,
			Feedbacks feedbacks, Reviews reviews, ProgrammeEvents programmeEvents, CalendarFeeds feeds,
			Messages messages, SurveyRequests surveyRequests, Clock clock) {
		this.directory = directory;
		this.stewardship = stewardship;
		this.mentorships = mentorships;
		this.sessions = sessions;
		this.feedbacks = feedbacks;
		this.reviews = reviews;
		this.programmeEvents = programmeEvents;
		this.feeds = feeds;
		this.messages = messages;
		this.surveyRequests = surveyRequests;
		this.clock = clock;
	}

	/** The export, as the platform's contract for every service's part has it. */
	record Export(String service, String participantId, Instant exportedAt, Data data) {
	}

	record Data(Enrolment enrolment, List<Pair> mentorships, List<SessionData> sessions, List<FeedbackData> feedback,
			List<ReviewData> reviews, List<GroupEvent> groupEvents, CalendarFeed calendarFeed,
			List<MessageData> messages, List<SurveyData> surveys) {
	}

	/** A survey she was asked, and her answers if she gave them. */
	record SurveyData(String requestId, String surveyId, String programmeId, String trigger, String sessionId,
			Instant requestedAt, Instant dueBy, Instant answeredAt, List<Answer> answers) {
	}

	/** A message she wrote to the other member of a pair. */
	record MessageData(String mentorshipId, String recipientId, String text, Instant postedAt) {
	}

	/** What the service learnt of her enrolment (her goals' taxonomy codes: what resources are suggested by). */
	record Enrolment(String programmeId, String organisationId, Role role, String timeZone, String country,
			String standing, String displayName, String language, List<String> goals) {
	}

	record Pair(String mentorshipId, String matchId, String programmeId, Role role, String partnerId, String status,
			Instant startedAt, Instant endedAt, String endReason, List<GoalData> goals) {
	}

	/** A goal of her pair; check-in notes only where she wrote them. */
	record GoalData(String id, String title, String description, String createdBy, Instant createdAt, String status,
			int progress, List<CheckIn> checkIns) {
	}

	record SessionData(String sessionId, String mentorshipId, Instant start, Instant end, String timeZone,
			SessionMode mode, String meetingUrl, String venue, String agenda, SessionStatus status,
			String cancellationReason, Instant cancelledAt, List<SessionNote> notes) {
	}

	record FeedbackData(String sessionId, int rating, String comment, Instant submittedAt) {
	}

	record ReviewData(String mentorshipId, String kind, String progress, String challenges, String nextSteps,
			Instant submittedAt) {
	}

	record GroupEvent(String eventId, String programmeId, String title, Instant start, Rsvp rsvp, Attendance attendance) {
	}

	/** Whether she has a calendar feed address, and since when; the address itself is never kept or shown. */
	record CalendarFeed(boolean active, Instant createdAt) {
	}

	/** Her data, for herself, her steward's coordinators and administrators; 404 for anyone else. */
	Export export(Caller caller, String participantId) {
		Optional<Participant> known = directory.participant(participantId);
		List<Mentorship> pairs = mentorships.findWithMember(participantId);
		boolean erased = known.map(p -> p.getStanding() == Participant.Standing.ERASED).orElse(false);
		boolean allowed = caller.is(participantId) || stewardship.stewards(caller, participantId)
				|| caller.isAdmin();
		if (erased || known.isEmpty() && pairs.isEmpty() || !allowed) {
			throw new ResourceNotFoundException("participant", participantId);
		}
		Enrolment enrolment = known
			.map(p -> new Enrolment(p.getProgrammeId(), p.getOrganisationId(), p.getRole(), p.getTimeZone(),
					p.getCountry(), p.getStanding().name(), directory.displayNameOf(participantId).orElse(null),
					directory.languageOf(participantId).orElse(null), p.getGoals().isEmpty() ? null : p.getGoals()))
			.orElse(null);
		Instant feedSince = feeds.issuedAt(participantId);
		return new Export(SERVICE, participantId, clock.instant(),
				new Data(enrolment, pairs.stream().map(pair -> pair(pair, participantId)).toList(),
						sessions(participantId), feedback(participantId), reviews(participantId),
						groupEvents(participantId), new CalendarFeed(feedSince != null, feedSince),
						messages(participantId), surveys(participantId)));
	}

	private static Pair pair(Mentorship pair, String participantId) {
		List<GoalData> goals = pair.getGoals()
			.stream()
			.map(goal -> new GoalData(goal.getId(), goal.getTitle(), goal.getDescription(), goal.getCreatedBy(),
					goal.getCreatedAt(), goal.getStatus().name(), goal.getProgress(), checkIns(goal, participantId)))
			.toList();
		return new Pair(pair.getId(), pair.getMatchId(), pair.getProgrammeId(), pair.roleOf(participantId).orElse(null),
				pair.partnerOf(participantId), pair.getStatus().name(), pair.getStartedAt(), pair.getEndedAt(),
				pair.getEndReason(), goals);
	}

	private static List<CheckIn> checkIns(Goal goal, String participantId) {
		return goal.getCheckIns()
			.stream()
			.map(checkIn -> participantId.equals(checkIn.authorId()) ? checkIn
					: new CheckIn(checkIn.id(), checkIn.authorId(), checkIn.at(), checkIn.progress(), null))
			.toList();
	}

	private List<SessionData> sessions(String participantId) {
		return sessions.findWithMember(participantId)
			.stream()
			.sorted(Comparator.comparing(Session::getStart))
			.map(s -> new SessionData(s.getId(), s.getMentorshipId(), s.getStart(), s.getEnd(), s.getTimeZone(),
					s.getMode(), s.getMeetingUrl(), s.getVenue(), s.getAgenda(), s.getStatus(),
					s.getCancellationReason() == null ? null : s.getCancellationReason().name(), s.getCancelledAt(),
					s.notesReadableBy(participantId)))
			.toList();
	}

	private List<FeedbackData> feedback(String participantId) {
		return feedbacks.findByAuthorId(participantId)
			.stream()
			.sorted(Comparator.comparing(Feedback::getSubmittedAt))
			.map(f -> new FeedbackData(f.getSessionId(), f.getRating(), f.getComment(), f.getSubmittedAt()))
			.toList();
	}

	private List<MessageData> messages(String participantId) {
		return messages.findByAuthorId(participantId)
			.stream()
			.sorted(Comparator.comparing(Message::getPostedAt))
			.map(m -> new MessageData(m.getMentorshipId(), m.getRecipientId(), m.getText(), m.getPostedAt()))
			.toList();
	}

	private List<SurveyData> surveys(String participantId) {
		return surveyRequests.findByParticipantId(participantId)
			.stream()
			.sorted(Comparator.comparing(SurveyRequest::getRequestedAt))
			.map(r -> new SurveyData(r.getId(), r.getSurveyId(), r.getProgrammeId(), r.getTrigger().name(),
					r.getSessionId(), r.getRequestedAt(), r.getDueBy(), r.getAnsweredAt(), r.getAnswers()))
			.toList();
	}

	private List<ReviewData> reviews(String participantId) {
		return reviews.findByAuthorId(participantId)
			.stream()
			.sorted(Comparator.comparing(Review::getSubmittedAt))
			.map(r -> new ReviewData(r.getMentorshipId(), r.getKind().name(), r.getProgress(), r.getChallenges(),
					r.getNextSteps(), r.getSubmittedAt()))
			.toList();
	}

	private List<GroupEvent> groupEvents(String participantId) {
		Map<String, ProgrammeEvent> touched = new LinkedHashMap<>();
		programmeEvents.findByRsvpsParticipantId(participantId).forEach(e -> touched.put(e.getId(), e));
		programmeEvents.findByAttendanceParticipantId(participantId).forEach(e -> touched.put(e.getId(), e));
		return touched.values()
			.stream()
			.sorted(Comparator.comparing(ProgrammeEvent::getStart))
			.map(e -> new GroupEvent(e.getId(), e.getProgrammeId(), e.getTitle(), e.getStart(),
					e.answerOf(participantId).orElse(null),
					e.getAttendance().stream().filter(a -> participantId.equals(a.participantId())).findFirst()
						.orElse(null)))
			.toList();
	}

}
