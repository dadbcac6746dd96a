package com.kreativnomentorstvo.web.programmes;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.kreativnomentorstvo.web.api.ApiProblem;
import com.kreativnomentorstvo.web.language.Language;

/**
 * What the new-programme form holds, as typed: dates stay text until the service reads them, so a
 * wrong date comes back with the service's message next to it and the text still in the field.
 */
public class ProgrammeForm {

	private String id = "";

	private String name = "";

	private String organiserId = "";

	private String partnerIds = "";

	private String timeZone = "Europe/Belgrade";

	private String languages = "en";

	private String taxonomy = "";

	private String enrolmentOpensOn = "";

	private String enrolmentClosesOn = "";

	private String startsOn = "";

	private String endsOn = "";

	/** The programme's name in other languages, by language tag; blank ones are not sent. */
	private Map<String, String> names = new LinkedHashMap<>();

	/** The request participant-service expects; empty fields are left out so that it names them. */
	Map<String, Object> toRequest() {
		Map<String, Object> request = new LinkedHashMap<>();
		put(request, "id", id);
		put(request, "name", name);
		put(request, "organiserId", organiserId);
		List<String> partners = list(partnerIds);
		if (!partners.isEmpty()) {
			request.put("partnerIds", partners);
		}
		put(request, "timeZone", timeZone);
		request.put("languages", list(languages));
		List<String> topics = list(taxonomy);
		if (!topics.isEmpty()) {
			request.put("taxonomy", topics);
		}
		put(request, "enrolmentOpensOn", enrolmentOpensOn);
		put(request, "enrolmentClosesOn", enrolmentClosesOn);
		put(request, "startsOn", startsOn);
		put(request, "endsOn", endsOn);
		Map<String, String> written = writtenNames();
		if (!written.isEmpty()) {
			request.put("names", written);
		}
		return request;
	}

	/** The names written, in the order of the languages the pages offer; any other language as sent, last. */
	private Map<String, String> writtenNames() {
		Map<String, String> written = new LinkedHashMap<>();
		Language.all().forEach(language -> written.put(language.tag(), null));
		names.forEach((language, name) -> written.put(language, name == null || name.isBlank() ? null : name.trim()));
		written.values().removeIf(Objects::isNull);
		return written;
	}

	/** The form filled with the programme as it is, for editing it. */
	static ProgrammeForm of(Map<String, Object> programme) {
		ProgrammeForm form = new ProgrammeForm();
		form.id = text(programme.get("id"));
		form.name = text(programme.get("name"));
		form.organiserId = text(programme.get("organiserId"));
		form.partnerIds = joined(programme.get("partnerIds"));
		form.timeZone = text(programme.get("timeZone"));
		form.languages = joined(programme.get("languages"));
		form.taxonomy = joined(programme.get("taxonomy"));
		form.enrolmentOpensOn = text(programme.get("enrolmentOpensOn"));
		form.enrolmentClosesOn = text(programme.get("enrolmentClosesOn"));
		form.startsOn = text(programme.get("startsOn"));
		form.endsOn = text(programme.get("endsOn"));
		if (programme.get("names") instanceof Map<?, ?> named) {
			named.forEach((language, name) -> form.names.put(String.valueOf(language), text(name)));
		}
		return form;
	}

	/**
	 * A merge patch of the programme as the form holds it; the partner list is always sent (an empty
	 * one removes every partner), the id and the organiser never change.
	 */
	Map<String, Object> toChanges() {
		Map<String, Object> changes = toRequest();
		changes.remove("id");
		changes.remove("organiserId");
		changes.put("partnerIds", list(partnerIds));
		changes.put("names", writtenNames());
		return changes;
	}

	/**
	 * The service's messages by the edit form's field: a programme field by its name, a weight as
	 * {@code weight.<criterion>}, another policy setting by its name.
	 */
	static Map<String, String> errorsOfEdit(ApiProblem problem) {
		Map<String, String> errors = new HashMap<>();
		problem.fields().forEach((field, message) -> {
			String path = field.replaceAll("\\[([^\\]]*)\\]", ".$1");
			String key;
			if (path.startsWith("matchingPolicy.weights.")) {
				key = "weight." + path.substring("matchingPolicy.weights.".length());
			}
			else if (path.startsWith("matchingPolicy.")) {
				key = path.substring("matchingPolicy.".length()).replaceAll("\\..*$", "");
			}
			else {
				key = path.replaceAll("\\..*$", "");
			}
			errors.merge(key, message, (a, b) -> a + "; " + b);
		});
		return errors;
	}

	/**
	 * The service's messages by the form's field: {@code languages[1]} belongs to the languages
	 * field; a message about the whole programme (dates out of order) to the form.
	 */
	static Map<String, String> errorsByField(ApiProblem problem) {
		Map<String, String> errors = new HashMap<>();
		problem.fields().forEach((field, message) -> errors.merge(field.replaceAll("\\[.*$", "").replaceAll("\\..*$", ""),
				message, (a, b) -> a + "; " + b));
		return errors;
	}

	private static void put(Map<String, Object> request, String field, String value) {
		if (value != null && !value.isBlank()) {
			request.put(field, value.trim());
		}
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

	private static String joined(Object values) {
		return values instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList()) : "";
	}

	private static List<String> list(String commaSeparated) {
		if (commaSeparated == null) {
			return List.of();
		}
		return Arrays.stream(commaSeparated.split("[,\\s]+")).filter(each -> !each.isBlank()).toList();
	}

	public String getId() {
		return id;
	}

	public void setId(String id) {
		this.id = id;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Map<String, String> getNames() {
		return names;
	}

	public void setNames(Map<String, String> names) {
		this.names = names == null ? new LinkedHashMap<>() : new LinkedHashMap<>(names);
	}

	public String getOrganiserId() {
		return organiserId;
	}

	public void setOrganiserId(String organiserId) {
		this.organiserId = organiserId;
	}

	public String getPartnerIds() {
		return partnerIds;
	}

	public void setPartnerIds(String partnerIds) {
		this.partnerIds = partnerIds;
	}

	public String getTimeZone() {
		return timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public String getLanguages() {
		return languages;
	}

	public void setLanguages(String languages) {
		this.languages = languages;
	}

	public String getTaxonomy() {
		return taxonomy;
	}

	public void setTaxonomy(String taxonomy) {
		this.taxonomy = taxonomy;
	}

	public String getEnrolmentOpensOn() {
		return enrolmentOpensOn;
	}

	public void setEnrolmentOpensOn(String enrolmentOpensOn) {
		this.enrolmentOpensOn = enrolmentOpensOn;
	}

	public String getEnrolmentClosesOn() {
		return enrolmentClosesOn;
	}

	public void setEnrolmentClosesOn(String enrolmentClosesOn) {
		this.enrolmentClosesOn = enrolmentClosesOn;
	}

	public String getStartsOn() {
		return startsOn;
	}

	public void setStartsOn(String startsOn) {
		this.startsOn = startsOn;
	}

	public String getEndsOn() {
		return endsOn;
	}

	public void setEndsOn(String endsOn) {
		this.endsOn = endsOn;
	}

}
