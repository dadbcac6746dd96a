package com.kreativnomentorstvo.participants.onboarding;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.kreativnomentorstvo.participants.programme.Call;
import com.kreativnomentorstvo.participants.programme.Programme;
import com.kreativnomentorstvo.participants.programme.Question;

/**
 * A programme's public call as anyone reads it, without a token: what it offers and who may apply
 * (in the programme's languages), which organisations one applies through, the skills and goals
 * one chooses from, the questions to answer, and the consent asked for.
 *
 * @param languages the programme's languages, first the one texts fall back to
 * @param organisations the organiser and the partners: an application names one of them
 * @param taxonomy the codes of skills (mentors) and goals (mentees)
 */
record PublicCall(String programmeId, String name, List<String> languages, String timeZone, LocalDate startsOn,
		LocalDate endsOn, LocalDate enrolmentOpensOn, LocalDate enrolmentClosesOn, Map<String, Call.Text> texts,
		List<Organisation> organisations, List<String> taxonomy, List<Question> questions, ConsentAsked consent) {

	/** An organisation one may apply through. */
	record Organisation(String id, String name, String country, boolean organiser) {
	}

	/** The consent an application gives: the scopes one may give, and those one must. */
	record ConsentAsked(List<String> scopes, List<String> requiredScopes) {
	}

	static PublicCall of(Programme programme, List<Organisation> organisations, ConsentAsked consent) {
		return new PublicCall(programme.getId(), programme.getName(), programme.getLanguages(),
				programme.getTimeZone(), programme.getStartsOn(), programme.getEndsOn(),
				programme.getEnrolmentOpensOn(), programme.getEnrolmentClosesOn(), programme.getCall().texts(),
				organisations, programme.getTaxonomy(), programme.getCall().questions(), consent);
	}

}
