package com.kreativnomentorstvo.sessions.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;
import com.kreativnomentorstvo.sessions.mentorship.Mentorship;
import com.kreativnomentorstvo.sessions.mentorship.Mentorships;
import com.kreativnomentorstvo.sessions.programmeevent.Attendance;
import com.kreativnomentorstvo.sessions.programmeevent.ProgrammeEvent;
import com.kreativnomentorstvo.sessions.programmeevent.ProgrammeEvents;
import com.kreativnomentorstvo.sessions.projection.Organisation;
import com.kreativnomentorstvo.sessions.projection.Organisations;
import com.kreativnomentorstvo.sessions.projection.Participant;
import com.kreativnomentorstvo.sessions.projection.Participants;
import com.kreativnomentorstvo.sessions.report.FunderReport.Completion;
import com.kreativnomentorstvo.sessions.report.FunderReport.CountryPair;
import com.kreativnomentorstvo.sessions.report.FunderReport.Funnel;
import com.kreativnomentorstvo.sessions.report.FunderReport.Group;
import com.kreativnomentorstvo.sessions.report.FunderReport.People;
import com.kreativnomentorstvo.sessions.report.FunderReport.ProgrammeRef;
import com.kreativnomentorstvo.sessions.report.FunderReport.Reviews;
import com.kreativnomentorstvo.sessions.report.FunderReport.Scope;
import com.kreativnomentorstvo.sessions.report.FunderReport.OptionFigures;
import com.kreativnomentorstvo.sessions.report.FunderReport.QuestionFigures;
import com.kreativnomentorstvo.sessions.report.FunderReport.Sessions;
import com.kreativnomentorstvo.sessions.report.FunderReport.SurveyFigures;
import com.kreativnomentorstvo.sessions.report.FunderReport.Trainings;
import com.kreativnomentorstvo.sessions.review.Review;
import com.kreativnomentorstvo.sessions.review.ReviewKind;
import com.kreativnomentorstvo.sessions.session.Session;
import com.kreativnomentorstvo.sessions.session.SessionStatus;
import com.kreativnomentorstvo.sessions.survey.SurveyTallies;
import com.kreativnomentorstvo.sessions.survey.SurveyTallies.OptionTally;
import com.kreativnomentorstvo.sessions.survey.SurveyTallies.QuestionTally;
import com.kreativnomentorstvo.sessions.survey.SurveyTallies.Tally;

/**
 * Counts a programme, or the programmes of a period, for a funder: from the people and pairs the
 * service learnt of (participant-service's and matching-service's events) and the sessions, reviews
 * and group events it keeps. Reads no name: only ids, roles, countries and organisations, and shows
 * none of those ids but organisations'.
 */
@Service
class FunderReporter {

	static final String UNKNOWN = "unknown";

	private static final String COMPLETED = "COMPLETED";

	private final ProgrammeDirectory programmes;

	private final Participants participants;

	private final Organisations organisations;

	private final Mentorships mentorships;

	private final com.kreativnomentorstvo.sessions.session.Sessions sessions;

	private final com.kreativnomentorstvo.sessions.review.Reviews reviews;

	private final ProgrammeEvents events;

	private final SurveyTallies tallies;

	private final Clock clock;

	FunderReporter(ProgrammeDirectory programmes, Participants participants, Organisations organisations,
			Mentorships mentorships, com.kreativnomentorstvo.sessions.session.Sessions sessions,
			com.kreativnomentorstvo.sessions.review.Reviews reviews, ProgrammeEvents events, SurveyTallies tallies,
			Clock clock) {
		this.programmes = programmes;
		this.participants = participants;
		this.organisations = organisations;
		this.mentorships = mentorships;
		this.sessions = sessions;
		this.reviews = reviews;
		this.events = events;
		this.tallies = tallies;
		this.clock = clock;
	}

	/** One programme's report, for its coordinators (organiser and partners) and administrators; 404 for others. */
	FunderReport programme(Caller caller, String programmeId) {
		Programme programme = programmes.find(programmeId).orElse(null);
		if (programme == null || !programmes.coordinates(caller, programmeId, null)) {
			throw new ResourceNotFoundException("programme", programmeId);
		}
		return report(List.of(programme), null, null);
	}

