package com.kreativnomentorstvo.participants.programme;

import java.time.LocalDate;
import java.util.Map;

import com.kreativnomentorstvo.platform.web.PlainText;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What makes a programme's next cycle: when it starts (every date moves by as many days as the start
 * does) and its name.
 *
 * @param names the new cycle's name in other languages, by language tag; {@code name} for the rest
 */
record NextCycleForm(@NotNull LocalDate startsOn, @NotBlank @Size(max = 200) @PlainText String name,
		@Size(max = 6) Map<@NotNull String, @NotNull @Size(min = 1, max = 200) @PlainText String> names) {
}
