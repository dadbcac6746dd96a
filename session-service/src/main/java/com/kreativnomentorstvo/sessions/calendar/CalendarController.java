package com.kreativnomentorstvo.sessions.calendar;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.platform.security.AccountEnrolments;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;
import com.kreativnomentorstvo.sessions.config.SessionProperties;
import com.kreativnomentorstvo.sessions.programmeevent.ProgrammeEvent;
import com.kreativnomentorstvo.sessions.programmeevent.ProgrammeEventAccess;
import com.kreativnomentorstvo.sessions.programmeevent.ProgrammeEvents;
import com.kreativnomentorstvo.sessions.programmeevent.ProgrammeMembership;
import com.kreativnomentorstvo.sessions.programmeevent.Rsvp;
import com.kreativnomentorstvo.sessions.projection.Directory;
import com.kreativnomentorstvo.sessions.projection.Stewardship;
import com.kreativnomentorstvo.sessions.session.Session;
import com.kreativnomentorstvo.sessions.session.SessionAccess;
import com.kreativnomentorstvo.sessions.session.SessionStatus;
import com.kreativnomentorstvo.sessions.session.Sessions;

/**
 * Calendar files ({@code text/calendar}): one session, one group event, and each participant's
 * subscribable feed. The feed is read with the bearer token like everything else, or, for a
 * calendar app that cannot send one, with the secret {@code token} the participant obtained
 * (and can replace) through {@code POST /participants/{id}/calendar-feed}.
 */
@RestController
@RequestMapping("/api/v1")
class CalendarController {

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	/** How far back the feed reaches; older entries stay in the apps that already have them. */
	private static final Duration FEED_HISTORY = Duration.ofDays(180);

	private final CalendarWriter writer;

	private final CalendarFeeds feeds;

	private final SessionAccess sessionAccess;

	private final Sessions sessions;

	private final ProgrammeEvents programmeEvents;

	private final ProgrammeEventAccess programmeEventAccess;

	private final ProgrammeMembership membership;

	private final Directory directory;

	private final Stewardship stewardship;

	private final SessionProperties.Calendar settings;

	private final AccountEnrolments enrolments;

	private final Clock clock;

	CalendarController(CalendarWriter writer, CalendarFeeds feeds, SessionAccess sessionAccess, Sessions sessions,
			ProgrammeEvents programmeEvents, ProgrammeEventAccess programmeEventAccess, ProgrammeMembership membership,
			Directory directory, Stewardship stewardship, SessionProperties properties,
			AccountEnrolments enrolments, Clock clock) {
		this.writer = writer;
		this.feeds = feeds;
		this.sessionAccess = sessionAccess;
		this.sessions = sessions;
		this.programmeEvents = programmeEvents;
		this.programmeEventAccess = programmeEventAccess;
		this.membership = membership;
		this.directory = directory;
		this.stewardship = stewardship;
		this.settings = properties.calendar();
		this.enrolments = enrolments;
		this.clock = clock;
	}

	@GetMapping("/sessions/{id}/calendar.ics")
	ResponseEntity<String> session(Caller caller, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
		Session session = sessionAccess.visible(caller, id);
		String member = sessionAccess.memberOf(caller, session).orElse(null);
		// a member reads it in her own language; anyone else in the one the request asks for
		String language = directory.languageOf(member).orElse(acceptLanguage);
		String ics = writer.session(session, member, sessionAccess.visibility(caller, session),
				directory.displayNames(List.of(session.getMentorId(), session.getMenteeId())), language);
		return withMethod(calendar(ics, "session-" + id + ".ics", CacheControl.noStore()),
				session.getStatus() == SessionStatus.CANCELLED ? "CANCEL" : "PUBLISH");
	}

	/** iTIP's method as a media type parameter too, so mail and calendar clients treat it right. */
	private static ResponseEntity<String> withMethod(ResponseEntity<String> response, String method) {
		return ResponseEntity.status(response.getStatusCode())
			.headers(headers -> {
				headers.addAll(response.getHeaders());
				headers.setContentType(new MediaType(TEXT_CALENDAR, Map.of("charset", "UTF-8", "method", method)));
			})
			.body(response.getBody());
	}

	@GetMapping("/programmes/{programmeId}/events/{eventId}/calendar.ics")
	ResponseEntity<String> programmeEvent(Caller caller, @PathVariable String programmeId,
			@PathVariable String eventId) {
		ProgrammeEvent event = programmeEventAccess.visible(caller, programmeId, eventId);
		return withMethod(calendar(writer.programmeEvent(event), "event-" + eventId + ".ics", CacheControl.noStore()),
				event.isCancelled() ? "CANCEL" : "PUBLISH");
	}