	/**
	 * The report of the programmes running in a period that the caller coordinates (an administrator:
	 * every programme): those whose dates meet the period, with the sessions and group events held in it.
	 */
	FunderReport period(Caller caller, LocalDate from, LocalDate to) {
		if (!caller.isAdmin() && !caller.isCoordinator()) {
			throw new AccessDeniedException("funder reports are for coordinators");
		}
		if (from != null && to != null && to.isBefore(from)) {
			throw new InvalidFieldsException("to", ProblemText.of("report.period-order"));
		}
		Collection<String> ids = caller.isAdmin() ? programmes.ids() : programmes.runOrPartneredBy(caller.organisationId());
		List<Programme> chosen = ids.stream()
			.map(programmes::find)
			.flatMap(java.util.Optional::stream)
			.filter(programme -> programme.coordinatedBy(caller) || caller.isAdmin())
			.filter(programme -> runsIn(programme, from, to))
			.sorted(Comparator.comparing(Programme::startsOn, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(Programme::id))
			.toList();
		return report(chosen, from, to);
	}

	private static boolean runsIn(Programme programme, LocalDate from, LocalDate to) {
		boolean startsInTime = to == null || programme.startsOn() == null || !programme.startsOn().isAfter(to);
		boolean endsInTime = from == null || programme.endsOn() == null || !programme.endsOn().isBefore(from);
		return startsInTime && endsInTime;
	}

	private FunderReport report(List<Programme> chosen, LocalDate from, LocalDate to) {
		Map<String, ZoneId> zones = chosen.stream()
			.collect(Collectors.toMap(Programme::id, p -> p.zone().orElse(ZoneOffset.UTC)));
		List<Participant> people = new ArrayList<>();
		List<Mentorship> pairs = new ArrayList<>();
		List<Session> held = new ArrayList<>();
		List<Review> submitted = new ArrayList<>();
		for (Programme programme : chosen) {
			people.addAll(participants.findByProgrammeId(programme.id()));
			pairs.addAll(mentorships.findByProgrammeId(programme.id()));
			sessions.findByProgrammeId(programme.id())
				.stream()
				.filter(s -> within(s.getStart(), zones.get(programme.id()), from, to))
				.forEach(held::add);
			submitted.addAll(reviews.findByProgrammeId(programme.id()));
		}
		List<ProgrammeEvent> groupEvents = chosen.isEmpty() ? List.of()
				: events.findByProgrammeIdIn(chosen.stream().map(Programme::id).toList())
					.stream()
					.filter(e -> !e.isCancelled())
					.filter(e -> within(e.getStart(), zones.getOrDefault(e.getProgrammeId(), ZoneOffset.UTC), from, to))
					.toList();

		SmallCounts counts = new SmallCounts();
		Map<String, Participant> byId = people.stream()
			.collect(Collectors.toMap(Participant::getId, Function.identity(), (a, b) -> a));
		Set<String> matched = new HashSet<>();
		Set<String> completed = new HashSet<>();
		for (Mentorship pair : pairs) {
			matched.addAll(pair.members());
			if (COMPLETED.equals(pair.getEndReason())) {
				completed.addAll(pair.members());
			}
		}
		Map<String, Organisation> organisationsById = new LinkedHashMap<>();
		organisations.findAllById(people.stream().map(Participant::getOrganisationId).filter(Objects::nonNull)
			.collect(Collectors.toSet())).forEach(o -> organisationsById.put(o.getId(), o));

		People participantCounts = people(counts, people, matched, completed, organisationsById);
		FunderReport.Pairs pairCounts = pairs(counts, pairs, byId);
		Sessions sessionCounts = sessions(counts, held);
		Trainings trainingCounts = trainings(counts, groupEvents);
		Reviews reviewCounts = new Reviews(completion(counts, pairs, submitted, ReviewKind.MIDTERM),
				completion(counts, pairs, submitted, ReviewKind.FINAL));
		List<SurveyFigures> surveyFigures = new ArrayList<>();
		for (Programme programme : chosen) {
			ZoneId zone = zones.get(programme.id());
			List<String> languages = new ArrayList<>(programme.languages());
			languages.add("en");
			tallies.ofProgramme(programme.id(), r -> within(r.getRequestedAt(), zone, from, to))
				.forEach(tally -> surveyFigures.add(survey(counts, programme.id(), tally, languages)));
		}
		return new FunderReport(
				new Scope(chosen.stream().map(p -> new ProgrammeRef(p.id(), p.name())).toList(), from, to),
				clock.instant().truncatedTo(ChronoUnit.SECONDS), SmallCounts.THRESHOLD, counts.withheld(),
				participantCounts, pairCounts, sessionCounts, trainingCounts, reviewCounts, surveyFigures);
	}

	private static boolean within(Instant at, ZoneId zone, LocalDate from, LocalDate to) {
		if (from == null && to == null) {
			return true;
		}
		if (at == null) {
			return false;
		}
		LocalDate day = LocalDate.ofInstant(at, zone);
		return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
	}

	private static People people(SmallCounts counts, List<Participant> people, Set<String> matched,
			Set<String> completed, Map<String, Organisation> organisations) {
		int[] total = tally(people, matched, completed);
		Funnel funnel = new Funnel(counts.shown(total[0]), counts.shown(total[1]), counts.shown(total[2]),
				counts.shown(total[3]));
		return new People(funnel,
				breakdown(counts, total, people, p -> p.getRole() == null ? UNKNOWN : p.getRole().name(), key -> null,
						matched, completed),
				breakdown(counts, total, people, p -> orUnknown(p.getCountry()), key -> null, matched, completed),
				breakdown(counts, total, people, p -> orUnknown(p.getOrganisationId()),
						key -> organisations.containsKey(key) ? organisations.get(key).getName() : null, matched,
						completed),
				breakdown(counts, total, people,
						p -> orUnknown(organisations.containsKey(p.getOrganisationId())
								? organisations.get(p.getOrganisationId()).getKind() : null),
						key -> null, matched, completed));
	}

	/** applicants, admitted, matched, completed. */
	private static int[] tally(Collection<Participant> people, Set<String> matched, Set<String> completed) {
		int[] tally = new int[4];
		for (Participant p : people) {
			tally[0]++;
			tally[1] += p.wasAdmitted() ? 1 : 0;
			tally[2] += matched.contains(p.getId()) ? 1 : 0;
			tally[3] += completed.contains(p.getId()) ? 1 : 0;
		}
		return tally;
	}

	private static List<Group> breakdown(SmallCounts counts, int[] total, List<Participant> people,
			Function<Participant, String> groupOf, Function<String, String> nameOf, Set<String> matched,
			Set<String> completed) {
		Map<String, List<Participant>> groups = people.stream()
			.collect(Collectors.groupingBy(groupOf, java.util.TreeMap::new, Collectors.toList()));
		List<String> keys = new ArrayList<>(groups.keySet());
		List<int[]> tallies = keys.stream().map(key -> tally(groups.get(key), matched, completed)).toList();
		List<List<Integer>> columns = new ArrayList<>();
		for (int measure = 0; measure < 4; measure++) {
			int m = measure;
			columns.add(counts.column(total[m], tallies.stream().map(t -> t[m]).toList()));
		}
		List<Group> rows = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			rows.add(new Group(keys.get(i), nameOf.apply(keys.get(i)), columns.get(0).get(i), columns.get(1).get(i),
					columns.get(2).get(i), columns.get(3).get(i)));
		}
		return rows;
	}

