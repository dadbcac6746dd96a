package com.kreativnomentorstvo.matching.scoring;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.kreativnomentorstvo.events.participants.Format;
import com.kreativnomentorstvo.events.participants.Skill;

/**
 * A profile prepared by one {@link Scorer} for fast checks and scoring: codes numbered, the week's
 * availability as bits in UTC, the time-zone offset at the scorer's moment. Comparable only with the
 * candidates of the same scorer.
 */
public final class Candidate {

	private static final int UNKNOWN_OFFSET = Integer.MIN_VALUE;

	private final Profile profile;

	private final String id;

	private final String organisation;

	private final String country;

	private final String city;

	private final BitSet languages = new BitSet();

	private int[] levels = new int[0];

	private final int[] goals;

	private final int[] goalPriorities;

	private final long[] week;

	private final int offset;

	private final boolean online;

	private final boolean inPerson;

	private final Set<String> preferred;

	private final Set<String> avoided;

	/**
	 * @param at the moment whose time-zone offsets count
	 * @param fallbackZone where availability is placed for someone who gave no time zone
	 */
	Candidate(Profile profile, Vocabulary vocabulary, Instant at, ZoneId fallbackZone) {
		this.profile = profile;
		this.id = profile.participantId();
		this.organisation = profile.organisationId();
		this.country = normalised(profile.country());
		this.city = normalised(profile.city());
		profile.languages().forEach(language -> languages.set(vocabulary.language(language)));
		for (Skill skill : profile.skills()) {
			int k = vocabulary.skill(skill.code());
			if (k >= levels.length) {
				levels = Arrays.copyOf(levels, Math.max(k + 1, levels.length * 2));
			}
			levels[k] = Math.max(levels[k], Math.max(0, Math.min(5, skill.level())));
		}
		List<Skill> stated = profile.goals();
		this.goals = new int[stated.size()];
		this.goalPriorities = new int[stated.size()];
		for (int k = 0; k < stated.size(); k++) {
			goals[k] = vocabulary.skill(stated.get(k).code());
			goalPriorities[k] = Math.max(1, Math.min(5, stated.get(k).level()));
		}
		ZoneId zone = zone(profile.timeZone());
		this.offset = zone == null ? UNKNOWN_OFFSET : offsetMinutes(zone, at);
		this.week = WeeklyOverlap.week(profile.availability(), offsetMinutes(zone == null ? fallbackZone : zone, at));
		Format format = profile.format() == null ? Format.ONLINE : profile.format();
		this.online = format != Format.IN_PERSON;
		this.inPerson = format != Format.ONLINE;
		this.preferred = Set.copyOf(profile.preferredMentorIds());
		this.avoided = Set.copyOf(profile.avoidedParticipantIds());
	}

	public Profile profile() {
		return profile;
	}

	public String id() {
		return id;
	}

	String organisation() {
		return organisation;
	}

	/** Upper case, {@code null} if not stated. */
	String country() {
		return country;
	}

	/** Upper case, {@code null} if not stated. */
	String city() {
		return city;
	}

	boolean speaksAnyOf(Candidate other) {
		return languages.intersects(other.languages);
	}

	boolean meetsOnline() {
		return online;
	}

	boolean meetsInPerson() {
		return inPerson;
	}

	/** Her level (0–5) in the skill, by its number in the scorer's vocabulary. */
	int level(int skill) {
		return skill < levels.length ? levels[skill] : 0;
	}

	int goalCount() {
		return goals.length;
	}

	/** The k-th goal's skill number. */
	int goal(int k) {
		return goals[k];
	}

	/** The k-th goal's priority, 1–5. */
	int goalPriority(int k) {
		return goalPriorities[k];
	}

	/** Her weekly availability as {@link WeeklyOverlap#week} bits, {@code null} if she stated none. */
	long[] week() {
		return week;
	}

	/** Whether she stated a valid time zone. */
	boolean hasOffset() {
		return offset != UNKNOWN_OFFSET;
	}

	/** Her time zone's offset from UTC in minutes at the scorer's moment, if {@link #hasOffset()}. */
	int offset() {
		return offset;
	}

	/** Whether she (a mentee) asked for this mentor. */
	boolean prefers(String mentorId) {
		return preferred.contains(mentorId);
	}

	/** Whether she asked not to be paired with this person. */
	boolean avoids(String participantId) {
		return avoided.contains(participantId);
	}

	private static int offsetMinutes(ZoneId zone, Instant at) {
		return zone.getRules().getOffset(at).getTotalSeconds() / 60;
	}

	private static String normalised(String value) {
		return value == null || value.isBlank() ? null : value.trim().toUpperCase(Locale.ROOT);
	}

	private static ZoneId zone(String timeZone) {
		if (timeZone == null || timeZone.isBlank()) {
			return null;
		}
		try {
			return ZoneId.of(timeZone);
		}
		catch (DateTimeException unknown) {
			return null;
		}
	}

}
