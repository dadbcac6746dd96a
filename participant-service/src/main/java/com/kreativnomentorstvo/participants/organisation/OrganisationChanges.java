package com.kreativnomentorstvo.participants.organisation;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.kreativnomentorstvo.participants.validation.EmailAddress;
import com.kreativnomentorstvo.platform.web.PlainText;
import com.kreativnomentorstvo.participants.web.Changes;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A merge patch of an organisation: the fields sent replace the current ones; {@code website} and
 * {@code contactEmail} are removed with {@code null}. The id and country are not fields here: the
 * country places the organisation (its jurisdiction and its participants' cross-border matching) and
 * is fixed at registration, so a different country is a different registration.
 */
class OrganisationChanges extends Changes {

	@Size(max = 200)
	@PlainText
	private String name;

	@Pattern(regexp = OrganisationForm.KINDS, message = OrganisationForm.KINDS_MESSAGE)
	private String kind;

	@Size(max = 300)
	@Pattern(regexp = OrganisationForm.WEBSITE, message = OrganisationForm.WEBSITE_MESSAGE)
	private String website;

	@EmailAddress
	private String contactEmail;

	public void setName(String name) {
		this.name = sent("name", name);
	}

	public void setKind(String kind) {
		this.kind = sent("kind", kind);
	}

	public void setWebsite(String website) {
		this.website = sent("website", website);
	}

	public void setContactEmail(String contactEmail) {
		this.contactEmail = sent("contactEmail", contactEmail);
	}

	/** Applies the patch to the organisation; whether anything changed. */
	boolean applyTo(Organisation organisation, Instant at) {
		requireValues(List.of("name", "kind"), Arrays.asList(name, kind));
		return organisation.change(valueOr("name", name == null ? null : name.strip(), organisation::getName),
				valueOr("kind", kind, organisation::getKind), valueOr("website", website, organisation::getWebsite),
				valueOr("contactEmail", contactEmail, organisation::getContactEmail), at);
	}

}
