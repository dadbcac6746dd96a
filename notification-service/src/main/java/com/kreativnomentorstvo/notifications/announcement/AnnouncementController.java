package com.kreativnomentorstvo.notifications.announcement;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.notifications.template.SupportedLocale;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException.FieldProblem;
import com.kreativnomentorstvo.platform.web.PlainText;

import jakarta.validation.Valid;

/**
 * {@code /api/v1/programmes/{id}/announcements}: a coordinator writes to her programme's cohort once
 * per language she chooses (subject up to {@value #MAX_SUBJECT} characters, text up to
 * {@value #MAX_BODY}); each person reads it in her language. The programme's coordinators list what
 * was sent.
 */
@RestController
@RequestMapping("/api/v1/programmes/{programmeId}/announcements")
class AnnouncementController {

	static final int MAX_SUBJECT = 200;

	static final int MAX_BODY = 10_000;

	/** The languages an announcement may be written in, by their tags. */
	static final List<String> LANGUAGES = Arrays.stream(SupportedLocale.values()).map(SupportedLocale::tag).toList();

	private final Announcing announcing;

	AnnouncementController(Announcing announcing) {
		this.announcing = announcing;
	}

	/**
	 * @param texts subject and body by language tag ({@code en}, {@code sr-Latn}, {@code sr-Cyrl},
	 *     {@code hr}, {@code mk}, {@code sl})
	 */
	record NewAnnouncement(Announcement.Audience audience, String organisationId,
			Map<String, Announcement.Text> texts) {
	}

	/** An announcement as its senders see it. */
	record AnnouncementView(String id, String programmeId, Announcement.Audience audience, String organisationId,
			Map<String, Announcement.Text> texts, Instant sentAt, int recipients) {

		static AnnouncementView of(Announcement announcement) {
			return new AnnouncementView(announcement.id(), announcement.programmeId(), announcement.audience(),
					announcement.organisationId(), announcement.texts(), announcement.sentAt(),
					announcement.recipients());
		}

	}

	@PostMapping
	ResponseEntity<AnnouncementView> send(Caller caller, @PathVariable String programmeId,
			@Valid @RequestBody NewAnnouncement request) {
		List<FieldProblem> problems = check(request);
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		Announcement sent = announcing.send(caller, programmeId,
				new Announcing.Request(request.audience(), request.organisationId(), request.texts()));
		return ResponseEntity
			.created(URI.create("/api/v1/programmes/" + programmeId + "/announcements/" + sent.id()))
			.body(AnnouncementView.of(sent));
	}

	@GetMapping
	List<AnnouncementView> list(Caller caller, @PathVariable String programmeId) {
		return announcing.sent(caller, programmeId).stream().map(AnnouncementView::of).toList();
	}

	/** Every problem of the texts, each naming its field ({@code texts.sr-Latn.subject}). */
	private static List<FieldProblem> check(NewAnnouncement request) {
		List<FieldProblem> problems = new ArrayList<>();
		if (request.texts() == null || request.texts().isEmpty()) {
			problems.add(FieldProblem.of("texts", "announcement.no-language"));
			return problems;
		}
		request.texts().forEach((language, text) -> {
			String field = "texts." + language;
			if (!LANGUAGES.contains(language)) {
				problems.add(FieldProblem.of(field, "field.locale", String.join(", ", LANGUAGES)));
				return;
			}
			if (text == null) {
				problems.add(FieldProblem.of(field, "field.required"));
				return;
			}
			problems.addAll(checkText(field + ".subject", text.subject(), MAX_SUBJECT, false));
			problems.addAll(checkText(field + ".body", text.body(), MAX_BODY, true));
		});
		return problems;
	}

	private static List<FieldProblem> checkText(String field, String value, int max, boolean multiline) {
		if (value == null || value.isBlank()) {
			return List.of(FieldProblem.of(field, "NotBlank"));
		}
		if (value.length() > max) {
			return List.of(FieldProblem.of(field, "announcement.too-long", max));
		}
		if (!PlainText.Check.isPlain(value, multiline)) {
			return List.of(FieldProblem.of(field, "field.plain-text"));
		}
		return List.of();
	}

}
