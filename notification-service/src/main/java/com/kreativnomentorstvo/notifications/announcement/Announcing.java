package com.kreativnomentorstvo.notifications.announcement;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.notifications.delivery.Notifier;
import com.kreativnomentorstvo.notifications.inbox.Details;
import com.kreativnomentorstvo.notifications.recipient.Recipient;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.template.NotificationKind;
import com.kreativnomentorstvo.notifications.template.SupportedLocale;
import com.kreativnomentorstvo.notifications.template.Written;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/**
 * Sends a coordinator's announcement to a programme's cohort: everyone who takes part (admitted or
 * active), or its mentors or mentees, or one organisation's participants. Each person gets it in
 * her language if it was written in it (Serbian Cyrillic readers get a Serbian Latin text in
 * Cyrillic), else in the programme's first language, else in English, else in the first language
 * written; by inbox and e-mail as her preferences say. The organiser's coordinators (and
 * administrators) may address the whole cohort; a partner's coordinators their own organisation's
 * participants only. Sending again under the same id reaches nobody twice.
 */
@Service
class Announcing {

	private final ProgrammeDirectory programmes;

	private final RecipientDirectory recipients;

	private final Notifier notifier;

	private final Announcements announcements;

	private final Clock clock;

	Announcing(ProgrammeDirectory programmes, RecipientDirectory recipients, Notifier notifier,
			Announcements announcements, Clock clock) {
		this.programmes = programmes;
		this.recipients = recipients;
		this.notifier = notifier;
		this.announcements = announcements;
		this.clock = clock;
	}

	/** What a coordinator asks to send. */
	record Request(Announcement.Audience audience, String organisationId, Map<String, Announcement.Text> texts) {
	}

	Announcement send(Caller caller, String programmeId, Request request) {
		Programme programme = visible(caller, programmeId);
		boolean runs = caller.isAdmin() || caller.coordinatesFor(List.of(programme.organiserId()));
		if (request.organisationId() != null && !programme.organisations().contains(request.organisationId())) {
			throw new InvalidFieldsException("organisationId", ProblemText.of("announcement.not-in-programme"));
		}
		if (!runs && !caller.organisationId().equals(request.organisationId())) {
			throw new AccessDeniedException("a partner's coordinators announce to their own organisation's participants");
		}
		String id = "ann-" + UUID.randomUUID();
		Announcement.Audience audience = request.audience() == null ? Announcement.Audience.ALL : request.audience();
		List<Recipient> cohort = recipients.inProgramme(programmeId)
			.stream()
			.filter(r -> !r.isStaff() && r.takesPart() && audience.includes(r.role()))
			.filter(r -> request.organisationId() == null || request.organisationId().equals(r.organisationId()))
			.toList();
		for (Recipient person : cohort) {
			Announcement.Text text = textFor(person.locale(), request.texts(), programme.languages());
			notifier.notify(new Notifier.Notice(NotificationKind.ANNOUNCEMENT, id, person.id(), programmeId,
					programme.organiserId(), new Details().announcement(id, text.subject(), text.body())));
		}
		return announcements.save(new Announcement(id, programmeId, audience, request.organisationId(), request.texts(),
				caller.subject(), clock.instant().truncatedTo(ChronoUnit.MILLIS), cohort.size()));
	}

	List<Announcement> sent(Caller caller, String programmeId) {
		visible(caller, programmeId);
		return announcements.findByProgrammeIdOrderBySentAtDesc(programmeId);
	}

	/** The programme, if the caller coordinates it (403 for its participants, 404 for everyone else). */
	private Programme visible(Caller caller, String programmeId) {
		Programme programme = programmes.find(programmeId)
			.filter(p -> p.coordinatedBy(caller) || caller.isParticipant())
			.orElseThrow(() -> new ResourceNotFoundException("programme", programmeId));
		if (!programme.coordinatedBy(caller)) {
			throw new AccessDeniedException("only the programme's coordinators announce to its cohort");
		}
		return programme;
	}

	/**
	 * The version a reader gets: her language; for Serbian, the other script's text in hers where
	 * only Latin was written; the programme's languages in their order; English; the first written.
	 */
	static Announcement.Text textFor(SupportedLocale reader, Map<String, Announcement.Text> texts,
			List<String> programmeLanguages) {
		List<SupportedLocale> fallbacks = new ArrayList<>();
		programmeLanguages.forEach(tag -> SupportedLocale.of(tag).ifPresent(fallbacks::add));
		fallbacks.add(SupportedLocale.EN);
		return Written.in(reader, texts, Announcement.Text::inCyrillic, fallbacks, texts.values().iterator().next());
	}

}
