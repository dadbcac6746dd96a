package com.kreativnomentorstvo.participants.programme;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.hibernate.validator.constraints.UniqueElements;

import com.kreativnomentorstvo.participants.validation.Code;
import com.kreativnomentorstvo.participants.validation.LanguageTag;
import com.kreativnomentorstvo.platform.web.PlainText;
import com.kreativnomentorstvo.participants.validation.ResourceId;
import com.kreativnomentorstvo.participants.validation.TimeZoneId;
import com.kreativnomentorstvo.participants.web.Changes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A merge patch of a programme: the fields sent replace the current ones; the id and organiser stay. */
class ProgrammeChanges extends Changes {

	@Size(max = 200)
	@PlainText
	private String name;

	@Size(max = 30)
	@UniqueElements
	private List<@NotNull @ResourceId String> partnerIds;

	private LocalDate startsOn;

	private LocalDate endsOn;

	@TimeZoneId
	private String timeZone;

	@Size(min = 1, max = 12)
	@UniqueElements
	private List<@NotNull @LanguageTag String> languages;

	@Size(max = 30)
	private List<@NotNull @Valid MilestoneForm> milestones;

	private LocalDate enrolmentOpensOn;

	private LocalDate enrolmentClosesOn;

	@Size(min = 1, max = 50)
	@UniqueElements
	private List<@NotNull @Code String> taxonomy;

	@Valid
	private PolicyForm matchingPolicy;

	@Size(max = 6)
	private Map<@NotNull String, @NotNull @Size(min = 1, max = 200) @PlainText String> names;

	public void setNames(Map<String, String> names) {
		this.names = sent("names", names);
	}

	public void setName(String name) {
		this.name = sent("name", name);
	}

	public void setPartnerIds(List<String> partnerIds) {
		this.partnerIds = sent("partnerIds", partnerIds);
	}

	public void setStartsOn(LocalDate startsOn) {
		this.startsOn = sent("startsOn", startsOn);
	}

	public void setEndsOn(LocalDate endsOn) {
		this.endsOn = sent("endsOn", endsOn);
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = sent("timeZone", timeZone);
	}

	public void setLanguages(List<String> languages) {
		this.languages = sent("languages", languages);
	}

	public void setMilestones(List<MilestoneForm> milestones) {
		this.milestones = sent("milestones", milestones);
	}

	public void setEnrolmentOpensOn(LocalDate enrolmentOpensOn) {
		this.enrolmentOpensOn = sent("enrolmentOpensOn", enrolmentOpensOn);
	}

	public void setEnrolmentClosesOn(LocalDate enrolmentClosesOn) {
		this.enrolmentClosesOn = sent("enrolmentClosesOn", enrolmentClosesOn);
	}

	public void setTaxonomy(List<String> taxonomy) {
		this.taxonomy = sent("taxonomy", taxonomy);
	}

	public void setMatchingPolicy(PolicyForm matchingPolicy) {
		this.matchingPolicy = sent("matchingPolicy", matchingPolicy);
	}

	/** The programme's draft with these changes applied. */
	ProgrammeDraft applyTo(ProgrammeDraft current) {
		requireValues(List.of("name", "partnerIds", "startsOn", "endsOn", "timeZone", "languages", "milestones",
				"enrolmentOpensOn", "enrolmentClosesOn", "taxonomy", "matchingPolicy"),
				Arrays.asList(name, partnerIds, startsOn, endsOn, timeZone, languages, milestones, enrolmentOpensOn,
						enrolmentClosesOn, taxonomy, matchingPolicy));
		return new ProgrammeDraft(valueOr("name", name == null ? null : name.strip(), current::name),
				valueOr("partnerIds", partnerIds, current::partnerIds), valueOr("startsOn", startsOn, current::startsOn),
				valueOr("endsOn", endsOn, current::endsOn), valueOr("timeZone", timeZone, current::timeZone),
				valueOr("languages", languages, current::languages),
				has("milestones") ? milestones.stream().map(MilestoneForm::toMilestone).toList() : current.milestones(),
				valueOr("enrolmentOpensOn", enrolmentOpensOn, current::enrolmentOpensOn),
				valueOr("enrolmentClosesOn", enrolmentClosesOn, current::enrolmentClosesOn),
				valueOr("taxonomy", taxonomy, current::taxonomy),
				has("matchingPolicy") ? matchingPolicy.over(current.matchingPolicy()) : current.matchingPolicy(),
				has("names") ? names : current.names());
	}

}
