package com.kreativnomentorstvo.participants.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of participant-service, under {@code mentoring.participants.*}.
 *
 * @param consent the consent vocabulary
 * @param activationInterval how often accepted participants of programmes that have started are
 *     made active
 * @param tombstoneSweepInterval how often erased participants' contact tombstones that are still
 *     unpublished are retried
 * @param tombstoneLease how long one instance holds an erased participant while it writes her tombstone
 * @param maxRequestBody the largest request body accepted
 */
@ConfigurationProperties("mentoring.participants")
public record ParticipantServiceProperties(@DefaultValue Consent consent,
		@DefaultValue("15m") Duration activationInterval, @DefaultValue("5s") Duration tombstoneSweepInterval,
		@DefaultValue("30s") Duration tombstoneLease, @DefaultValue("64KB") DataSize maxRequestBody) {

	/**
	 * @param scopes every scope a person can consent to
	 * @param requiredScopes the scopes without which nobody can take part; withdrawing them
	 *     withdraws the person and erases her data
	 */
	public record Consent(
			@DefaultValue({ "programme-participation", "matching", "notifications", "reporting",
					"communications" }) List<String> scopes,
			@DefaultValue("programme-participation") List<String> requiredScopes) {
	}

}
