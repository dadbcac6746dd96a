package com.kreativnomentorstvo.notifications.config;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notification service, under {@code mentoring.notifications.*}. SMTP itself is
 * configured with Spring Boot's {@code spring.mail.*} (from {@code SMTP_*}).
 *
 * @param publicUrl where people reach the platform (the gateway); links in messages start here
 * @param unsubscribeSecret key that signs unsubscribe links; set it per instance
 * @param mail e-mail delivery
 * @param webhooks webhook delivery
 * @param reminders when reminders fall due
 * @param stream the inbox's server-sent events
 * @param inbox how long notifications are kept, and how many per recipient
 * @param purgeInterval how often expired records are removed (TTL indexes do it too where the store has them)
 */
@ConfigurationProperties("mentoring.notifications")
public record NotificationProperties(@DefaultValue("http://localhost:8080") String publicUrl,
		@DefaultValue("local-development-only-unsubscribe-secret") String unsubscribeSecret, @DefaultValue Mail mail,
		@DefaultValue Webhooks webhooks, @DefaultValue Reminders reminders, @DefaultValue Stream stream,
		@DefaultValue Inbox inbox, @DefaultValue("1h") Duration purgeInterval) {

	/**
	 * @param from the From address, e.g. {@code Kreativno mentorstvo <no-reply@example.org>}
	 * @param pollInterval how often due e-mails are looked for
	 * @param batch the most e-mails one poll sends; a poll that sent as many looks again at once
	 * @param workers how many e-mails this instance sends at once (each an SMTP conversation and
	 *     its records in the store, mostly waiting on one or the other); one of them also sends the
	 *     daily digests, so that one recipient's digest is never split between two
	 * @param maxAttempts attempts before an e-mail is given up (transient failures only)
	 * @param initialBackOff wait after the first failed attempt; doubles per attempt
	 * @param maxBackOff longest wait between attempts
	 * @param lease how long one instance holds an e-mail it is sending
	 * @param awaitContact how long a message waits for its recipient's address before it fails
	 * @param calendarUidDomain the right-hand side of the UIDs of attached calendar entries; the same
	 *     as session-service's ({@code CALENDAR_UID_DOMAIN}), so an entry from an e-mail and the
	 *     same entry from a calendar feed are one entry in a calendar
	 * @param retention how long the delivery log keeps an e-mail once it was sent, failed or cancelled
	 */
	public record Mail(@DefaultValue("Kreativno mentorstvo <no-reply@kreativnomentorstvo.org>") String from,
			@DefaultValue("2s") Duration pollInterval, @DefaultValue("50") int batch, @DefaultValue("4") int workers,
			@DefaultValue("10") int maxAttempts, @DefaultValue("30s") Duration initialBackOff,
			@DefaultValue("2h") Duration maxBackOff, @DefaultValue("2m") Duration lease,
			@DefaultValue("14d") Duration awaitContact,
			@DefaultValue("sessions.kreativnomentorstvo.org") String calendarUidDomain,
			@DefaultValue("90d") Duration retention) {
	}

	/**
	 * @param allowedPrivateNetworks CIDR ranges of private, loopback or link-local addresses that
	 *     endpoints may still use (an operator's choice, e.g. for an intranet receiver); empty refuses
	 *     them all
	 * @param pollInterval how often due deliveries are looked for
	 * @param batch the most deliveries one poll hands to the workers
	 * @param timeout the most one request may take in all: connecting (name lookup included), sending
	 *     and the status line of the answer; the answer's body is never read
	 * @param workers how many requests this instance makes at once, over all endpoints
	 * @param perEndpoint how many of them may go to one endpoint (subscription) at once, so that a
	 *     slow or silent endpoint holds at most this many workers
	 * @param retry immediate retries of one delivery (a request that ran out of time is not retried at once)
	 * @param circuitBreaker the breaker kept per endpoint
	 * @param maxDeliveryAttempts dispatches (each with its immediate retries) before a delivery fails
	 * @param initialBackOff wait before a failed delivery is dispatched again; doubles per dispatch
	 * @param maxBackOff longest wait between dispatches
	 * @param disableAfter how long an endpoint may keep failing before it is disabled
	 * @param disableAfterFailures how many failed requests in a row it takes as well
	 * @param lease how long one instance holds a delivery it is sending; must be longer than a dispatch
	 *     can take ({@code retry.max-attempts} requests of at most {@code timeout} and the waits between them)
	 * @param retention how long the delivery log keeps a delivery once it was delivered, failed or cancelled
	 * @param maxPerOrganisation the most subscriptions one organisation (or the instance-wide ones) may have
	 * @param pending events whose audience waits for facts this service does not know yet
	 */
	public record Webhooks(@DefaultValue List<String> allowedPrivateNetworks, @DefaultValue("1s") Duration pollInterval,
			@DefaultValue("20") int batch, @DefaultValue("10s") Duration timeout, @DefaultValue("16") int workers,
			@DefaultValue("2") int perEndpoint, @DefaultValue Retry retry,
			@DefaultValue CircuitBreaker circuitBreaker, @DefaultValue("12") int maxDeliveryAttempts,
			@DefaultValue("1m") Duration initialBackOff, @DefaultValue("6h") Duration maxBackOff,
			@DefaultValue("3d") Duration disableAfter, @DefaultValue("20") int disableAfterFailures,
			@DefaultValue("2m") Duration lease, @DefaultValue("30d") Duration retention,
			@DefaultValue("20") int maxPerOrganisation, @DefaultValue Pending pending) {
	}

	/**
	 * @param sweepInterval how often waiting events are decided again (and soon after a fact they wait
	 *     for arrives)
	 * @param deadline how long an event waits for missing facts before it is decided with what is known
	 * @param batch the most waiting events one sweep decides
	 */
	public record Pending(@DefaultValue("5s") Duration sweepInterval, @DefaultValue("15m") Duration deadline,
			@DefaultValue("100") int batch) {
	}

	/**
	 * @param maxAttempts requests per dispatch, the first included
	 * @param initialWait wait before the first retry; doubles per retry
	 */
	public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("500ms") Duration initialWait) {
	}

	/**
	 * @param slidingWindow how many recent requests the failure rate is taken over
	 * @param minimumCalls requests needed before the breaker may open
	 * @param failureRateThreshold failure rate in percent that opens the breaker
	 * @param waitInOpenState how long the breaker stays open before it lets a trial request through
	 */
	public record CircuitBreaker(@DefaultValue("10") int slidingWindow, @DefaultValue("5") int minimumCalls,
			@DefaultValue("50") float failureRateThreshold, @DefaultValue("60s") Duration waitInOpenState) {
	}

	/**
	 * @param pollInterval how often due reminders are looked for
	 * @param lease how long one instance holds a reminder it is firing
	 * @param proposalUnansweredAfter when a participant who has not answered a proposal is nudged
	 * @param pairSilentAfter when a pair without a scheduled or held session is nudged
	 * @param midtermReviewAt time of day (programme's zone) of the midterm reminder on the midterm date
	 * @param midtermReviewMissingAfter how long after that reminder a review still missing is reported to
	 *     the pair's coordinators
	 * @param finalReviewDaysBefore how many days before the programme's last day each member of an active
	 *     pair is reminded of her final review
	 * @param finalReviewAt time of day (programme's zone) of that reminder
	 */
	public record Reminders(@DefaultValue("30s") Duration pollInterval, @DefaultValue("2m") Duration lease,
			@DefaultValue("3d") Duration proposalUnansweredAfter, @DefaultValue("21d") Duration pairSilentAfter,
			@DefaultValue("09:00") LocalTime midtermReviewAt, @DefaultValue("7d") Duration midtermReviewMissingAfter,
			@DefaultValue("7") int finalReviewDaysBefore, @DefaultValue("09:00") LocalTime finalReviewAt) {

		public Reminders {
			if (finalReviewDaysBefore < 0) {
				throw new IllegalArgumentException(
						"mentoring.notifications.reminders.final-review-days-before must not be negative, was "
								+ finalReviewDaysBefore);
			}
		}

	}

	/**
	 * @param pollInterval how often connected streams look for new notifications
	 * @param heartbeat how often an idle stream gets a comment, so proxies keep it open
	 * @param timeout how long one stream stays open before the client reconnects
	 */
	public record Stream(@DefaultValue("1s") Duration pollInterval, @DefaultValue("15s") Duration heartbeat,
			@DefaultValue("30m") Duration timeout) {
	}

	/**
	 * @param readRetention a notification its recipient has read is removed this long after it was made
	 * @param unreadRetention an unread one is removed this long after it was made
	 * @param maxPerRecipient the most notifications kept per recipient; the oldest go first
	 */
	public record Inbox(@DefaultValue("60d") Duration readRetention, @DefaultValue("180d") Duration unreadRetention,
			@DefaultValue("500") int maxPerRecipient) {
	}

}
