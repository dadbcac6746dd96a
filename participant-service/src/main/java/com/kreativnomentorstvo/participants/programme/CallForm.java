package com.kreativnomentorstvo.participants.programme;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.kreativnomentorstvo.participants.validation.Code;
import com.kreativnomentorstvo.participants.validation.LanguageTag;
import com.kreativnomentorstvo.platform.web.PlainText;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A programme's public call as its organiser writes it: texts per language and the application
 * questions. Labels are checked against the programme's languages by {@link CallRules}.
 */
record CallForm(@Size(max = 12) Map<@NotNull @LanguageTag String, @NotNull @Valid TextForm> texts,
		@Size(max = 30) List<@NotNull @Valid QuestionForm> questions) {

	record TextForm(@NotNull @Size(min = 1, max = 2000) @PlainText(multiline = true) String summary,
			@Size(max = 2000) @PlainText(multiline = true) String offer,
			@Size(max = 2000) @PlainText(multiline = true) String eligibility) {
	}

	record QuestionForm(@NotNull @Code String id, @NotNull Question.Kind kind, boolean required,
			@NotEmpty @Size(max = 12) Map<@NotNull @LanguageTag String, @NotNull @Size(min = 1, max = 500) @PlainText String> label,
			@Size(max = 12) Map<@NotNull @LanguageTag String, @NotNull @Size(min = 1, max = 1000) @PlainText(multiline = true) String> help,
			@Min(1) @Max(5000) Integer maxLength, @Size(max = 20) List<@NotNull @Valid OptionForm> options) {
	}

	record OptionForm(@NotNull @Code String id,
			@NotEmpty @Size(max = 12) Map<@NotNull @LanguageTag String, @NotNull @Size(min = 1, max = 200) @PlainText String> label) {
	}

	Call toCall() {
		Map<String, Call.Text> written = texts == null ? Map.of() : texts.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey,
					e -> new Call.Text(e.getValue().summary().strip(), strip(e.getValue().offer()),
							strip(e.getValue().eligibility()))));
		List<Question> asked = questions == null ? List.of() : questions.stream()
			.map(q -> new Question(q.id(), q.kind(), q.required(), q.label(), q.help(), q.maxLength(),
					q.options() == null ? List.of()
							: q.options().stream().map(o -> new Question.Option(o.id(), o.label())).toList()))
			.toList();
		return new Call(written, asked);
	}

	private static String strip(String text) {
		return text == null ? null : text.strip();
	}

}
