package com.kreativnomentorstvo.notifications.recipient;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.notifications.template.NotificationKind;
import com.kreativnomentorstvo.notifications.template.SupportedLocale;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException.FieldProblem;
import com.kreativnomentorstvo.platform.web.ProblemText;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * {@code /api/v1/participants/{id}/notification-preferences}: the participant (or an admin) reads
 * and replaces them; her coordinators may read them. A coordinator's own preferences (what she
 * receives as staff) are under her account id, for her and admins. The kinds listed are those the
 * recipient may choose. The version is the ETag; a PUT with a stale {@code If-Match} gets 412.
 */
@RestController
@RequestMapping("/api/v1/participants/{participantId}/notification-preferences")
class PreferencesController {

	private static final String RESOURCE = "notification-preferences";

	private static final String TIME = "([01]\\d|2[0-3]):[0-5]\\d";

	private final PreferencesStore store;

	private final RecipientDirectory recipients;

	private final RecipientAccess access;

	PreferencesController(PreferencesStore store, RecipientDirectory recipients, RecipientAccess access) {
		this.store = store;
		this.recipients = recipients;
		this.access = access;
	}

	@GetMapping
	ResponseEntity<PreferencesView> read(@PathVariable String participantId, Caller caller) {
		access.checkRead(caller, participantId, RESOURCE);
		return respond(store.of(participantId));
	}

	@PutMapping
	ResponseEntity<PreferencesView> replace(@PathVariable String participantId,
			@Valid @RequestBody PreferencesRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
		access.checkWrite(caller, participantId, RESOURCE);
		List<FieldProblem> problems = new ArrayList<>();
		if (request.locale() != null && SupportedLocale.of(request.locale()).isEmpty()) {
			problems.add(FieldProblem.of("locale", "field.locale", SupportedLocale.tags()));
		}
		Map<NotificationKind, Preferences.ChannelChoice> kinds = new EnumMap<>(NotificationKind.class);
		boolean staff = isStaff(participantId);
		if (request.kinds() != null && request.kinds().size() > NotificationKind.values().length) {
			// the map is replaced whole and its keys are the catalogue's kinds: more entries can only be wrong
			problems.add(FieldProblem.of("kinds", "preferences.too-many-kinds", NotificationKind.values().length));
		}
		else if (request.kinds() != null) {
			request.kinds().forEach((code, choice) -> {
				NotificationKind kind = NotificationKind.ofCode(code).filter(k -> k.choosableBy(staff)).orElse(null);
				if (kind == null) {
					problems.add(FieldProblem.of("kinds." + code, "preferences.kind-unknown"));
				}
				else if (choice == null) {
					problems.add(FieldProblem.of("kinds." + code, "NotNull"));
				}
				else {
					kinds.put(kind, new Preferences.ChannelChoice(choice.email(), choice.inApp()));
				}
			});
		}
		LocalTime quietFrom = null;
		LocalTime quietTo = null;
		if (request.quietHours() != null) {
			quietFrom = LocalTime.parse(request.quietHours().from());
			quietTo = LocalTime.parse(request.quietHours().to());
			if (quietFrom.equals(quietTo)) {
				problems.add(FieldProblem.of("quietHours.to", "preferences.quiet-hours-empty"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		Preferences saved = store.replace(participantId, expectedVersion(ifMatch),
				request.locale() == null ? null : SupportedLocale.of(request.locale()).get().tag(), kinds, quietFrom,
				quietTo, request.digest(), request.digestAt() == null ? null : LocalTime.parse(request.digestAt()));
		return respond(saved);
	}

	private boolean isStaff(String recipientId) {
		return recipients.find(recipientId).map(Recipient::isStaff).orElse(false);
	}

	private ResponseEntity<PreferencesView> respond(Preferences preferences) {
		SupportedLocale effective = preferences.localeOr(
				recipients.find(preferences.participantId()).map(Recipient::locale).orElse(SupportedLocale.EN));
		boolean staff = isStaff(preferences.participantId());
		Map<String, ChoiceBody> kinds = new LinkedHashMap<>();
		for (NotificationKind kind : NotificationKind.values()) {
			if (kind.choosableBy(staff)) {
				Preferences.ChannelChoice choice = preferences.choice(kind);
				kinds.put(kind.code(), new ChoiceBody(choice.email(), choice.inApp()));
			}
		}
		QuietHoursBody quiet = preferences.quietFrom() == null ? null
				: new QuietHoursBody(preferences.quietFrom().toString(), preferences.quietTo().toString());
		long version = preferences.revision();
		PreferencesView view = new PreferencesView(preferences.participantId(), preferences.locale(), effective.tag(),
				kinds, quiet, preferences.digest(), preferences.digestAt().toString(), version);
		return ResponseEntity.ok().eTag("\"" + version + "\"").body(view);
	}

	private static Long expectedVersion(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.trim())) {
			return null;
		}
		String value = ifMatch.trim().replace("W/", "").replace("\"", "");
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new InvalidFieldsException("If-Match", ProblemText.of("preferences.not-a-version"));
		}
	}

	/** The preferences as sent with PUT. Kinds left out arrive by e-mail and in the inbox. */
	record PreferencesRequest(String locale, Map<String, @Valid ChoiceBody> kinds, @Valid QuietHoursBody quietHours,
			Preferences.Digest digest, @Pattern(regexp = TIME, message = "{preferences.digest-time}") String digestAt) {
	}

	/** The channels wanted for one kind. */
	record ChoiceBody(@NotNull Boolean email, @NotNull Boolean inApp) {
	}

	/** Local times (the participant's zone) between which e-mails that can wait are held back. */
	record QuietHoursBody(@NotNull @Pattern(regexp = TIME, message = "{preferences.quiet-from-time}") String from,
			@NotNull @Pattern(regexp = TIME, message = "{preferences.quiet-to-time}") String to) {
	}

	/** The preferences as read: every kind with its channels, and the language messages are written in. */
	record PreferencesView(String participantId, String locale, String effectiveLocale, Map<String, ChoiceBody> kinds,
			QuietHoursBody quietHours, Preferences.Digest digest, String digestAt, long version) {
	}

}
