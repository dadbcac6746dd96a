package com.kreativnomentorstvo.sessions.message;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.LimitReached;
import com.kreativnomentorstvo.platform.web.PlainText;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.sessions.config.SessionProperties;
import com.kreativnomentorstvo.sessions.mentorship.MentorshipAccess;
import com.kreativnomentorstvo.sessions.web.Paged;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code /api/v1/mentorships/{id}/messages}: the pair's private thread. Its two members write and
 * read it, newest first; nobody else reads it, the programme's coordinators included (403 for those
 * who see the mentorship, 404 for everyone else). A message holds at most {@value #MAX_TEXT}
 * characters and a thread {@code mentoring.sessions.limits.messages-per-mentorship} messages.
 */
@RestController
@Validated
@RequestMapping("/api/v1/mentorships/{mentorshipId}/messages")
class MessageController {

	static final int MAX_TEXT = 4000;

	private final Messages messages;

	private final MentorshipAccess mentorships;

	private final SessionProperties properties;

	private final Clock clock;

	MessageController(Messages messages, MentorshipAccess mentorships, SessionProperties properties, Clock clock) {
		this.messages = messages;
		this.mentorships = mentorships;
		this.properties = properties;
		this.clock = clock;
	}

	/** What one writes: plain text, line breaks allowed. */
	record NewMessage(@NotBlank @Size(max = MAX_TEXT) @PlainText(multiline = true, allowBlank = true) String text) {
	}

	@PostMapping
	ResponseEntity<MessageView> post(Caller caller, @PathVariable String mentorshipId,
			@Valid @RequestBody NewMessage request) {
		MentorshipAccess.Member member = mentorships.asWritingMember(caller, mentorshipId);
		int limit = properties.limits().messagesPerMentorship();
		if (messages.countByMentorshipId(mentorshipId) >= limit) {
			throw new LimitReached("messages", limit, ProblemText.of("mentorship.messages-full", limit));
		}
		Message message = messages.insert(Message.post(member.mentorship(), member.participantId(), request.text(),
				clock.instant().truncatedTo(ChronoUnit.MILLIS)));
		return ResponseEntity.created(URI.create("/api/v1/mentorships/" + mentorshipId + "/messages/" + message.getId()))
			.body(MessageView.of(message));
	}

	@GetMapping
	Paged<MessageView> list(Caller caller, @PathVariable String mentorshipId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
		mentorships.asMember(caller, mentorshipId);
		return Paged.of(messages.findByMentorshipId(mentorshipId,
				PageRequest.of(page, size, Sort.by(Sort.Order.desc("postedAt"), Sort.Order.desc("_id")))),
				MessageView::of);
	}

	/** A message as the pair reads it. */
	record MessageView(String id, String mentorshipId, String authorId, String recipientId, String text,
			Instant postedAt) {

		static MessageView of(Message message) {
			return new MessageView(message.getId(), message.getMentorshipId(), message.getAuthorId(),
					message.getRecipientId(), message.getText(), message.getPostedAt());
		}

	}

}
