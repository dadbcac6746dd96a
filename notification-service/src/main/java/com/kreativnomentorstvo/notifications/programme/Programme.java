package com.kreativnomentorstvo.notifications.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service knows of a programme from participant-service's events: who runs it (for
 * access checks), its name and time zone (for messages) and its milestones (for reminders).
 */
@Document("programmes")
public class Programme {

	@Id
	private String id;

	private String organiserId;

	private List<String> partnerIds = new ArrayList<>();

	private String name;

	private String timeZone;

	private List<String> languages = new ArrayList<>();

	private LocalDate midterm;

	private int responseDays;

	private long version;

	Programme() {
	}

	Programme(String id, String organiserId, List<String> partnerIds, String name, String timeZone,
			List<String> languages, LocalDate midterm, int responseDays, long version) {
		this.id = id;
		this.organiserId = organiserId;
		this.partnerIds = partnerIds == null ? new ArrayList<>() : new ArrayList<>(partnerIds);
		this.name = name;
		this.timeZone = timeZone;
		this.languages = languages == null ? new ArrayList<>() : new ArrayList<>(languages);
		this.midterm = midterm;
		this.responseDays = responseDays;
		this.version = version;
	}

	public String id() {
		return id;
	}

	public String organiserId() {
		return organiserId;
	}

	public List<String> partnerIds() {
		return List.copyOf(partnerIds);
	}

	/** The organiser and the partners: the organisations whose coordinators see this programme. */
	public List<String> organisations() {
		List<String> organisations = new ArrayList<>(partnerIds);
		organisations.add(organiserId);
		return organisations;
	}

	public String name() {
		return name;
	}

	public String timeZone() {
		return timeZone;
	}

	public List<String> languages() {
		return List.copyOf(languages);
	}

	/** The date of the midterm milestone, if the programme has one. */
	public LocalDate midterm() {
		return midterm;
	}

	public int responseDays() {
		return responseDays;
	}

	long version() {
		return version;
	}

}
