package com.kreativnomentorstvo.notifications.inbox;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.kreativnomentorstvo.notifications.recipient.RecipientAccess;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.PageOf;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code /api/v1/notifications}: the signed-in account's inbox (newest first): the notifications
 * of all her enrolments together and, for a coordinator, those she receives as staff; or, for
 * admins and the coordinators of her programme, one participant's ({@code ?recipientId=});
 * marking read; and a server-sent-events stream of new notifications.
 */
@RestController
@RequestMapping("/api/v1/notifications")
class InboxController {

	private static final String RESOURCE = "notification";

	private final Notifications notifications;

	private final NotificationRenderer renderer;

	private final RecipientAccess access;

	private final NotificationStream stream;

	private final MongoOperations mongo;

	private final Clock clock;

	InboxController(Notifications notifications, NotificationRenderer renderer, RecipientAccess access,
			NotificationStream stream, MongoOperations mongo, Clock clock) {
		this.notifications = notifications;
		this.renderer = renderer;
		this.access = access;
		this.stream = stream;
		this.mongo = mongo;
		this.clock = clock;
	}

	@GetMapping
	PageOf<InboxItem> list(@RequestParam(required = false) String recipientId,
			@RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
		Set<String> recipients;
		if (recipientId != null) {
			access.checkRead(caller, recipientId, "inbox");
			recipients = Set.of(recipientId);
		}
		else {
			recipients = access.own(caller);
			if (recipients.isEmpty()) {
				throw new InvalidFieldsException("recipientId", ProblemText.of("inbox.recipient-required"));
			}
		}
		PageRequest request = PageRequest.of(page, size,
				Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")));
		Page<Notification> found = unread ? notifications.findByRecipientIdInAndInAppTrueAndReadAtIsNull(recipients, request)
				: notifications.findByRecipientIdInAndInAppTrue(recipients, request);
		// each enrolment has its own reader: language, zone and name may differ between them
		Map<String, NotificationRenderer.Reader> readers = new HashMap<>();
		return PageOf.of(found, n -> InboxItem.of(n,
				renderer.render(n, readers.computeIfAbsent(n.recipientId(), id -> renderer.readerOf(n)))));
	}

	@GetMapping("/{id}")
	InboxItem one(@PathVariable String id, Caller caller) {
		Notification notification = visible(id, caller);
		return InboxItem.of(notification, renderer.render(notification));
	}

	/** Marks the notification read; reading it again keeps the first time. Only its recipient may. */
	@PostMapping("/{id}/read")
	InboxItem markRead(@PathVariable String id, Caller caller) {
		Notification notification = notifications.findById(id)
			.filter(Notification::inApp)
			.filter(n -> access.isOwn(caller, n.recipientId()))
			.orElseThrow(() -> new ResourceNotFoundException(RESOURCE, id));
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("readAt").is(null)),
				new Update().set("readAt", clock.instant()), Notification.class);
		Notification read = notifications.findById(id).orElse(notification);
		return InboxItem.of(read, renderer.render(read));
	}

	/** Marks every notification of the signed-in account read, of all her enrolments (and as staff). */
	@PostMapping("/read-all")
	Map<String, Long> markAllRead(Caller caller) {
		Set<String> own = ownInbox(caller);
		long marked = mongo.updateMulti(
				Query.query(Criteria.where("recipientId").in(own).and("readAt").is(null)),
				new Update().set("readAt", clock.instant()), Notification.class).getModifiedCount();
		return Map.of("marked", marked);
	}

	/**
	 * New notifications of the signed-in account, of all her enrolments (and as staff), on one
	 * stream of server-sent events named {@code notification} (data: the inbox item, id: the
	 * notification id). A reconnecting client's {@code Last-Event-ID} resumes after that notification.
	 */
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, Caller caller) {
		return stream.open(ownInbox(caller), lastEventId);
	}

	private Set<String> ownInbox(Caller caller) {
		Set<String> own = access.own(caller);
		if (own.isEmpty()) {
			throw new AccessDeniedException("only participants and coordinators have an inbox");
		}
		return own;
	}

	private Notification visible(String id, Caller caller) {
		Notification notification = notifications.findById(id)
			.filter(Notification::inApp)
			.orElseThrow(() -> new ResourceNotFoundException(RESOURCE, id));
		try {
			access.checkRead(caller, notification.recipientId(), RESOURCE);
		}
		catch (ResourceNotFoundException hidden) {
			throw new ResourceNotFoundException(RESOURCE, id);
		}
		return notification;
	}

}
