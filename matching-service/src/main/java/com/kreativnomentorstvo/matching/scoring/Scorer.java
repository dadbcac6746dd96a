package com.kreativnomentorstvo.matching.scoring;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.kreativnomentorstvo.events.participants.Format;
import com.kreativnomentorstvo.events.participants.Skill;
import com.kreativnomentorstvo.events.participants.WeeklySlot;

/**
 * Scores mentor–mentee pairs under one policy at one moment (time-zone offsets are taken at that
 * moment, so a replayed run scores exactly as the original did). Profiles are first compiled into
 * {@link Candidate}s, after which checking and scoring a pair is cheap enough for every pair of a
 * large programme; explanations are written only for the pairs someone looks at.
 *
 * <p>Not thread-safe: one scorer per run or request.
 */
public final class Scorer {

	/** Weekly time in common that earns the availability criterion's full points. */
	public static final int FULL_OVERLAP_MINUTES = 120;

	/** Time-zone distance at which the time-zone criterion gives nothing. */
	public static final int FURTHEST_OFFSET_MINUTES = 12 * 60;

	private static final int UNIT_MINUTES = 5;

	private static final int WEEK_UNITS = 7 * 24 * 60 / UNIT_MINUTES;

	private static final int UNKNOWN_OFFSET = Integer.MIN_VALUE;

	private static final Criterion[] CRITERIA = Criterion.values();

	private final ScoringPolicy policy;

	private final int[] maxPoints;

	private final Instant at;

	private final ZoneId fallbackZone;

	private final Map<String, Integer> languages = new HashMap<>();

	private final Map<String, Integer> skills = new HashMap<>();

	/**
	 * @param at the moment whose time-zone offsets count
	 * @param fallbackZone where availability is placed for someone who gave no time zone (the
	 *     programme's)
	 */
	public Scorer(ScoringPolicy policy, Instant at, ZoneId fallbackZone) {
		this.policy = policy;
		this.maxPoints = policy.maxPoints();
		this.at = at;
		this.fallbackZone = fallbackZone == null ? ZoneOffset.UTC : fallbackZone;
	}

	public ScoringPolicy policy() {
		return policy;
	}

	/** The most each criterion can give, in hundredths, in {@link Criterion} order. */
	public int[] maxPoints() {
		return maxPoints.clone();
	}

	/** Prepares a profile for scoring. */
	public Candidate candidate(Profile profile) {
		return new Candidate(profile);
	}

	/**
	 * The first hard constraint the pair breaks, in the order of {@link HardConstraint}, or
	 * {@code null} if the pair may be formed. Coordinators' exclusions are checked by the caller.
	 */
	public HardConstraint blockedBy(Candidate mentee, Candidate mentor) {
		if (!mentee.languageBits.intersects(mentor.languageBits)) {
			return HardConstraint.LANGUAGE;
		}
		if (!(mentee.online && mentor.online)) {
			if (!(mentee.inPerson && mentor.inPerson)) {
				return HardConstraint.FORMAT;
			}
			if (!closeEnough(mentee, mentor)) {
				return HardConstraint.LOCATION;
			}
		}
		if (!policy.sameOrganisationAllowed() && mentee.organisation != null
				&& mentee.organisation.equals(mentor.organisation)) {
			return HardConstraint.ORGANISATION;
		}
		return null;
	}

	/** The pair's score in hundredths of a point (0–10000), the sum of its criteria's points. */
	public int score(Candidate mentee, Candidate mentor) {
		int score = 0;
		for (Criterion criterion : CRITERIA) {
			score += points(criterion, mentee, mentor);
		}
		return score;
	}

	/** The pair's score with one line per criterion and the constraints it meets. */
	public Explanation explain(Candidate mentee, Candidate mentor) {
		List<CriterionPoints> lines = new ArrayList<>(CRITERIA.length);
		int score = 0;
		for (Criterion criterion : CRITERIA) {
			int points = points(criterion, mentee, mentor);
			score += points;
			lines.add(new CriterionPoints(criterion, points, maxPoints[criterion.ordinal()],
					reason(criterion, mentee, mentor)));
		}
		return new Explanation(score, lines, constraintsMet(mentee, mentor));
	}

