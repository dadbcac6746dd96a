package com.kreativnomentorstvo.web.sessions;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kreativnomentorstvo.web.api.Api;
import com.kreativnomentorstvo.web.api.Attempt;

/**
 * A session, the page the e-mails and reminders of a session open: when it is in the session's own
 * time zone, what kind it is, the link to join or the place, the agenda, and the entry for the
 * person's calendar; once it has begun, the form that records what happened.
 */
@Controller
class SessionController {

	static final List<String> CANCEL_REASONS = List.of("SCHEDULE_CONFLICT", "ILLNESS", "OTHER");

	static final List<String> OUTCOMES = List.of("HELD", "NO_SHOW");

	static final List<String> ABSENCES = List.of("MENTOR", "MENTEE", "BOTH");

	private final Api api;

	private final Clock clock;

	SessionController(Api api, Clock clock) {
		this.api = api;
		this.clock = clock;
	}

	@GetMapping("/sessions/{id}")
	String session(@PathVariable String id, Model model) {
		Map<String, Object> session = api.get("/api/v1/sessions/{id}", id);
		model.addAttribute("meeting", session);
		model.addAttribute("start", local(session.get("startUtc"), session.get("timeZone")));
		model.addAttribute("end", local(session.get("endUtc"), session.get("timeZone")));
		model.addAttribute("cancelReasons", CANCEL_REASONS);
		ZonedDateTime start = (ZonedDateTime) model.getAttribute("start");
		model.addAttribute("started", start != null && !start.toInstant().isAfter(clock.instant()));
		model.addAttribute("outcomes", OUTCOMES);
		model.addAttribute("absences", ABSENCES);
		return "sessions/session";
	}

	/**
	 * Records what happened once the session has begun: the pair met, or somebody did not come (and
	 * who), with notes for both and notes for the recorder alone. A held session then asks for
	 * feedback.
	 */
	@PostMapping("/sessions/{id}/outcome")
	String outcome(@PathVariable String id, @RequestParam(defaultValue = "HELD") String outcome,
			@RequestParam(required = false) String absent, @RequestParam(defaultValue = "") String sharedNotes,
			@RequestParam(defaultValue = "") String privateNotes, Model model, RedirectAttributes redirect) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("outcome", outcome);
		if (absent != null && !absent.isBlank()) {
			record.put("absent", absent);
		}
		if (!sharedNotes.isBlank()) {
			record.put("sharedNotes", sharedNotes.strip());
		}
		if (!privateNotes.isBlank()) {
			record.put("privateNotes", privateNotes.strip());
		}
		Attempt<?> attempt = Attempt.of(() -> api.post("/api/v1/sessions/{id}/held", record, id));
		if (attempt.refused()) {
			model.addAttribute("outcomeProblem", attempt.refusal());
			model.addAttribute("typedOutcome", record);
			return session(id, model);
		}
		redirect.addFlashAttribute("done", "session.recorded");
		return "redirect:/sessions/" + id;
	}

	/** Moves the session: a new day and time in a time zone of the person's choosing. */
	@PostMapping("/sessions/{id}/move")
	String move(@PathVariable String id, @RequestParam(defaultValue = "") String date,
			@RequestParam(defaultValue = "") String time, @RequestParam(defaultValue = "") String timeZone, Model model,
			RedirectAttributes redirect) {
		Map<String, Object> change = new LinkedHashMap<>();
		if (!date.isBlank()) {
			change.put("start", date.trim() + "T" + (time.isBlank() ? "00:00" : time.trim()));
		}
		if (!timeZone.isBlank()) {
			change.put("timeZone", timeZone.trim());
		}
		Attempt<?> attempt = Attempt.of(() -> api.patch("/api/v1/sessions/{id}", change, id));
		if (attempt.refused()) {
			model.addAttribute("moveProblem", attempt.refusal());
			return session(id, model);
		}
		redirect.addFlashAttribute("done", "session.moved");
		return "redirect:/sessions/" + id;
	}

	/** Cancels the session with a reason the other side reads. */
	@PostMapping("/sessions/{id}/cancel")
	String cancel(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		if (reason == null || !CANCEL_REASONS.contains(reason)) {
			redirect.addFlashAttribute("reasonMissing", true);
			return "redirect:/sessions/" + id;
		}
		api.post("/api/v1/sessions/{id}/cancel", Map.of("reason", reason), id);
		redirect.addFlashAttribute("done", "session.cancelled");
		return "redirect:/sessions/" + id;
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