	private static FunderReport.Pairs pairs(SmallCounts counts, List<Mentorship> pairs, Map<String, Participant> byId) {
		Map<List<String>, Integer> byCountries = new java.util.TreeMap<>(
				Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
		int crossBorder = 0;
		for (Mentorship pair : pairs) {
			String mentorCountry = countryOf(byId.get(pair.getMentorId()));
			String menteeCountry = countryOf(byId.get(pair.getMenteeId()));
			byCountries.merge(List.of(mentorCountry, menteeCountry), 1, Integer::sum);
			if (!UNKNOWN.equals(mentorCountry) && !UNKNOWN.equals(menteeCountry)
					&& !mentorCountry.equals(menteeCountry)) {
				crossBorder++;
			}
		}
		Integer total = counts.shown(pairs.size());
		Integer across = counts.shown(crossBorder);
		List<List<String>> keys = new ArrayList<>(byCountries.keySet());
		List<Integer> cells = counts.column(pairs.size(), keys.stream().map(byCountries::get).toList());
		List<CountryPair> rows = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			rows.add(new CountryPair(keys.get(i).get(0), keys.get(i).get(1), cells.get(i)));
		}
		return new FunderReport.Pairs(total, across, SmallCounts.share(across, total), rows);
	}

	private static String countryOf(Participant participant) {
		return participant == null ? UNKNOWN : orUnknown(participant.getCountry());
	}

