package com.kreativnomentorstvo.participants.participant;

import java.util.Arrays;
import java.util.List;

import org.hibernate.validator.constraints.UniqueElements;

import com.kreativnomentorstvo.events.participants.Format;
import com.kreativnomentorstvo.participants.validation.CountryCode;
import com.kreativnomentorstvo.participants.validation.EmailAddress;
import com.kreativnomentorstvo.participants.validation.LanguageTag;
import com.kreativnomentorstvo.participants.validation.MessageLocale;
import com.kreativnomentorstvo.platform.web.PlainText;
import com.kreativnomentorstvo.participants.validation.ResourceId;
import com.kreativnomentorstvo.participants.validation.TimeZoneId;
import com.kreativnomentorstvo.participants.web.Changes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A merge patch of a participant's details. Her id, programme, role, organisation, status and
 * consent are not here, so a body that names them is refused: they change through their own
 * endpoints, or not at all. {@code city} and {@code bio} can be removed with {@code null}.
 */
class ParticipantChanges extends Changes {

	@Size(max = 120)
	@PlainText
	private String displayName;

	@EmailAddress
	private String email;

	@CountryCode
	private String country;

	@Size(max = 100)
	@PlainText
	private String city;

	@Size(min = 1, max = 10)
	@UniqueElements
	private List<@NotNull @LanguageTag String> languages;

	@MessageLocale
	private String preferredLocale;

	@Size(max = 20)
	private List<@NotNull @Valid LevelForm> skills;

	@Size(max = 20)
	private List<@NotNull @Valid LevelForm> goals;

	@Size(max = 2000)
	@PlainText(multiline = true)
	private String bio;

	private Format format;

	@TimeZoneId
	private String timeZone;

	@Size(max = 28)
	private List<@NotNull @Valid SlotForm> availability;

	@Min(1)
	@Max(20)
	private Integer capacity;

	@Size(max = 5)
	@UniqueElements
	private List<@NotNull @ResourceId String> preferredMentorIds;

	@Size(max = 20)
	@UniqueElements
	private List<@NotNull @ResourceId String> avoidedParticipantIds;

	public void setDisplayName(String displayName) {
		this.displayName = sent("displayName", displayName);
	}

	public void setEmail(String email) {
		this.email = sent("email", email);
	}

	public void setCountry(String country) {
		this.country = sent("country", country);
	}

	public void setCity(String city) {
		this.city = sent("city", city);
	}

	public void setLanguages(List<String> languages) {
		this.languages = sent("languages", languages);
	}

	public void setPreferredLocale(String preferredLocale) {
		this.preferredLocale = sent("preferredLocale", preferredLocale);
	}

	public void setSkills(List<LevelForm> skills) {
		this.skills = sent("skills", skills);
	}

	public void setGoals(List<LevelForm> goals) {
		this.goals = sent("goals", goals);
	}

	public void setBio(String bio) {
		this.bio = sent("bio", bio);
	}

	public void setFormat(Format format) {
		this.format = sent("format", format);
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = sent("timeZone", timeZone);
	}

	public void setAvailability(List<SlotForm> availability) {
		this.availability = sent("availability", availability);
	}

	public void setCapacity(Integer capacity) {
		this.capacity = sent("capacity", capacity);
	}

	public void setPreferredMentorIds(List<String> preferredMentorIds) {
		this.preferredMentorIds = sent("preferredMentorIds", preferredMentorIds);
	}

	public void setAvoidedParticipantIds(List<String> avoidedParticipantIds) {
		this.avoidedParticipantIds = sent("avoidedParticipantIds", avoidedParticipantIds);
	}

	/** Her details with these changes applied. */
	ProfileDetails applyTo(ProfileDetails current) {
		requireValues(List.of("displayName", "email", "country", "languages", "preferredLocale", "skills", "goals",
				"format", "timeZone", "availability", "capacity", "preferredMentorIds", "avoidedParticipantIds"),
				Arrays.asList(displayName, email, country, languages, preferredLocale, skills, goals, format, timeZone,
						availability, capacity, preferredMentorIds, avoidedParticipantIds));
		return new ProfileDetails(valueOr("displayName", strip(displayName), current::displayName),
				valueOr("email", strip(email), current::email), valueOr("country", country, current::country),
				valueOr("city", strip(city), current::city), valueOr("languages", languages, current::languages),
				valueOr("preferredLocale", preferredLocale, current::preferredLocale),
				has("skills") ? EnrolmentForm.levels(skills) : current.skills(),
				has("goals") ? EnrolmentForm.levels(goals) : current.goals(), valueOr("bio", strip(bio), current::bio),
				valueOr("format", format, current::format), valueOr("timeZone", timeZone, current::timeZone),
				has("availability") ? availability.stream().map(SlotForm::toWindow).toList() : current.availability(),
				valueOr("capacity", capacity, current::capacity),
				valueOr("preferredMentorIds", preferredMentorIds, current::preferredMentorIds),
				valueOr("avoidedParticipantIds", avoidedParticipantIds, current::avoidedParticipantIds));
	}

	private static String strip(String value) {
		return value == null ? null : value.strip();
	}

}
