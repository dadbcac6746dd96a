package com.kreativnomentorstvo.notifications.email;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;

/** Settings for unit tests, with the defaults of application.yml. */
final class Settings {

	static NotificationProperties withSecret(String secret) {
		return new NotificationProperties("http://localhost:8080", secret,
				new NotificationProperties.Mail("Kreativno mentorstvo <no-reply@kreativnomentorstvo.org>",
						Duration.ofSeconds(2), 50, 4, 10, Duration.ofSeconds(30), Duration.ofHours(2), Duration.ofMinutes(2),
						Duration.ofDays(14), "sessions.kreativnomentorstvo.org", Duration.ofDays(90)),
				new NotificationProperties.Webhooks(List.of(), Duration.ofSeconds(1), 20, Duration.ofSeconds(10), 16, 2,
						new NotificationProperties.Retry(3, Duration.ofMillis(500)),
						new NotificationProperties.CircuitBreaker(10, 5, 50, Duration.ofSeconds(60)), 12,
						Duration.ofMinutes(1), Duration.ofHours(6), Duration.ofDays(3), 20, Duration.ofMinutes(2),
						Duration.ofDays(30), 20,
						new NotificationProperties.Pending(Duration.ofSeconds(5), Duration.ofMinutes(15), 100)),
				new NotificationProperties.Reminders(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofDays(3),
						Duration.ofDays(21), LocalTime.of(9, 0), Duration.ofDays(7), 7, LocalTime.of(9, 0)),
				new NotificationProperties.Stream(Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofMinutes(30)),
				new NotificationProperties.Inbox(Duration.ofDays(60), Duration.ofDays(180), 500), Duration.ofHours(1));
	}

	private Settings() {
	}

}
