package com.kreativnomentorstvo.notifications.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The facts a notification is about, kept so that its text is written when it is read, in the
 * reader's current language. Holds ids and codes, never names: the counterpart's name is looked up
 * at rendering time, so erasing a person also removes her name from other people's messages.
 * Only the fields a kind needs are set.
 */
public class Details {

	/** The purpose of the link that confirms an applicant's address, as {@code SignedLinks} signs it. */
	public static final String CONFIRM_ADDRESS = "CONFIRM_ADDRESS";

	/** The purpose of every link that sets a password (admission, invitation, reset, appointment). */
	public static final String SET_PASSWORD = "SET_PASSWORD";

	/** The purpose of the link that enrols a mentor of an earlier cycle in the next one. */
	public static final String RETURN_AS_MENTOR = "RETURN_AS_MENTOR";

	private String counterpartId;

	/** For a group event's turnout: how many it invites, said yes and said maybe. */
	private Integer invited;

	private Integer accepted;

	private Integer undecided;

	/** An announcement's text, in the language chosen for its reader when it was sent. */
	private String text;

	private String announcementId;

	/** For coordinators: the pair a notice is about (the recipient is neither of them). */
	private String mentorId;

	private String menteeId;

	private Boolean counterpartIsMentor;

	private String matchId;

	private String mentorshipId;

	private String sessionId;

	private String programmeEventId;

	private String webhookId;

	private Instant start;

	private Instant previousStart;

	private Instant end;

	private String timeZone;

	private Integer durationMinutes;

	private Boolean online;

	private String meetingUrl;

	private String venue;

	private Instant respondBy;

	private Double score;

	private List<Reason> reasons;

	private String reasonCode;

	private String eventKind;

	private String title;

	private Integer hoursBefore;

	private Integer days;

	private Integer sequence;

	private LocalDate date;

	private String url;

	private Integer failures;

	private Instant since;

	private String role;

	private String purpose;

	private String linkPurpose;

	private String linkId;

	private Instant linkExpiresAt;

	private String surveyRequestId;

	/** One criterion of a proposed match: its code, points and matching-service's explanation. */
	public record Reason(String criterion, double points, String explanation) {
	}

	public Details counterpart(String participantId, boolean isMentor) {
		this.counterpartId = participantId;
		this.counterpartIsMentor = isMentor;
		return this;
	}

	/** A group event's answers so far. */
	public Details turnout(int invited, int accepted, int undecided) {
		this.invited = invited;
		this.accepted = accepted;
		this.undecided = undecided;
		return this;
	}

	public Integer invited() {
		return invited;
	}

	public Integer accepted() {
		return accepted;
	}

	public Integer undecided() {
		return undecided;
	}

	/** A coordinator's announcement: its subject and text in the reader's language. */
	public Details announcement(String announcementId, String subject, String text) {
		this.announcementId = announcementId;
		this.title = subject;
		this.text = text;
		return this;
	}

	public String announcementId() {
		return announcementId;
	}

	public String text() {
		return text;
	}

	/** The pair a notice to coordinators is about. */
	public Details pair(String mentorId, String menteeId) {
		this.mentorId = mentorId;
		this.menteeId = menteeId;
		return this;
	}

	/** A survey she is asked to answer, and until when. */
	public Details surveyRequest(String requestId, Instant dueBy) {
		this.surveyRequestId = requestId;
		this.respondBy = dueBy;
		return this;
	}

	public String surveyRequestId() {
		return surveyRequestId;
	}

	public Details match(String matchId) {
		this.matchId = matchId;
		return this;
	}

	public Details mentorship(String mentorshipId) {
		this.mentorshipId = mentorshipId;
		return this;
	}

	public Details session(String sessionId, Integer sequence) {
		this.sessionId = sessionId;
		this.sequence = sequence;
		return this;
	}

	public Details programmeEvent(String programmeEventId, String kind, String title) {
		this.programmeEventId = programmeEventId;
		this.eventKind = kind;
		this.title = title;
		return this;
	}

	/** The iCalendar SEQUENCE of the version of a group event the notification is about. */
	public Details sequence(Integer sequence) {
		this.sequence = sequence;
		return this;
	}

	public Details webhook(String webhookId, String url, int failures, Instant since) {
		this.webhookId = webhookId;
		this.url = url;
		this.failures = failures;
		this.since = since;
		return this;
	}

	public Details time(Instant start, Instant end, Integer durationMinutes, String timeZone) {
		this.start = start;
		this.end = end;
		this.durationMinutes = durationMinutes;
		this.timeZone = timeZone;
		return this;
	}

