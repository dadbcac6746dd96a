package com.kreativnomentorstvo.participants.organisation;

import com.kreativnomentorstvo.participants.validation.CountryCode;
import com.kreativnomentorstvo.participants.validation.EmailAddress;
import com.kreativnomentorstvo.participants.validation.PlainText;
import com.kreativnomentorstvo.participants.validation.ResourceId;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What registers an organisation.
 *
 * @param id chosen by an administrator importing data; generated when absent
 * @param kind {@code platform}, {@code network}, {@code ngo}, {@code cultural-centre}, {@code foundation},
 *     {@code public-institution}, {@code university}, {@code company}, {@code informal-group} or {@code other}
 */
record OrganisationForm(@ResourceId String id, @NotNull @Size(max = 200) @PlainText String name,
		@NotNull @CountryCode String country,
		@NotNull @Pattern(regexp = KINDS, message = "must be one of platform, network, ngo, cultural-centre, "
				+ "foundation, public-institution, university, company, informal-group, other") String kind,
		@Size(max = 300) @Pattern(regexp = "https?://[^\\s/$.?#][^\\s]*", message = "must be an http(s) URL") String website,
		@EmailAddress String contactEmail) {

	static final String KINDS = "platform|network|ngo|cultural-centre|foundation|public-institution|university"
			+ "|company|informal-group|other";

}
