package com.kreativnomentorstvo.sessions.message;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.events.sessions.MessagePosted;
import com.kreativnomentorstvo.platform.Ids;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;
import com.kreativnomentorstvo.sessions.mentorship.Mentorship;

/**
 * What one member of a pair wrote to the other in their private thread. Only the two read it; the
 * text never leaves this service (the event names author and recipient only), goes into its
 * author's data export and is deleted with her.
 */
@Document("messages")
public class Message extends AggregateRoot {

	@Id
	private String id;

	@Indexed
	private String mentorshipId;

	private String programmeId;

	private String organisationId;

	@Indexed
	private String authorId;

	@Indexed
	private String recipientId;

	private String text;

	private Instant postedAt;

	protected Message() {
	}

	/** A message from one member of an active pair to the other (409 once the mentorship ended). */
	static Message post(Mentorship mentorship, String authorId, String text, Instant at) {
		mentorship.requireActive();
		Message message = new Message();
		message.id = Ids.next("msg");
		message.mentorshipId = mentorship.getId();
		message.programmeId = mentorship.getProgrammeId();
		message.organisationId = mentorship.getOrganisationId();
		message.authorId = authorId;
		message.recipientId = mentorship.partnerOf(authorId);
		message.text = text;
		message.postedAt = at;
		message.record(new MessagePosted(message.id, message.mentorshipId, message.programmeId,
				message.organisationId, authorId, mentorship.roleOf(authorId).map(Enum::name).orElseThrow(),
				message.recipientId, at));
		return message;
	}

	public String getId() {
		return id;
	}

	public String getMentorshipId() {
		return mentorshipId;
	}

	public String getProgrammeId() {
		return programmeId;
	}

	public String getAuthorId() {
		return authorId;
	}

	public String getRecipientId() {
		return recipientId;
	}

	public String getText() {
		return text;
	}

	public Instant getPostedAt() {
		return postedAt;
	}

}
