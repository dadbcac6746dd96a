package com.kreativnomentorstvo.participants.participant;

import com.kreativnomentorstvo.participants.validation.Code;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A skill offered with its level, or a goal sought with its priority, both 1 to 5. */
record LevelForm(@NotNull @Code String code, @NotNull @Min(1) @Max(5) Integer level) {

	SkillLevel toSkillLevel() {
		return new SkillLevel(code, level);
	}

}
