package com.kreativnomentorstvo.participants.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.events.participants.OrganisationRegistered;
import com.kreativnomentorstvo.events.participants.OrganisationUpdated;
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

	private Instant updatedAt;

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

	/**
	 * Corrects the organisation's details and announces which fields changed (the website and contact
	 * e-mail address by name only: they stay out of the event stream).
	 * @return whether anything changed; nothing is recorded when it did not
	 */
	boolean change(String name, String kind, String website, String contactEmail, Instant at) {
		List<String> changed = new ArrayList<>();
		if (!Objects.equals(this.name, name)) {
			changed.add("name");
		}
		if (!Objects.equals(this.kind, kind)) {
			changed.add("kind");
		}
		if (!Objects.equals(this.website, website)) {
			changed.add("website");
		}
		if (!Objects.equals(this.contactEmail, contactEmail)) {
			changed.add("contactEmail");
		}
		if (changed.isEmpty()) {
			return false;
		}
		this.name = name;
		this.kind = kind;
		this.website = website;
		this.contactEmail = contactEmail;
		this.updatedAt = at;
		record(new OrganisationUpdated(id, name, country, kind, List.copyOf(changed), nextVersion(), at));
		return true;
	}

	private long nextVersion() {
		return getVersion() == null ? 0 : getVersion() + 1;
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

	public Instant getUpdatedAt() {
		return updatedAt;
	}

}
