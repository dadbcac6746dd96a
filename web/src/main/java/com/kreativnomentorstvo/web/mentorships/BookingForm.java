package com.kreativnomentorstvo.web.mentorships;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The booking form as typed: a day, a time and a time zone (the session service reads the local
 * time in that zone, so nobody converts by hand), the length, and how the pair meets.
 */
public class BookingForm {

	private String date = "";

	private String time = "";

	private String timeZone = "Europe/Belgrade";

	private String durationMinutes = "60";

	private String mode = "ONLINE";

	private String meetingUrl = "";

	private String venue = "";

	private String agenda = "";

	/** A form whose time zone is the mentee's (the mentor's if the mentee has none). */
	@SuppressWarnings("unchecked")
	static BookingForm inTheZoneOf(Map<String, Object> mentorship) {
		BookingForm form = new BookingForm();
		for (String side : new String[] { "mentor", "mentee" }) {
			if (mentorship.get(side) instanceof Map<?, ?> member && member.get("timeZone") instanceof String zone
					&& !zone.isBlank()) {
				form.setTimeZone(zone);
			}
		}
		return form;
	}

	Map<String, Object> toRequest() {
		Map<String, Object> request = new LinkedHashMap<>();
		if (!date.isBlank()) {
			request.put("start", date.trim() + "T" + (time.isBlank() ? "00:00" : time.trim()));
		}
		put(request, "timeZone", timeZone);
		if (durationMinutes.matches("\\d{1,4}")) {
			request.put("durationMinutes", Integer.parseInt(durationMinutes));
		}
		put(request, "mode", mode);
		put(request, "meetingUrl", meetingUrl);
		put(request, "venue", venue);
		put(request, "agenda", agenda);
		return request;
	}

	/** The form's field a field of the request belongs to ({@code start} is the day and the time). */
	static String fieldOf(String requestField) {
		String field = requestField.replaceAll("[.\\[].*$", "");
		return switch (field) {
			case "start", "end" -> "date";
			default -> field;
		};
	}

	private static void put(Map<String, Object> request, String field, String value) {
		if (value != null && !value.isBlank()) {
			request.put(field, value.trim());
		}
	}

	public String getDate() {
		return date;
	}

	public void setDate(String date) {
		this.date = date == null ? "" : date;
	}

	public String getTime() {
		return time;
	}

	public void setTime(String time) {
		this.time = time == null ? "" : time;
	}

	public String getTimeZone() {
		return timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone == null ? "" : timeZone;
	}

	public String getDurationMinutes() {
		return durationMinutes;
	}

	public void setDurationMinutes(String durationMinutes) {
		this.durationMinutes = durationMinutes == null ? "" : durationMinutes;
	}

	public String getMode() {
		return mode;
	}

	public void setMode(String mode) {
		this.mode = mode == null ? "" : mode;
	}

	public String getMeetingUrl() {
		return meetingUrl;
	}

	public void setMeetingUrl(String meetingUrl) {
		this.meetingUrl = meetingUrl == null ? "" : meetingUrl;
	}

	public String getVenue() {
		return venue;
	}

	public void setVenue(String venue) {
		this.venue = venue == null ? "" : venue;
	}

	public String getAgenda() {
		return agenda;
	}

	public void setAgenda(String agenda) {
		this.agenda = agenda == null ? "" : agenda;
	}

}
