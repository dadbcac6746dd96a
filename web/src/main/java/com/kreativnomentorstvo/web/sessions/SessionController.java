package com.kreativnomentorstvo.web.sessions;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.kreativnomentorstvo.web.api.Api;

/**
 * A session, the page the e-mails and reminders of a session open: when it is in the session's own
 * time zone, what kind it is, the link to join or the place, the agenda, and the entry for the
 * person's calendar.
 */
@Controller
class SessionController {

	private final Api api;

	SessionController(Api api) {
		this.api = api;
	}

	@GetMapping("/sessions/{id}")
	String session(@PathVariable String id, Model model) {
		Map<String, Object> session = api.get("/api/v1/sessions/{id}", id);
		model.addAttribute("meeting", session);
		model.addAttribute("start", local(session.get("startUtc"), session.get("timeZone")));
		model.addAttribute("end", local(session.get("endUtc"), session.get("timeZone")));
		return "sessions/session";
	}

	/** The session as an iCalendar entry, for "add to calendar". */
	@GetMapping("/sessions/{id}/calendar.ics")
	ResponseEntity<byte[]> calendar(@PathVariable String id) {
		byte[] entry = api.bytes("/api/v1/sessions/{id}/calendar.ics", id);
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("text/calendar;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("session-" + id + ".ics").build().toString())
			.body(entry);
	}

	private static ZonedDateTime local(Object utc, Object zone) {
		if (!(utc instanceof String instant)) {
			return null;
		}
		ZoneId in = zone instanceof String name && !name.isBlank() ? ZoneId.of(name) : ZoneId.of("UTC");
		return OffsetDateTime.parse(instant).atZoneSameInstant(in);
	}

}
