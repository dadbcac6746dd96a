package com.kreativnomentorstvo.sessions.progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;
import com.kreativnomentorstvo.sessions.config.SessionProperties;
import com.kreativnomentorstvo.sessions.feedback.Feedback;
import com.kreativnomentorstvo.sessions.feedback.Feedbacks;
import com.kreativnomentorstvo.sessions.mentorship.Goal;
import com.kreativnomentorstvo.sessions.mentorship.Mentorship;
import com.kreativnomentorstvo.sessions.mentorship.Mentorships;
import com.kreativnomentorstvo.sessions.progress.ProgressReport.Goals;
import com.kreativnomentorstvo.sessions.progress.ProgressReport.PairProgress;
import com.kreativnomentorstvo.sessions.progress.ProgressReport.Ratings;
import com.kreativnomentorstvo.sessions.progress.ProgressReport.Reviewed;
import com.kreativnomentorstvo.sessions.progress.ProgressReport.Risk;
import com.kreativnomentorstvo.sessions.progress.ProgressReport.Thresholds;
import com.kreativnomentorstvo.sessions.progress.ProgressReport.Totals;
import com.kreativnomentorstvo.sessions.progress.ProgressReport.UnansweredMatch;
import com.kreativnomentorstvo.sessions.projection.Directory;
import com.kreativnomentorstvo.sessions.projection.MatchProposal;
import com.kreativnomentorstvo.sessions.projection.MatchProposals;
import com.kreativnomentorstvo.sessions.projection.Stewardship;
import com.kreativnomentorstvo.sessions.review.Review;
import com.kreativnomentorstvo.sessions.review.ReviewKind;
import com.kreativnomentorstvo.sessions.review.Reviews;
import com.kreativnomentorstvo.sessions.session.Session;
import com.kreativnomentorstvo.sessions.session.SessionStatus;
import com.kreativnomentorstvo.sessions.session.Sessions;
import com.kreativnomentorstvo.sessions.survey.SurveyRequest;
import com.kreativnomentorstvo.sessions.survey.SurveyRequests;

/** Computes a programme's progress report from its pairs, sessions, feedback, reviews and proposals. */
@Service
class ProgressReporter {

	private final Mentorships mentorships;

	private final Sessions sessions;

	private final Feedbacks feedbacks;

	private final Reviews reviews;

	private final MatchProposals proposals;

	private final Directory directory;

	private final ProgrammeDirectory programmes;

	private final Stewardship stewardship;

	private final SurveyRequests surveyRequests;

	private final Clock clock;

	private final SessionProperties.Progress defaults;

	ProgressReporter(Mentorships mentorships, Sessions sessions, Feedbacks feedbacks, Reviews reviews,
			MatchProposals proposals, Directory directory, ProgrammeDirectory programmes, Stewardship stewardship,
			SurveyRequests surveyRequests, Clock clock, SessionProperties properties) {
		this.mentorships = mentorships;
		this.sessions = sessions;
		this.feedbacks = feedbacks;
		this.reviews = reviews;
		this.proposals = proposals;
		this.directory = directory;
		this.programmes = programmes;
		this.stewardship = stewardship;
		this.surveyRequests = surveyRequests;
		this.clock = clock;
		this.defaults = properties.progress();
	}

