package com.kreativnomentorstvo.events.participants;

/**
 * A taxonomy entry with a weight: for a mentor the level offered (1 basic … 5 expert), for a
 * mentee the priority of a goal (1 nice to have … 5 essential).
 */
public record Skill(String code, int level) {
}
