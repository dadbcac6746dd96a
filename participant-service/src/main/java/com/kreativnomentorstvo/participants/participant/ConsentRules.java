package com.kreativnomentorstvo.participants.participant;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException.FieldProblem;

/** Consent speaks the service's vocabulary of scopes and includes those nobody can take part without. */
@Component
public class ConsentRules {

	private final ParticipantServiceProperties.Consent vocabulary;

	ConsentRules(ParticipantServiceProperties properties) {
		this.vocabulary = properties.consent();
	}

	/**
	 * @param field where the consent sits in the request, e.g. {@code consent}, or empty at the top level
	 * @throws InvalidFieldsException naming unknown scopes and missing required ones
	 */
	public void check(String field, ConsentForm consent) {
		String prefix = field.isEmpty() ? "" : field + ".";
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < consent.scopes().size(); i++) {
			if (!vocabulary.scopes().contains(consent.scopes().get(i))) {
				problems.add(FieldProblem.of(prefix + "scopes[" + i + "]", "participant.not-consent-scope", String.join(", ", vocabulary.scopes())));
			}
		}
		List<String> missing = vocabulary.requiredScopes().stream().filter(s -> !consent.scopes().contains(s)).toList();
		if (!missing.isEmpty()) {
			problems.add(FieldProblem.of(prefix + "scopes", "participant.include-without-nobody-can", String.join(", ", missing)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
	}

	/** The scopes nobody can take part without. */
	public List<String> requiredScopes() {
		return vocabulary.requiredScopes();
	}

}