	private int points(Criterion criterion, Candidate mentee, Candidate mentor) {
		int max = maxPoints[criterion.ordinal()];
		if (max == 0) {
			return 0;
		}
		return switch (criterion) {
			case GOALS -> {
				long[] coverage = goalCoverage(mentee, mentor);
				yield coverage[1] == 0 ? 0 : (int) (max * coverage[0] / coverage[1]);
			}
			case AVAILABILITY -> {
				int overlap = overlapMinutes(mentee, mentor);
				yield overlap < 0 ? 0 : max * Math.min(overlap, FULL_OVERLAP_MINUTES) / FULL_OVERLAP_MINUTES;
			}
			case TIMEZONE -> {
				int apart = offsetDistance(mentee, mentor);
				yield apart < 0 ? 0
						: max * Math.max(0, FURTHEST_OFFSET_MINUTES - apart) / FURTHEST_OFFSET_MINUTES;
			}
			case COUNTRY -> {
				if (mentee.country == null || mentor.country == null) {
					yield 0;
				}
				boolean same = mentee.country.equals(mentor.country);
				yield switch (policy.crossBorder()) {
					case PREFER -> same ? 0 : max;
					case AVOID -> same ? max : 0;
					case NEUTRAL -> 0;
				};
			}
			case PREFERENCES -> {
				if (avoids(mentee, mentor) || avoids(mentor, mentee)) {
					yield 0;
				}
				yield mentee.preferred.contains(mentor.id) ? max : max / 2;
			}
		};
	}

	private String reason(Criterion criterion, Candidate mentee, Candidate mentor) {
		return switch (criterion) {
			case GOALS -> {
				if (mentee.goalIndexes.length == 0) {
					yield "the mentee stated no goals";
				}
				long[] coverage = goalCoverage(mentee, mentor);
				int covered = 0;
				for (int k = 0; k < mentee.goalIndexes.length; k++) {
					if (mentor.level(mentee.goalIndexes[k]) > 0) {
						covered++;
					}
				}
				yield "the mentor's skills cover %d of %d goals; %d%% of the most, weighing priorities and levels"
					.formatted(covered, mentee.goalIndexes.length, 100 * coverage[0] / coverage[1]);
			}
			case AVAILABILITY -> {
				int overlap = overlapMinutes(mentee, mentor);
				if (overlap < 0) {
					yield (mentee.weekly == null ? "the mentee" : "the mentor") + " stated no weekly availability";
				}
				yield overlap == 0 ? "no weekly time in common"
						: duration(overlap) + " a week in common (full points from " + duration(FULL_OVERLAP_MINUTES)
								+ ")";
			}
			case TIMEZONE -> {
				int apart = offsetDistance(mentee, mentor);
				if (apart < 0) {
					yield (mentee.offset == UNKNOWN_OFFSET ? "the mentee" : "the mentor") + " stated no time zone";
				}
				yield apart == 0 ? "the same time of day for both" : "time zones " + duration(apart) + " apart";
			}
			case COUNTRY -> {
				String stance = switch (policy.crossBorder()) {
					case PREFER -> "the programme prefers cross-border pairs";
					case AVOID -> "the programme prefers pairs from one country";
					case NEUTRAL -> "the programme has no preference about borders";
				};
				if (mentee.country == null || mentor.country == null) {
					yield (mentee.country == null ? "the mentee" : "the mentor") + " stated no country; " + stance;
				}
				yield (mentee.country.equals(mentor.country) ? "both in " + mentee.country
						: "from " + mentee.country + " and " + mentor.country) + "; " + stance;
			}
			case PREFERENCES -> {
				if (avoids(mentee, mentor)) {
					yield "the mentee asked not to be paired with this mentor";
				}
				if (avoids(mentor, mentee)) {
					yield "the mentor asked not to be paired with this mentee";
				}
				yield mentee.preferred.contains(mentor.id) ? "the mentee asked for this mentor"
						: "no stated preference either way (half the points)";
			}
		};
	}

	private List<String> constraintsMet(Candidate mentee, Candidate mentor) {
		List<String> met = new ArrayList<>();
		Set<String> shared = new TreeSet<>(mentee.profile.languages());
		shared.retainAll(new HashSet<>(mentor.profile.languages()));
		met.add("shared working language: " + String.join(", ", shared));
		met.add(mentee.online && mentor.online ? "both can meet online"
				: "both meet in person, " + (mentee.city != null && mentor.city != null ? "in one city" : "in one country"));
		if (!policy.sameOrganisationAllowed()) {
			met.add("from different organisations");
		}
		return met;
	}

	/** {covered, most}: priority times level summed over goals, and what full coverage would give. */
	private static long[] goalCoverage(Candidate mentee, Candidate mentor) {
		long covered = 0;
		long most = 0;
		for (int k = 0; k < mentee.goalIndexes.length; k++) {
			int priority = mentee.goalPriorities[k];
			covered += (long) priority * mentor.level(mentee.goalIndexes[k]);
			most += 5L * priority;
		}
		return new long[] { covered, most };
	}

