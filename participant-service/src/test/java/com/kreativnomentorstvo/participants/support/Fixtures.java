package com.kreativnomentorstvo.participants.support;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies that are valid unless a test changes them. */
public final class Fixtures {

	/** A short random suffix that keeps ids and names of one test apart from every other's. */
	public static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	public static Json anOrganisation(String id, String country) {
		return Json.object()
			.with("id", id)
			.with("name", "Organisation " + id)
			.with("country", country)
			.with("kind", "ngo")
			.with("website", "https://" + id + ".example.org")
			.with("contactEmail", "office@" + id + ".example.org");
	}

	/** Where the fixtures' programmes and people are: the service counts a programme's days in its zone. */
	public static final ZoneId ZONE = ZoneId.of("Europe/Belgrade");

	/**
	 * Today in the fixtures' zone: the date the service calls today, whatever the test machine's zone and
	 * hour (near midnight UTC, Belgrade is already a day ahead).
	 */
	public static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	/** A programme by the organiser whose enrolment is open today and which starts in a month. */
	public static Json aProgramme(String organiserId, String... partnerIds) {
		LocalDate today = today();
		return Json.object()
			.with("name", "Regional mentoring " + unique())
			.with("organiserId", organiserId)
			.with("partnerIds", List.of(partnerIds))
			.with("startsOn", today.plusDays(30).toString())
			.with("endsOn", today.plusDays(210).toString())
			.with("timeZone", ZONE.getId())
			.with("languages", List.of("en", "sr-Latn", "hr", "mk", "sl"))
			.with("milestones", List.of(Map.of("kind", "KICK_OFF", "date", today.plusDays(30).toString()),
					Map.of("kind", "MIDTERM", "date", today.plusDays(120).toString()),
					Map.of("kind", "FINAL", "date", today.plusDays(210).toString())))
			.with("enrolmentOpensOn", today.minusDays(10).toString())
			.with("enrolmentClosesOn", today.plusDays(20).toString());
	}

	/** A mentor of the programme: a hybrid Belgrade producer with two skills. */
	public static Json aMentor(String programmeId, String organisationId) {
		String suffix = unique();
		return participant(programmeId, organisationId, "MENTOR", suffix)
			.with("skills", new ArrayList<>(List.of(Map.of("code", "transnational-programmes", "level", 5),
					Map.of("code", "programme-development", "level", 4))))
			.with("capacity", 2);
	}

	/** A mentee of the programme seeking two goals. */
	public static Json aMentee(String programmeId, String organisationId) {
		String suffix = unique();
		return participant(programmeId, organisationId, "MENTEE", suffix)
			.with("goals", new ArrayList<>(List.of(Map.of("code", "digital-tools", "level", 5),
					Map.of("code", "audience-engagement", "level", 3))));
	}

	private static Json participant(String programmeId, String organisationId, String role, String suffix) {
		return Json.object()
			.with("programmeId", programmeId)
			.with("role", role)
			.with("displayName", "Person " + suffix)
			.with("email", "person-" + suffix + "@example.org")
			.with("organisationId", organisationId)
			.with("country", "RS")
			.with("city", "Belgrade")
			.with("languages", List.of("sr-Latn", "en"))
			.with("preferredLocale", "sr-Latn")
			.with("bio", "Works on regional festivals " + suffix)
			.with("format", "HYBRID")
			.with("timeZone", ZONE.getId())
			.with("availability", new ArrayList<>(List.of(Map.of("day", "TUESDAY", "from", "17:00", "to", "19:00"),
					Map.of("day", "THURSDAY", "from", "10:00", "to", "12:00"))))
			.with("consent", Json.object()
				.with("version", "2026-10")
				.with("scopes", List.of("programme-participation", "matching", "notifications")));
	}

	private Fixtures() {
	}

}