	/**
	 * A participant's feed. With {@code token} (a calendar app): only that token counts, and a wrong
	 * one gets 404. Without: the bearer token of the participant herself, or of her steward's
	 * coordinators, who see where her pairs meet but not their agendas.
	 */
	@GetMapping("/participants/{participantId}/calendar.ics")
	ResponseEntity<String> feed(@AuthenticationPrincipal Jwt jwt, @PathVariable String participantId,
			@RequestParam(required = false) String token) {
		SessionAccess.Visibility visibility = SessionAccess.Visibility.MEMBER;
		if (token != null) {
			if (!feeds.opens(participantId, token)) {
				throw new ResourceNotFoundException("calendar feed", participantId);
			}
		}
		else if (jwt != null) {
			// this path is outside the platform's chain (calendar apps send no bearer token): resolve her here
			Caller caller = Caller.from(jwt, jwt.getSubject() == null ? Set.of() : enrolments.of(jwt.getSubject()));
			if (!caller.is(participantId)) {
				if (!stewardship.stewards(caller, participantId)) {
					throw new ResourceNotFoundException("calendar feed", participantId);
				}
				visibility = SessionAccess.Visibility.STEWARD;
			}
		}
		else {
			throw new MissingCredentials();
		}
		Instant since = clock.instant().minus(FEED_HISTORY);
		List<Session> hers = sessions.findWithMember(participantId)
			.stream()
			.filter(s -> s.getEnd().isAfter(since))
			.sorted(Comparator.comparing(Session::getStart))
			.toList();
		List<ProgrammeEvent> events = invitedEvents(participantId, since);
		Set<String> people = new HashSet<>();
		hers.forEach(s -> {
			people.add(s.getMentorId());
			people.add(s.getMenteeId());
		});
		String ics = writer.feed(participantId, visibility, hers, events, directory.displayNames(people),
				directory.languageOf(participantId).orElse(null));
		// calendar apps poll; a few minutes of staleness spare the service
		return calendar(ics, "mentoring.ics", CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate());
	}

	/** Where her feed can be subscribed to. Shown only now: only a hash of the token is kept. */
	record FeedLink(URI url, URI webcalUrl, Instant createdAt) {
	}

	/** Makes her a feed address, replacing (and so closing) any earlier one. */
	@PostMapping("/participants/{participantId}/calendar-feed")
	ResponseEntity<FeedLink> issueFeed(Caller caller, @PathVariable String participantId) {
		requireSelf(caller, participantId);
		CalendarFeeds.Issued issued = feeds.issue(participantId);
		URI url = UriComponentsBuilder.fromUri(settings.publicBaseUrl())
			.path("/api/v1/participants/{id}/calendar.ics")
			.queryParam("token", issued.token())
			.buildAndExpand(participantId)
			.encode()
			.toUri();
		URI webcal = URI.create(url.toString().replaceFirst("^https?://", "webcal://"));
		return ResponseEntity.status(201)
			.cacheControl(CacheControl.noStore())
			.body(new FeedLink(url, webcal, issued.createdAt()));
	}

	/** Whether she has a feed address, and since when (never the address itself). */
	record FeedState(boolean active, Instant createdAt) {
	}

	@GetMapping("/participants/{participantId}/calendar-feed")
	FeedState feedState(Caller caller, @PathVariable String participantId) {
		requireSelf(caller, participantId);
		Instant createdAt = feeds.issuedAt(participantId);
		return new FeedState(createdAt != null, createdAt);
	}

	@DeleteMapping("/participants/{participantId}/calendar-feed")
	ResponseEntity<Void> revokeFeed(Caller caller, @PathVariable String participantId) {
		requireSelf(caller, participantId);
		feeds.revoke(participantId);
		return ResponseEntity.noContent().build();
	}

	private List<ProgrammeEvent> invitedEvents(String participantId, Instant since) {
		Map<String, Role> programmes = membership.programmesOf(participantId);
		if (programmes.isEmpty()) {
			return List.of();
		}
		List<ProgrammeEvent> invited = new ArrayList<>();
		for (ProgrammeEvent event : programmeEvents.findByProgrammeIdIn(List.copyOf(programmes.keySet()))) {
			boolean declined = event.answerOf(participantId).map(r -> r.response() == Rsvp.Response.NO).orElse(false);
			if (event.invites(programmes.get(event.getProgrammeId())) && !declined && event.getEnd().isAfter(since)) {
				invited.add(event);
			}
		}
		invited.sort(Comparator.comparing(ProgrammeEvent::getStart));
		return invited;
	}


	/** Neither a bearer token nor a feed token came with the request (401). */
	static class MissingCredentials extends RuntimeException {

		static final ProblemText TEXT = ProblemText.of("calendar.credentials-missing");

		MissingCredentials() {
			super(TEXT.toString());
		}

	}

	/** Only she manages her feed address; her steward's coordinators are told so, everyone else learns nothing. */
	private void requireSelf(Caller caller, String participantId) {
		if (!caller.is(participantId)) {
			if (stewardship.stewards(caller, participantId)) {
				throw new AccessDeniedException("only the participant herself manages her feed address");
			}
			throw new ResourceNotFoundException("participant", participantId);
		}
	}

	private static ResponseEntity<String> calendar(String ics, String filename, CacheControl cache) {
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.cacheControl(cache)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(filename).build().toString())
			.body(ics);
	}

}