	/**
	 * The report: the whole programme for its runners (administrators, the organiser's
	 * coordinators), the pairs and proposals with a participant they steward for a partner's
	 * coordinators; 404 for everyone else.
	 */
	ProgressReport report(Caller caller, String programmeId, Integer quietDays, Integer unansweredMatchDays) {
		Programme programme = programmes.find(programmeId).orElse(null);
		List<Mentorship> pairs = mentorships.findByProgrammeId(programmeId);
		String owner = pairs.isEmpty() ? null : pairs.get(0).getOrganisationId();
		if ((programme == null && pairs.isEmpty() && !caller.isAdmin())
				|| !programmes.coordinates(caller, programmeId, owner)) {
			throw new ResourceNotFoundException("programme", programmeId);
		}
		// a partner's share: what involves the participants its organisation stewards
		Predicate<String> stewarded = stewardship.runs(caller, programmeId, owner) ? participantId -> true
				: stewardship.stewardedBy(caller);
		pairs = pairs.stream().filter(m -> m.members().stream().anyMatch(stewarded)).toList();
		Thresholds thresholds = new Thresholds(quietDays == null ? defaults.quietDays() : quietDays,
				unansweredMatchDays == null ? defaults.unansweredMatchDays() : unansweredMatchDays);
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		ZoneId zone = programmeZone(programme);
		LocalDate midtermDue = midtermDue(programme);

		Set<String> reported = pairs.stream().map(Mentorship::getId).collect(Collectors.toSet());
		Map<String, List<Session>> sessionsByPair = sessions.findByProgrammeId(programmeId)
			.stream()
			.collect(Collectors.groupingBy(Session::getMentorshipId));
		Map<String, List<Feedback>> feedbackByPair = feedbacks.findByProgrammeId(programmeId)
			.stream()
			.filter(f -> reported.contains(f.getMentorshipId()))
			.collect(Collectors.groupingBy(Feedback::getMentorshipId));
		Map<String, List<Review>> reviewsByPair = reviews.findByProgrammeId(programmeId)
			.stream()
			.collect(Collectors.groupingBy(Review::getMentorshipId));
		List<MatchProposal> open = proposals.findByProgrammeIdAndState(programmeId, MatchProposal.State.OPEN)
			.stream()
			.filter(p -> stewarded.test(p.getMentorId()) || stewarded.test(p.getMenteeId()))
			.toList();

		Set<String> people = new HashSet<>();
		pairs.forEach(m -> {
			people.add(m.getMentorId());
			people.add(m.getMenteeId());
		});
		open.forEach(p -> {
			people.add(p.getMentorId());
			people.add(p.getMenteeId());
		});
		Map<String, String> names = directory.displayNames(people);

		List<PairProgress> rows = pairs.stream()
			.sorted(Comparator.comparing(Mentorship::getStartedAt, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(Mentorship::getId))
			.map(m -> pair(m, sessionsByPair.getOrDefault(m.getId(), List.of()),
					feedbackByPair.getOrDefault(m.getId(), List.of()), reviewsByPair.getOrDefault(m.getId(), List.of()),
					names, zone, now, midtermDue, thresholds))
			.toList();
		List<UnansweredMatch> unanswered = open.stream()
			.filter(p -> unanswered(p, now, thresholds))
			.sorted(Comparator.comparing(MatchProposal::getProposedAt, Comparator.nullsLast(Comparator.naturalOrder())))
			.map(p -> new UnansweredMatch(p.getId(), p.getMentorId(), names.get(p.getMentorId()), p.getMenteeId(),
					names.get(p.getMenteeId()), p.getProposedAt(), p.getRespondBy(), p.getAcceptedBy(),
					p.getProposedAt() == null ? 0 : Duration.between(p.getProposedAt(), now).toDays()))
			.toList();

		List<Feedback> allFeedback = feedbackByPair.values().stream().flatMap(List::stream).toList();
		List<SurveyRequest> asked = surveyRequests.findByProgrammeId(programmeId)
			.stream()
			.filter(r -> stewarded.test(r.getParticipantId()))
			.toList();
		Totals totals = new Totals(rows.size(), (int) rows.stream().filter(r -> r.status() == Mentorship.Status.ACTIVE).count(),
				(int) rows.stream().filter(r -> r.status() == Mentorship.Status.ENDED).count(),
				rows.stream().mapToInt(PairProgress::sessionsHeld).sum(),
				rows.stream().mapToInt(PairProgress::sessionsUpcoming).sum(),
				rows.stream().mapToInt(PairProgress::noShows).sum(),
				round(rows.stream().mapToDouble(PairProgress::hoursHeld).sum()), average(allFeedback), allFeedback.size(),
				(int) rows.stream().filter(r -> r.midtermReview().complete()).count(),
				(int) rows.stream().filter(PairProgress::atRisk).count(), unanswered.size(), asked.size(),
				(int) asked.stream().filter(SurveyRequest::isAnswered).count());
		return new ProgressReport(programmeId, programme == null ? null : programme.name(), now, zone.getId(),
				midtermDue, thresholds, totals, rows, unanswered);
	}

	private PairProgress pair(Mentorship m, List<Session> pairSessions, List<Feedback> pairFeedback,
			List<Review> pairReviews, Map<String, String> names, ZoneId zone, Instant now, LocalDate midtermDue,
			Thresholds thresholds) {
		List<Session> held = pairSessions.stream().filter(s -> s.getStatus() == SessionStatus.HELD).toList();
		Instant lastContact = held.stream().map(Session::getStart).max(Comparator.naturalOrder()).orElse(null);
		Instant next = pairSessions.stream()
			.filter(s -> s.getStatus() == SessionStatus.SCHEDULED && s.getStart().isAfter(now))
			.map(Session::getStart)
			.min(Comparator.naturalOrder())
			.orElse(null);
		int upcoming = (int) pairSessions.stream()
			.filter(s -> s.getStatus() == SessionStatus.SCHEDULED && s.getStart().isAfter(now))
			.count();
		double hours = round(held.stream().mapToLong(Session::durationMinutes).sum() / 60.0);
		Reviewed midterm = reviewed(pairReviews, ReviewKind.MIDTERM);
		Reviewed fin = reviewed(pairReviews, ReviewKind.FINAL);

		Set<Risk> risks = EnumSet.noneOf(Risk.class);
		if (m.isActive()) {
			Instant since = lastContact != null ? lastContact : m.getStartedAt();
			if (since != null && since.isBefore(now.minus(Duration.ofDays(thresholds.quietDays())))) {
				risks.add(Risk.NO_RECENT_SESSION);
			}
			if (midtermDue != null && !LocalDate.ofInstant(now, zone).isBefore(midtermDue) && !midterm.complete()
					&& (m.getStartedAt() == null || LocalDate.ofInstant(m.getStartedAt(), zone).isBefore(midtermDue))) {
				risks.add(Risk.MISSING_MIDTERM_REVIEW);
			}
		}
		return new PairProgress(m.getId(), m.getMentorId(), names.get(m.getMentorId()), m.getMenteeId(),
				names.get(m.getMenteeId()), m.getStatus(), m.getStartedAt(), m.getEndedAt(), held.size(),
				count(pairSessions, SessionStatus.NO_SHOW), count(pairSessions, SessionStatus.CANCELLED), upcoming, hours,
				lastContact == null ? null : lastContact.atZone(zone).toOffsetDateTime(),
				next == null ? null : next.atZone(zone).toOffsetDateTime(), goals(m), new Ratings(average(pairFeedback),
						pairFeedback.size()), midterm, fin, risks);
	}

	private static Goals goals(Mentorship m) {
		List<Goal> kept = m.getGoals().stream().filter(g -> g.getStatus() != Goal.Status.DROPPED).toList();
		int achieved = (int) kept.stream().filter(g -> g.getStatus() == Goal.Status.ACHIEVED).count();
		Integer average = kept.isEmpty() ? null
				: (int) Math.round(kept.stream().mapToInt(Goal::getProgress).average().orElse(0));
		return new Goals(kept.size(), achieved, average);
	}

	private static Reviewed reviewed(List<Review> pairReviews, ReviewKind kind) {
		return new Reviewed(
				pairReviews.stream().anyMatch(r -> r.getKind() == kind && r.getAuthorRole() == Role.MENTOR),
				pairReviews.stream().anyMatch(r -> r.getKind() == kind && r.getAuthorRole() == Role.MENTEE));
	}

	private static boolean unanswered(MatchProposal proposal, Instant now, Thresholds thresholds) {
		boolean waitedTooLong = proposal.getProposedAt() != null
				&& proposal.getProposedAt().isBefore(now.minus(Duration.ofDays(thresholds.unansweredMatchDays())));
		boolean pastDeadline = proposal.getRespondBy() != null && proposal.getRespondBy().isBefore(now);
		return waitedTooLong || pastDeadline;
	}

	private static int count(List<Session> pairSessions, SessionStatus status) {
		return (int) pairSessions.stream().filter(s -> s.getStatus() == status).count();
	}

	private static Double average(List<Feedback> feedback) {
		return feedback.isEmpty() ? null
				: round(feedback.stream().mapToInt(Feedback::getRating).average().orElse(0));
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	private static ZoneId programmeZone(Programme programme) {
		return programme == null ? ZoneOffset.UTC : programme.zone().orElse(ZoneOffset.UTC);
	}

	/** The MIDTERM milestone, or halfway between the programme's start and end. */
	private static LocalDate midtermDue(Programme programme) {
		if (programme == null) {
			return null;
		}
		return programme.milestone("MIDTERM").orElseGet(() -> {
			if (programme.startsOn() == null || programme.endsOn() == null) {
				return null;
			}
			long days = ChronoUnit.DAYS.between(programme.startsOn(), programme.endsOn());
			return programme.startsOn().plusDays(days / 2);
		});
	}

}
