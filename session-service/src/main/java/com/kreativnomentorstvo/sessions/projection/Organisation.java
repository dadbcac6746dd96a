package com.kreativnomentorstvo.sessions.projection;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An organisation as participant-service announces it: its name, country and kind (e.g. NGO,
 * public institution), for the anonymous funder report. An organisation is no person: nothing here is
 * personal data.
 */
@Document("organisations")
public class Organisation {

	@Id
	private String id;

	private String name;

	private String country;

	private String kind;

	/** The version of the last update applied; -1 for the registration. */
	private long version = -1;

	protected Organisation() {
	}

	static Organisation withId(String id) {
		Organisation organisation = new Organisation();
		organisation.id = id;
		return organisation;
	}

	/**
	 * Takes a registration (version -1) or an update unless a newer one was applied (events of one
	 * key may be redelivered, and a registration may arrive after an update of a replayed topic).
	 * @return whether anything changed
	 */
	boolean apply(String newName, String newCountry, String newKind, long newVersion) {
		if (name != null && newVersion <= version) {
			return false;
		}
		name = newName;
		country = newCountry;
		kind = newKind;
		version = newVersion;
		return true;
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

}
