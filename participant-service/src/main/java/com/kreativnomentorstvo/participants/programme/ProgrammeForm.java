package com.kreativnomentorstvo.participants.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hibernate.validator.constraints.UniqueElements;

import com.kreativnomentorstvo.participants.validation.Code;
import com.kreativnomentorstvo.participants.validation.LanguageTag;
import com.kreativnomentorstvo.platform.web.PlainText;
import com.kreativnomentorstvo.participants.validation.ResourceId;
import com.kreativnomentorstvo.participants.validation.TimeZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What sets up a programme.
 *
 * @param id chosen by an administrator importing data; generated when absent
 * @param taxonomy the skills and goals participants choose from; the cultural sector's seven when absent
 * @param matchingPolicy the pairing policy; defaults for what it leaves out
 * @param names the programme's name in other languages, by language tag; {@code name} for the rest
 */
record ProgrammeForm(@ResourceId String id, @NotNull @Size(max = 200) @PlainText String name,
		@NotNull @ResourceId String organiserId,
		@Size(max = 30) @UniqueElements List<@NotNull @ResourceId String> partnerIds, @NotNull LocalDate startsOn,
		@NotNull LocalDate endsOn, @NotNull @TimeZoneId String timeZone,
		@NotEmpty @Size(max = 12) @UniqueElements List<@NotNull @LanguageTag String> languages,
		@Size(max = 30) List<@NotNull @Valid MilestoneForm> milestones, @NotNull LocalDate enrolmentOpensOn,
		@NotNull LocalDate enrolmentClosesOn,
		@Size(min = 1, max = 50) @UniqueElements List<@NotNull @Code String> taxonomy,
		@Valid PolicyForm matchingPolicy,
		@Size(max = 6) Map<@NotNull String, @NotNull @Size(min = 1, max = 200) @PlainText String> names) {

	ProgrammeDraft toDraft() {
		return new ProgrammeDraft(name.strip(), partnerIds == null ? List.of() : partnerIds, startsOn, endsOn, timeZone,
				languages, milestones == null ? List.of() : milestones.stream().map(MilestoneForm::toMilestone).toList(),
				enrolmentOpensOn, enrolmentClosesOn, taxonomy == null ? Taxonomy.CULTURAL_SECTOR : taxonomy,
				matchingPolicy == null ? PolicyForm.DEFAULT : matchingPolicy.over(PolicyForm.DEFAULT), names);
	}

}
