package com.kreativnomentorstvo.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.kreativnomentorstvo.events.notifications.Channel;
import com.kreativnomentorstvo.events.notifications.NotificationDelivered;
import com.kreativnomentorstvo.events.notifications.NotificationFailed;
import com.kreativnomentorstvo.notifications.inbox.Notification;
import com.kreativnomentorstvo.notifications.template.NotificationKind;

/** Every transition of an e-mail delivery and what it tells the platform. */
class DeliveryTests {

	private static final Instant NOW = Instant.parse("2027-02-01T09:00:00Z");

	private static final Duration WAIT = Duration.ofMinutes(5);

	@Test
	void aNewEmailIsDueWhenItsAddressIsKnownAndWaitsForItOtherwise() {
		Delivery known = email(true);
		Delivery unknown = email(false);

		assertThat(known.status()).isEqualTo(Delivery.Status.PENDING);
		assertThat(unknown.status()).isEqualTo(Delivery.Status.AWAITING_CONTACT);
		assertThat(known.id()).isEqualTo(Delivery.keyFor("event-1", "p-mentee", Channel.EMAIL));
		assertThat(known.nextAttemptAt()).isEqualTo(NOW);
		assertThat(known.about()).containsExactly("p-mentee");
		assertThat(known.finished()).isFalse();
		assertThat(known.recordedEvents()).isEmpty();
	}

	@Test
	void aSentEmailIsDeliveredWithItsAttemptsAndAddress() {
		Delivery delivery = email(true);
		delivery.failedTransiently("421 try later", NOW, WAIT, 5);

		delivery.sent("mila@example.org", NOW.plus(WAIT));

		assertThat(delivery.status()).isEqualTo(Delivery.Status.DELIVERED);
		assertThat(delivery.address()).isEqualTo("mila@example.org");
		assertThat(delivery.lastError()).isNull();
		assertThat(delivery.finished()).isTrue();
		assertThat(delivery.recordedEvents()).singleElement().isInstanceOfSatisfying(NotificationDelivered.class,
				delivered -> {
					assertThat(delivered.attempts()).isEqualTo(2);
					assertThat(delivered.channel()).isEqualTo(Channel.EMAIL);
					assertThat(delivered.deliveredAt()).isEqualTo(NOW.plus(WAIT));
				});
	}

	@Test
	void aPassingFailureIsTriedAgainAfterTheWaitUntilTheAttemptsAreUsedUp() {
		Delivery delivery = email(true);

		delivery.failedTransiently("421 try later", NOW, WAIT, 3);
		delivery.failedTransiently("421 try later", NOW.plus(WAIT), WAIT, 3);
		assertThat(delivery.status()).isEqualTo(Delivery.Status.PENDING);
		assertThat(delivery.nextAttemptAt()).isEqualTo(NOW.plus(WAIT).plus(WAIT));
		assertThat(delivery.recordedEvents()).isEmpty();

		delivery.failedTransiently("421 try later", NOW.plus(WAIT.multipliedBy(2)), WAIT, 3);

		assertFailed(delivery, "RETRIES_EXHAUSTED", 3);
		assertThat(delivery.lastError()).isEqualTo("421 try later");
	}

	@Test
	void aRefusalForGoodFailsAtOnce() {
		Delivery delivery = email(true);

		delivery.rejected("550 no such mailbox", NOW);

		assertFailed(delivery, "SMTP_REJECTED", 1);
	}

	@Test
	void anAddressThatNeverCameFailsWithoutAnAttempt() {
		Delivery delivery = email(false);

		delivery.noContact(NOW);

		assertFailed(delivery, "NO_CONTACT", 0);
	}

	@Test
	void quietHoursPostponeItWithoutCountingAnAttempt() {
		Delivery delivery = email(true);

		delivery.postpone(NOW.plus(Duration.ofHours(9)));

		assertThat(delivery.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofHours(9)));
		assertThat(delivery.attempts()).isZero();
		assertThat(delivery.status()).isEqualTo(Delivery.Status.PENDING);
	}

	@Test
	void anAddressLostAgainMakesItWaitForTheNextContactRecord() {
		Delivery delivery = email(true);

		delivery.awaitContact();

		assertThat(delivery.status()).isEqualTo(Delivery.Status.AWAITING_CONTACT);
		assertThat(delivery.finished()).isFalse();
	}

	@ParameterizedTest
	@EnumSource(value = Delivery.Status.class, names = { "PENDING", "AWAITING_CONTACT" })
	void anUnsentEmailIsCancelled(Delivery.Status status) {
		Delivery delivery = email(status == Delivery.Status.PENDING);

		delivery.cancel();

		assertThat(delivery.status()).isEqualTo(Delivery.Status.CANCELLED);
		assertThat(delivery.finished()).isTrue();
		assertThat(delivery.recordedEvents()).isEmpty();
	}

	@Test
	void aSentOrFailedEmailStaysWhatItWasWhenCancelled() {
		Delivery sent = email(true);
		sent.sent("mila@example.org", NOW);
		Delivery failed = email(true);
		failed.rejected("550 no such mailbox", NOW);

		sent.cancel();
		failed.cancel();

		assertThat(sent.status()).isEqualTo(Delivery.Status.DELIVERED);
		assertThat(failed.status()).isEqualTo(Delivery.Status.FAILED);
	}

	@Test
	void itIsKeptInTheLogUntilTheTimeItIsGiven() {
		Delivery delivery = email(true);
		delivery.sent("mila@example.org", NOW);

		delivery.keepUntil(NOW.plus(Duration.ofDays(90)));

		assertThat(delivery.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(90)));
	}

	private static void assertFailed(Delivery delivery, String reason, int attempts) {
		assertThat(delivery.status()).isEqualTo(Delivery.Status.FAILED);
		assertThat(delivery.failureReason()).isEqualTo(reason);
		assertThat(delivery.failedAt()).isNotNull();
		assertThat(delivery.finished()).isTrue();
		assertThat(delivery.recordedEvents()).singleElement().isInstanceOfSatisfying(NotificationFailed.class,
				failed -> {
					assertThat(failed.reason()).isEqualTo(reason);
					assertThat(failed.attempts()).isEqualTo(attempts);
				});
	}

	private static Delivery email(boolean addressKnown) {
		Notification notification = Notification.create(NotificationKind.MATCH_PROPOSED, "event-1", "p-mentee",
				"prog-1", "org-1", null, false, null, NOW, NOW.plus(Duration.ofDays(90)));
		return Delivery.email(notification, null, addressKnown, false, NOW, NOW);
	}

}
