package com.kreativnomentorstvo.participants.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;

/**
 * The body of a PATCH (a JSON merge patch): which fields the caller sent, so that a field left out
 * stays as it is and a field sent as {@code null} is removed, or refused where it cannot be.
 * Subclasses record each setter call with {@link #sent}.
 */
public abstract class Changes {

	@JsonIgnore
	private final Set<String> sent = new LinkedHashSet<>();

	/** Notes that the field was in the body, and returns its value. */
	protected <T> T sent(String field, T value) {
		sent.add(field);
		return value;
	}

	/** Whether the body held the field (possibly as {@code null}). */
	public boolean has(String field) {
		return sent.contains(field);
	}

	/** Whether the body changes nothing. */
	@JsonIgnore
	public boolean isEmpty() {
		return sent.isEmpty();
	}

	/** The field's new value if the body held it, otherwise the current one. */
	public <T> T valueOr(String field, T newValue, Supplier<T> current) {
		return has(field) ? newValue : current.get();
	}

	/**
	 * Refuses {@code null} for fields that must keep a value.
	 * @throws InvalidFieldsException naming every such field
	 */
	protected void requireValues(List<String> fields, List<Object> values) {
		List<InvalidFieldsException.FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < fields.size(); i++) {
			if (has(fields.get(i)) && values.get(i) == null) {
				problems.add(InvalidFieldsException.FieldProblem.of(fields.get(i), "web.cannot-be-removed"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
	}

}