	public Details previousStart(Instant previousStart) {
		this.previousStart = previousStart;
		return this;
	}

	public Details place(boolean online, String meetingUrl, String venue) {
		this.online = online;
		this.meetingUrl = meetingUrl;
		this.venue = venue;
		return this;
	}

	public Details proposal(double score, List<Reason> reasons, Instant respondBy) {
		this.score = score;
		this.reasons = reasons == null ? null : new ArrayList<>(reasons);
		this.respondBy = respondBy;
		return this;
	}

	public Details respondBy(Instant respondBy) {
		this.respondBy = respondBy;
		return this;
	}

	public Details reason(String reasonCode) {
		this.reasonCode = reasonCode;
		return this;
	}

	public Details hoursBefore(int hoursBefore) {
		this.hoursBefore = hoursBefore;
		return this;
	}

	public Details days(long days) {
		this.days = (int) days;
		return this;
	}

	public Details date(LocalDate date) {
		this.date = date;
		return this;
	}

	/** The role ({@code MENTOR} or {@code MENTEE}) the message is about, e.g. of an application or invitation. */
	public Details role(String role) {
		this.role = role;
		return this;
	}

	/** Why a password link was issued: {@code INVITATION} or {@code RESET}. */
	public Details purpose(String purpose) {
		this.purpose = purpose;
		return this;
	}

	/**
	 * The link that confirms an applicant's address ({@code SignedLinks} purpose
	 * {@value #CONFIRM_ADDRESS}). Only the link's id is kept, never the signed token: the e-mail's
	 * link is written when it is sent, so nothing stored or shown elsewhere (inbox, delivery log)
	 * carries a usable link.
	 */
	public Details confirmationLink(String linkId, Instant expiresAt) {
		return link(CONFIRM_ADDRESS, linkId, expiresAt);
	}

	/** The link that sets an account's password ({@value #SET_PASSWORD}), if there is one; kept as for {@link #confirmationLink}. */
	public Details passwordLink(String linkId, Instant expiresAt) {
		return linkId == null ? this : link(SET_PASSWORD, linkId, expiresAt);
	}

	/** The link that enrols a returning mentor ({@value #RETURN_AS_MENTOR}); kept as for {@link #confirmationLink}. */
	public Details returnLink(String linkId, Instant expiresAt) {
		return link(RETURN_AS_MENTOR, linkId, expiresAt);
	}

	private Details link(String purpose, String linkId, Instant expiresAt) {
		this.linkPurpose = purpose;
		this.linkId = linkId;
		this.linkExpiresAt = expiresAt;
		return this;
	}

	public String counterpartId() {
		return counterpartId;
	}

	public String mentorId() {
		return mentorId;
	}

	public String menteeId() {
		return menteeId;
	}

	public Boolean counterpartIsMentor() {
		return counterpartIsMentor;
	}

	public String matchId() {
		return matchId;
	}

	public String mentorshipId() {
		return mentorshipId;
	}

	public String sessionId() {
		return sessionId;
	}

	public String programmeEventId() {
		return programmeEventId;
	}

	public String webhookId() {
		return webhookId;
	}

	public Instant start() {
		return start;
	}

	public Instant previousStart() {
		return previousStart;
	}

	public Instant end() {
		return end;
	}

	public String timeZone() {
		return timeZone;
	}

	public Integer durationMinutes() {
		return durationMinutes;
	}

	public Boolean online() {
		return online;
	}

	public String meetingUrl() {
		return meetingUrl;
	}

	public String venue() {
		return venue;
	}

	public Instant respondBy() {
		return respondBy;
	}

	public Double score() {
		return score;
	}

	public List<Reason> reasons() {
		return reasons == null ? List.of() : List.copyOf(reasons);
	}

	public String reasonCode() {
		return reasonCode;
	}

	public String eventKind() {
		return eventKind;
	}

	public String title() {
		return title;
	}

	public Integer hoursBefore() {
		return hoursBefore;
	}

	public Integer days() {
		return days;
	}

	public Integer sequence() {
		return sequence;
	}

	public LocalDate date() {
		return date;
	}

	public String url() {
		return url;
	}

	public Integer failures() {
		return failures;
	}

	public Instant since() {
		return since;
	}

	public String role() {
		return role;
	}

	public String purpose() {
		return purpose;
	}

	public String linkPurpose() {
		return linkPurpose;
	}

	public String linkId() {
		return linkId;
	}

	public Instant linkExpiresAt() {
		return linkExpiresAt;
	}

}