	private static Sessions sessions(SmallCounts counts, List<Session> inScope) {
		List<Session> held = inScope.stream().filter(s -> s.getStatus() == SessionStatus.HELD).toList();
		int pairsMeeting = (int) held.stream().map(Session::getMentorshipId).distinct().count();
		Integer meeting = counts.shown(pairsMeeting);
		if (meeting == null) {
			counts.withholdAlso(4);
			return new Sessions(null, null, null, null, null);
		}
		double hours = Math.round(held.stream().mapToLong(Session::durationMinutes).sum() / 6.0) / 10.0;
		return new Sessions(meeting, held.size(), hours,
				(int) inScope.stream().filter(s -> s.getStatus() == SessionStatus.NO_SHOW).count(),
				(int) inScope.stream().filter(s -> s.getStatus() == SessionStatus.CANCELLED).count());
	}

	private static Trainings trainings(SmallCounts counts, List<ProgrammeEvent> groupEvents) {
		List<Attendance> recorded = groupEvents.stream().flatMap(e -> e.getAttendance().stream()).toList();
		Integer all = counts.shown(recorded.size());
		Integer present = counts.shown(
				(int) recorded.stream().filter(a -> a.status() == Attendance.Status.PRESENT).count());
		return new Trainings(groupEvents.size(), all, present, SmallCounts.share(present, all));
	}

	private static Completion completion(SmallCounts counts, List<Mentorship> pairs, List<Review> submitted,
			ReviewKind kind) {
		Map<String, Set<Role>> authors = submitted.stream()
			.filter(r -> r.getKind() == kind)
			.collect(Collectors.groupingBy(Review::getMentorshipId,
					Collectors.mapping(Review::getAuthorRole, Collectors.toSet())));
		int complete = (int) pairs.stream()
			.filter(p -> authors.getOrDefault(p.getId(), Set.of()).containsAll(Set.of(Role.MENTOR, Role.MENTEE)))
			.count();
		Integer all = counts.shown(pairs.size());
		Integer done = counts.shown(complete);
		return new Completion(all, done, SmallCounts.share(done, all));
	}

	static SurveyFigures survey(SmallCounts counts, String programmeId, Tally tally, List<String> languages) {
		Integer requested = counts.shown(tally.requested());
		Integer answered = counts.shown(tally.answered());
		List<QuestionFigures> questions = new ArrayList<>();
		for (QuestionTally question : tally.questions()) {
			Integer answers = counts.shown(question.answers());
			Double average = null;
			Map<Integer, Integer> distribution = null;
			List<OptionFigures> options = null;
			if (answers != null) {
				average = question.average();
				if (question.distribution() != null) {
					List<Integer> ratings = new ArrayList<>(question.distribution().keySet());
					List<Integer> shown = counts.column(question.answers(),
							ratings.stream().map(question.distribution()::get).toList());
					distribution = new LinkedHashMap<>();
					for (int i = 0; i < ratings.size(); i++) {
						distribution.put(ratings.get(i), shown.get(i));
					}
				}
				if (question.options() != null) {
					List<Integer> shown = counts.column(question.answers(),
							question.options().stream().map(OptionTally::count).toList());
					options = new ArrayList<>();
					for (int i = 0; i < shown.size(); i++) {
						OptionTally option = question.options().get(i);
						options.add(new OptionFigures(option.optionId(), firstOf(option.text(), languages), option.text(),
								shown.get(i)));
					}
				}
			}
			questions.add(new QuestionFigures(question.questionId(), question.kind().name(),
					firstOf(question.text(), languages), question.text(), answers, average, distribution, options));
		}
		return new SurveyFigures(programmeId, tally.surveyId(), firstOf(tally.title(), languages), tally.title(),
				tally.trigger().name(), requested, answered, SmallCounts.share(answered, requested), questions);
	}

	/** The text in the first of the languages it has, else its first. */
	private static String firstOf(Map<String, String> texts, List<String> languages) {
		if (texts == null || texts.isEmpty()) {
			return null;
		}
		return languages.stream().filter(texts::containsKey).findFirst().map(texts::get)
			.orElse(texts.values().iterator().next());
	}

	private static String orUnknown(String value) {
		return value == null || value.isBlank() ? UNKNOWN : value;
	}

}
