package com.kreativnomentorstvo.participants.participant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.events.participants.Format;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.participants.programme.Programme;
import com.kreativnomentorstvo.participants.validation.LanguageTag;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException.FieldProblem;

/**
 * The rules a participant's details keep against her role and her programme: mentors offer skills
 * and have a capacity, mentees seek goals; both from the programme's taxonomy, in a language the
 * programme works in, with availability that makes sense.
 */
@Component
public class ParticipantRules {

	private final Participants participants;

	ParticipantRules(Participants participants) {
		this.participants = participants;
	}

	/**
	 * @throws InvalidFieldsException naming every field that breaks a rule
	 */
	public void check(String participantId, Role role, ProfileDetails details, Programme programme) {
		List<FieldProblem> problems = new ArrayList<>();
		roleSpecific(role, details, problems);
		levels("skills", details.skills(), programme, problems);
		levels("goals", details.goals(), programme, problems);
		languages(details, programme, problems);
		availability(details.availability(), problems);
		if (details.format() == Format.IN_PERSON && details.city() == null) {
			problems.add(FieldProblem.of("city", "participant.needed-meet-person"));
		}
		preferences(participantId, details, programme, problems);
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
	}

	private static void roleSpecific(Role role, ProfileDetails details, List<FieldProblem> problems) {
		if (role == Role.MENTOR) {
			if (details.skills().isEmpty()) {
				problems.add(FieldProblem.of("skills", "participant.mentor-offers-least-skill"));
			}
			if (!details.goals().isEmpty()) {
				problems.add(FieldProblem.of("goals", "participant.only-mentees-seek-goals"));
			}
			if (!details.preferredMentorIds().isEmpty()) {
				problems.add(FieldProblem.of("preferredMentorIds", "participant.only-mentees-choose-mentors"));
			}
		}
		else {
			if (details.goals().isEmpty()) {
				problems.add(FieldProblem.of("goals", "participant.mentee-seeks-least-goal"));
			}
			if (!details.skills().isEmpty()) {
				problems.add(FieldProblem.of("skills", "participant.only-mentors-offer-skills"));
			}
			if (details.capacity() != null) {
				problems.add(FieldProblem.of("capacity", "participant.only-mentors-capacity"));
			}
		}
	}

	private static void levels(String field, List<SkillLevel> levels, Programme programme, List<FieldProblem> problems) {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < levels.size(); i++) {
			String code = levels.get(i).code();
			if (!programme.getTaxonomy().contains(code)) {
				problems.add(FieldProblem.of(field + "[" + i + "].code", "participant.not-programme-s-taxonomy", String.join(", ", programme.getTaxonomy())));
			}
			else if (!seen.add(code)) {
				problems.add(FieldProblem.of(field + "[" + i + "].code", "participant.listed-twice"));
			}
		}
	}

	private static void languages(ProfileDetails details, Programme programme, List<FieldProblem> problems) {
		// Serbian in Latin and Cyrillic script are distinct locales, but one language to talk in
		Set<String> working = programme.getLanguages()
			.stream()
			.map(LanguageTag.Check::primaryLanguage)
			.collect(Collectors.toSet());
		boolean shared = details.languages().stream().map(LanguageTag.Check::primaryLanguage).anyMatch(working::contains);
		if (!shared) {
			problems.add(FieldProblem.of("languages", "participant.include-working-language-programme", String.join(", ", programme.getLanguages())));
		}
	}

	private static void availability(List<WeeklyWindow> windows, List<FieldProblem> problems) {
		for (int i = 0; i < windows.size(); i++) {
			WeeklyWindow window = windows.get(i);
			if (!window.from().isBefore(window.to())) {
				problems.add(FieldProblem.of("availability[" + i + "].to", "participant.window-ends-before-start", window.from()));
				continue;
			}
			for (int j = 0; j < i; j++) {
				if (windows.get(j).from().isBefore(windows.get(j).to()) && window.overlaps(windows.get(j))) {
					problems.add(FieldProblem.of("availability[" + i + "]", "participant.overlaps-availability", j));
				}
			}
		}
	}

	private void preferences(String participantId, ProfileDetails details, Programme programme,
			List<FieldProblem> problems) {
		List<String> preferred = details.preferredMentorIds();
		if (!preferred.isEmpty()) {
			Set<String> mentors = new HashSet<>();
			participants.findAllById(preferred)
				.stream()
				.filter(p -> !p.isErased() && p.getRole() == Role.MENTOR && p.getProgrammeId().equals(programme.getId()))
				.forEach(p -> mentors.add(p.getId()));
			for (int i = 0; i < preferred.size(); i++) {
				if (!mentors.contains(preferred.get(i))) {
					problems.add(FieldProblem.of("preferredMentorIds[" + i + "]", "participant.not-mentor-programme"));
				}
			}
		}
		List<String> avoided = details.avoidedParticipantIds();
		for (int i = 0; i < avoided.size(); i++) {
			if (avoided.get(i).equals(participantId)) {
				problems.add(FieldProblem.of("avoidedParticipantIds[" + i + "]", "participant.participant-herself"));
			}
		}
	}

}