	/** Minutes a week both are available, or -1 if either stated no availability. */
	private static int overlapMinutes(Candidate mentee, Candidate mentor) {
		if (mentee.weekly == null || mentor.weekly == null) {
			return -1;
		}
		int units = 0;
		for (int k = 0; k < mentee.weekly.length; k++) {
			units += Long.bitCount(mentee.weekly[k] & mentor.weekly[k]);
		}
		return units * UNIT_MINUTES;
	}

	private static int offsetDistance(Candidate mentee, Candidate mentor) {
		if (mentee.offset == UNKNOWN_OFFSET || mentor.offset == UNKNOWN_OFFSET) {
			return -1;
		}
		int apart = Math.abs(mentee.offset - mentor.offset);
		return Math.min(apart, 24 * 60 - apart);
	}

	private static boolean avoids(Candidate who, Candidate whom) {
		return who.avoided.contains(whom.id);
	}

	private static boolean closeEnough(Candidate a, Candidate b) {
		if (a.country == null || b.country == null || !a.country.equals(b.country)) {
			return false;
		}
		return a.city == null || b.city == null || a.city.equals(b.city);
	}

	private static String duration(int minutes) {
		int hours = minutes / 60;
		int rest = minutes % 60;
		if (hours == 0) {
			return rest + " min";
		}
		return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
	}

	private int index(Map<String, Integer> dictionary, String code) {
		return dictionary.computeIfAbsent(code.trim().toLowerCase(Locale.ROOT), key -> dictionary.size());
	}

	/** A profile prepared for fast checks and scoring. */
	public final class Candidate {

		private final Profile profile;

		private final String id;

		private final String organisation;

		private final String country;

		private final String city;

		private final BitSet languageBits = new BitSet();

		private int[] levels = new int[0];

		private final int[] goalIndexes;

		private final int[] goalPriorities;

		private final long[] weekly;

		private final int offset;

		private final boolean online;

		private final boolean inPerson;

		private final Set<String> preferred;

		private final Set<String> avoided;

		private Candidate(Profile profile) {
			this.profile = profile;
			this.id = profile.participantId();
			this.organisation = profile.organisationId();
			this.country = normalised(profile.country());
			this.city = normalised(profile.city());
			profile.languages().forEach(language -> languageBits.set(index(languages, language)));
			for (Skill skill : profile.skills()) {
				int k = index(skills, skill.code());
				if (k >= levels.length) {
					levels = java.util.Arrays.copyOf(levels, Math.max(k + 1, levels.length * 2));
				}
				levels[k] = Math.max(levels[k], Math.max(0, Math.min(5, skill.level())));
			}
			List<Skill> goals = profile.goals();
			this.goalIndexes = new int[goals.size()];
			this.goalPriorities = new int[goals.size()];
			for (int k = 0; k < goals.size(); k++) {
				goalIndexes[k] = index(skills, goals.get(k).code());
				goalPriorities[k] = Math.max(1, Math.min(5, goals.get(k).level()));
			}
			ZoneId zone = zone(profile.timeZone());
			this.offset = zone == null ? UNKNOWN_OFFSET : zone.getRules().getOffset(at).getTotalSeconds() / 60;
			this.weekly = weekly(profile.availability(), zone == null ? fallbackZone : zone);
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

		private int level(int skill) {
			return skill < levels.length ? levels[skill] : 0;
		}

		private long[] weekly(List<WeeklySlot> slots, ZoneId zone) {
			if (slots.isEmpty()) {
				return null;
			}
			int offsetMinutes = zone.getRules().getOffset(at).getTotalSeconds() / 60;
			long[] bits = new long[(WEEK_UNITS + 63) / 64];
			for (WeeklySlot slot : slots) {
				if (slot.day() == null || slot.from() == null || slot.to() == null) {
					continue;
				}
				int start = (slot.day().getValue() - 1) * 1440 + slot.from().toSecondOfDay() / 60;
				int length = slot.to().toSecondOfDay() / 60 - slot.from().toSecondOfDay() / 60;
				if (length <= 0) {
					length += 1440; // the slot runs past midnight
				}
				int utcStart = start - offsetMinutes;
				int first = Math.floorDiv(utcStart + UNIT_MINUTES - 1, UNIT_MINUTES);
				int last = Math.floorDiv(utcStart + length, UNIT_MINUTES);
				for (int unit = first; unit < last; unit++) {
					int wrapped = Math.floorMod(unit, WEEK_UNITS);
					bits[wrapped >>> 6] |= 1L << (wrapped & 63);
				}
			}
			return bits;
		}

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
