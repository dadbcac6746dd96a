package com.kreativnomentorstvo.participants.organisation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.events.participants.OrganisationRegistered;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;

/** A member of the network: it can run programmes and partner in others'. */
@Document("organisations")
public class Organisation extends AggregateRoot {

	@Id
	private String id;

	private String name;

	private String country;

	private String kind;

	private String website;

	private String contactEmail;

	private Instant registeredAt;

	protected Organisation() {
	}

	/** Registers an organisation and announces it to the network. */
	static Organisation register(String id, OrganisationForm form, Instant at) {
		Organisation organisation = new Organisation();
		organisation.id = id;
		organisation.name = form.name().strip();
		organisation.country = form.country();
		organisation.kind = form.kind();
		organisation.website = form.website();
		organisation.contactEmail = form.contactEmail();
		organisation.registeredAt = at;
		organisation.record(new OrganisationRegistered(id, organisation.name, organisation.country, organisation.kind, at));
		return organisation;
	}

	public String getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public String getCountry() {
		return country;
	}

	public String getKind() {
		return kind;
	}

	public String getWebsite() {
		return website;
	}

	public String getContactEmail() {
		return contactEmail;
	}

	public Instant getRegisteredAt() {
		return registeredAt;
	}

}
