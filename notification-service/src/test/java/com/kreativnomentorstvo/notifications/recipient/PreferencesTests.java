package com.kreativnomentorstvo.notifications.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.notifications.Channel;
import com.kreativnomentorstvo.notifications.template.NotificationKind;
import com.kreativnomentorstvo.notifications.template.SupportedLocale;

class PreferencesTests {

	private static final ZoneId BELGRADE = ZoneId.of("Europe/Belgrade");

	@Test
	void withoutAChoiceEveryKindArrivesByEmailAndInTheInboxIfItHasOne() {
		Preferences defaults = Preferences.defaults("p-1");

		for (NotificationKind kind : NotificationKind.values()) {
			assertThat(defaults.wants(kind, Channel.EMAIL)).isTrue();
			assertThat(defaults.wants(kind, Channel.IN_APP)).as(kind.code()).isEqualTo(kind.inbox());
		}
		assertThat(defaults.localeOr(SupportedLocale.HR)).isEqualTo(SupportedLocale.HR);
		assertThat(defaults.digest()).isEqualTo(Preferences.Digest.NONE);
		assertThat(defaults.revision()).isZero();
	}

	@Test
	void coordinatorsGetWhatCanWaitInADailyDigestUntilTheyChoose() {
		Preferences staff = Preferences.defaults("account-1", true);

		assertThat(staff.digest()).isEqualTo(Preferences.Digest.DAILY);
		assertThat(staff.wants(NotificationKind.NEW_APPLICATION, Channel.IN_APP)).isTrue();
		staff.replace(null, Map.of(), null, null, Preferences.Digest.NONE, null);
		assertThat(staff.digest()).isEqualTo(Preferences.Digest.NONE);
	}

	@Test
	void securityMessagesIgnoreTheChoicesAndNeverReachTheInbox() {
		Preferences preferences = Preferences.defaults("p-1");
		preferences.stopEmails(null);

		for (NotificationKind kind : List.of(NotificationKind.ADDRESS_CONFIRMATION, NotificationKind.PASSWORD_LINK,
				NotificationKind.COORDINATOR_APPOINTED)) {
			assertThat(kind.security()).isTrue();
			assertThat(kind.timeSensitive()).isTrue();
			assertThat(preferences.wants(kind, Channel.EMAIL)).isTrue();
			assertThat(preferences.wants(kind, Channel.IN_APP)).isFalse();
		}
		// decisions on her application reach her however she chose, in the inbox too
		assertThat(preferences.wants(NotificationKind.ADMITTED, Channel.EMAIL)).isTrue();
		assertThat(preferences.wants(NotificationKind.ADMITTED, Channel.IN_APP)).isTrue();
		assertThat(preferences.wants(NotificationKind.APPLICATION_RECEIVED, Channel.EMAIL)).isFalse();
	}

	@Test
	void overnightQuietHoursHoldEmailsUntilTheMorningInTheParticipantsZone() {
		Preferences preferences = Preferences.defaults("p-1");
		preferences.replace(null, Map.of(), LocalTime.of(22, 0), LocalTime.of(7, 0), null, null);

		Instant lateEvening = Instant.parse("2027-03-10T22:30:00Z"); // 23:30 in Belgrade
		Instant earlyMorning = Instant.parse("2027-03-11T04:00:00Z"); // 05:00 in Belgrade
		Instant noon = Instant.parse("2027-03-11T11:00:00Z");

		assertThat(preferences.quietUntil(lateEvening, BELGRADE)).isEqualTo(Instant.parse("2027-03-11T06:00:00Z"));
		assertThat(preferences.quietUntil(earlyMorning, BELGRADE)).isEqualTo(Instant.parse("2027-03-11T06:00:00Z"));
		assertThat(preferences.quietUntil(noon, BELGRADE)).isNull();
	}

	@Test
	void daytimeQuietHoursEndTheSameDay() {
		Preferences preferences = Preferences.defaults("p-1");
		preferences.replace(null, Map.of(), LocalTime.of(12, 0), LocalTime.of(14, 0), null, null);

		assertThat(preferences.quietUntil(Instant.parse("2027-03-11T12:30:00Z"), BELGRADE))
			.isEqualTo(Instant.parse("2027-03-11T13:00:00Z"));
		assertThat(preferences.quietUntil(Instant.parse("2027-03-11T13:30:00Z"), BELGRADE)).isNull();
	}

	@Test
	void theDigestGoesOutAtTheChosenTimeNextComing() {
		Preferences preferences = Preferences.defaults("p-1");
		preferences.replace(null, Map.of(), null, null, Preferences.Digest.DAILY, LocalTime.of(8, 0));

		assertThat(preferences.nextDigest(Instant.parse("2027-03-11T05:00:00Z"), BELGRADE))
			.isEqualTo(Instant.parse("2027-03-11T07:00:00Z"));
		assertThat(preferences.nextDigest(Instant.parse("2027-03-11T07:00:00Z"), BELGRADE))
			.isEqualTo(Instant.parse("2027-03-12T07:00:00Z"));
	}

	@Test
	void unsubscribingFromOneKindKeepsItsInboxAndTheOtherKinds() {
		Preferences preferences = Preferences.defaults("p-1");

		preferences.stopEmails(NotificationKind.PAIR_SILENT);

		assertThat(preferences.wants(NotificationKind.PAIR_SILENT, Channel.EMAIL)).isFalse();
		assertThat(preferences.wants(NotificationKind.PAIR_SILENT, Channel.IN_APP)).isTrue();
		assertThat(preferences.wants(NotificationKind.SESSION_SCHEDULED, Channel.EMAIL)).isTrue();

		preferences.stopEmails(null);
		assertThat(preferences.wants(NotificationKind.SESSION_SCHEDULED, Channel.EMAIL)).isFalse();
		assertThat(preferences.wants(NotificationKind.SESSION_SCHEDULED, Channel.IN_APP)).isTrue();
	}

}
