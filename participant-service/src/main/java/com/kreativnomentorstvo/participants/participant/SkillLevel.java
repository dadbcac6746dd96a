package com.kreativnomentorstvo.participants.participant;

import com.kreativnomentorstvo.events.participants.Skill;

/** A taxonomy code with a level (a mentor's skill, 1 basic … 5 expert) or a priority (a mentee's goal, 1 … 5). */
public record SkillLevel(String code, int level) {

	Skill toSkill() {
		return new Skill(code, level);
	}

}
