package com.kreativnomentorstvo.participants.participant;

import java.util.List;

import org.hibernate.validator.constraints.UniqueElements;

import com.kreativnomentorstvo.events.participants.Format;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.participants.validation.CountryCode;
import com.kreativnomentorstvo.participants.validation.EmailAddress;
import com.kreativnomentorstvo.participants.validation.LanguageTag;
import com.kreativnomentorstvo.participants.validation.MessageLocale;
import com.kreativnomentorstvo.platform.web.PlainText;
import com.kreativnomentorstvo.participants.validation.ResourceId;
import com.kreativnomentorstvo.participants.validation.TimeZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An application to a programme, or an enrolment by a coordinator. Status, review and timestamps
 * are not part of it: they are the service's to set.
 *
 * @param id chosen by an administrator importing data; otherwise a new one
 * @param accountId the account the enrolment belongs to: set by an administrator importing data only
 *     (applying while signed in takes the caller's account; admission links the others)
 * @param skills for a mentor: the skills she offers
 * @param goals for a mentee: the goals she seeks, with their priority
 * @param capacity for a mentor: how many mentees she takes on (the programme's default when absent)
 * @param preferredMentorIds for a mentee: mentors of the programme she would like to work with
 * @param avoidedParticipantIds participants she should not be paired with (e.g. a conflict of interest)
 * @param answers answers to the programme's own questions
 */
public record EnrolmentForm(@ResourceId String id, @ResourceId String accountId, @NotNull @ResourceId String programmeId,
		@NotNull Role role,
		@NotNull @Size(max = 120) @PlainText String displayName, @NotNull @EmailAddress String email,
		@NotNull @ResourceId String organisationId, @NotNull @CountryCode String country,
		@Size(max = 100) @PlainText String city,
		@NotEmpty @Size(max = 10) @UniqueElements List<@NotNull @LanguageTag String> languages,
		@NotNull @MessageLocale String preferredLocale,
		@Size(max = 20) List<@NotNull @Valid LevelForm> skills, @Size(max = 20) List<@NotNull @Valid LevelForm> goals,
		@Size(max = 2000) @PlainText(multiline = true) String bio, @NotNull Format format,
		@NotNull @TimeZoneId String timeZone, @Size(max = 28) List<@NotNull @Valid SlotForm> availability,
		@Min(1) @Max(20) Integer capacity,
		@Size(max = 5) @UniqueElements List<@NotNull @ResourceId String> preferredMentorIds,
		@Size(max = 20) @UniqueElements List<@NotNull @ResourceId String> avoidedParticipantIds,
		@NotNull @Valid ConsentForm consent, @Size(max = 30) List<@NotNull @Valid AnswerForm> answers) {

	/** Her answers, stripped. */
	public List<Answer> toAnswers() {
		return answers == null ? List.of() : answers.stream().map(AnswerForm::toAnswer).toList();
	}

	/** Her details, with the mentor capacity defaulted by the programme's policy. */
	public ProfileDetails toDetails(int defaultMentorCapacity) {
		return new ProfileDetails(displayName.strip(), email.strip(), country, city == null ? null : city.strip(),
				languages, preferredLocale, levels(skills), levels(goals), bio == null ? null : bio.strip(), format,
				timeZone, availability == null ? List.of() : availability.stream().map(SlotForm::toWindow).toList(),
				role == Role.MENTOR && capacity == null ? Integer.valueOf(defaultMentorCapacity) : capacity,
				preferredMentorIds == null ? List.of() : preferredMentorIds,
				avoidedParticipantIds == null ? List.of() : avoidedParticipantIds);
	}

	static List<SkillLevel> levels(List<LevelForm> forms) {
		return forms == null ? List.of() : forms.stream().map(LevelForm::toSkillLevel).toList();
	}

}
