package com.kreativnomentorstvo.platform.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A text of a problem named by its key in the message bundles ({@code problems/service}, then
 * {@code problems/platform}), with its arguments: worded in the reader's language only when the
 * problem is written. Arguments may be texts themselves, worded in the same language.
 */
public final class ProblemText implements MessageSourceResolvable {

	private final String[] codes;

	private final Object[] arguments;

	private final String fallback;

	private ProblemText(String[] codes, Object[] arguments, String fallback) {
		this.codes = codes;
		this.arguments = arguments == null ? new Object[0] : arguments.clone();
		this.fallback = fallback;
	}

	/**
	 * @param key the message key, e.g. {@code match.mentor-full}
	 * @param arguments the values of the text's {@code {0}}, {@code {1}}... placeholders
	 */
	public static ProblemText of(String key, Object... arguments) {
		return new ProblemText(new String[] { key }, arguments, null);
	}

	/**
	 * A kind of resource as an argument of a text, e.g. {@code matching run}: worded by the platform
	 * bundle's {@code resource.matching-run}, or shown as it is if the bundle does not name it.
	 */
	public static MessageSourceResolvable resourceName(String resource) {
		return new DefaultMessageSourceResolvable(new String[] { "resource." + resource.replace(' ', '-') }, null,
				resource);
	}

	/** A text that comes worded already (e.g. a constraint's own message), shown as it is. */
	static ProblemText worded(String text) {
		return new ProblemText(new String[0], null, text);
	}

	/** The first of the codes the bundles word, else the fallback as it is (e.g. a validator's English). */
	static ProblemText ofCodes(List<String> codes, Object[] arguments, String fallback) {
		return new ProblemText(codes.toArray(String[]::new), arguments, fallback);
	}

	/** The message key, or {@code null} for a text that came worded. */
	public String key() {
		return codes.length == 0 ? null : codes[0];
	}

	/** What is shown when no bundle words the text, if anything. */
	String fallback() {
		return fallback;
	}

	@Override
	public String[] getCodes() {
		return codes.clone();
	}

	@Override
	public Object[] getArguments() {
		return arguments.clone();
	}

	@Override
	public String getDefaultMessage() {
		return null;
	}

	/** The key and arguments (for logs and exception messages), or the worded text. */
	@Override
	public String toString() {
		if (codes.length == 0) {
			return fallback;
		}
		return arguments.length == 0 ? codes[0] : codes[0] + " " + Arrays.toString(arguments);
	}

}
