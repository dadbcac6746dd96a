package com.kreativnomentorstvo.participants.organisation;

import com.kreativnomentorstvo.participants.validation.CountryCode;
import com.kreativnomentorstvo.participants.validation.EmailAddress;
import com.kreativnomentorstvo.platform.web.PlainText;
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
		@NotNull @Pattern(regexp = KINDS, message = KINDS_MESSAGE) String kind,
		@Size(max = 300) @Pattern(regexp = WEBSITE, message = WEBSITE_MESSAGE) String website,
		@EmailAddress String contactEmail) {

	static final String KINDS = "platform|network|ngo|cultural-centre|foundation|public-institution|university"
			+ "|company|informal-group|other";

	static final String KINDS_MESSAGE = "must be one of platform, network, ngo, cultural-centre, foundation, "
			+ "public-institution, university, company, informal-group, other";

	static final String WEBSITE = "https?://[^\\s/$.?#][^\\s]*";

	static final String WEBSITE_MESSAGE = "must be an http(s) URL";

}
