package com.kreativnomentorstvo.web.api;

import java.util.function.Supplier;

/**
 * What a form's call to the API came to: its answer, or the service's refusal of what the person
 * typed ({@link ApiProblem#isAboutTheInput()}), which the form shows beside its fields. Any other
 * problem (a service away, a page not found) is thrown on to the error pages.
 *
 * @param <T> the answer
 */
public record Attempt<T>(T value, ApiProblem refusal) {

	public static <T> Attempt<T> of(Supplier<T> call) {
		try {
			return new Attempt<>(call.get(), null);
		}
		catch (ApiProblem refused) {
			if (refused.isAboutTheInput()) {
				return new Attempt<>(null, refused);
			}
			throw refused;
		}
	}

	public boolean refused() {
		return refusal != null;
	}

}
