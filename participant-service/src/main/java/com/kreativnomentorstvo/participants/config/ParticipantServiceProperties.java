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
 * @param accounts the identity provider where people's accounts live, and the links of account e-mails
 * @param applications the public calls and the applications they take
 * @param export where a participant's data export gathers what the other services hold about her
 * @param certificates participation certificates and their public verification
 * @param statuses when programmes move from status to status by their dates
 */
@ConfigurationProperties("mentoring.participants")
public record ParticipantServiceProperties(@DefaultValue Consent consent,
		@DefaultValue("15m") Duration activationInterval, @DefaultValue("5s") Duration tombstoneSweepInterval,
		@DefaultValue("30s") Duration tombstoneLease, @DefaultValue("64KB") DataSize maxRequestBody,
		@DefaultValue Accounts accounts, @DefaultValue Applications applications, @DefaultValue Export export,
		@DefaultValue Certificates certificates, @DefaultValue Statuses statuses) {

	/**
	 * @param verificationUrl where anyone checks a certificate: its code is appended, and the address is
	 *     printed on the certificate ({@code PUBLIC_URL} + {@code /api/v1/certificates/})
	 * @param verificationsPerClient how many codes one client (network address) may check per
	 *     {@code verificationPeriod}
	 * @param verificationPeriod the window of that limit
	 */
	public record Certificates(@DefaultValue("http://localhost:8080/api/v1/certificates/") String verificationUrl,
			@DefaultValue("60") int verificationsPerClient, @DefaultValue("1h") Duration verificationPeriod) {
	}

	/**
	 * @param closingDays how many days before its {@code endsOn} a programme becomes CLOSING
	 * @param interval how often programmes whose dates have moved them on are moved (and announced)
	 */
	public record Statuses(@DefaultValue("14") int closingDays, @DefaultValue("5m") Duration interval) {
	}

	/**
	 * @param gatewayUrl the gateway, through which the other services' exports are fetched with the
	 *     caller's own token ({@code GATEWAY_URL})
	 * @param timeout how long one service may take to answer before it is listed as unavailable
	 * @param services the services asked, each at {@code /api/v1/participants/{id}/personal-data/{service}}
	 */
	public record Export(@DefaultValue("http://localhost:8080") String gatewayUrl,
			@DefaultValue("3s") Duration timeout,
			@DefaultValue({ "matching", "sessions", "notifications" }) List<String> services) {
	}

	/**
	 * @param provider {@code local} (the platform's own authorization server) or {@code keycloak}
	 * @param local the local authorization server's account API
	 * @param keycloak a Keycloak realm, through its Admin REST API
	 * @param invitationValidity how long a link to set the first password stays valid
	 * @param resetValidity how long a password-reset link stays valid
	 * @param confirmationValidity how long an applicant has to confirm her address; an application
	 *     still unconfirmed then is erased
	 * @param maintenanceInterval how often expired applications are erased and account changes that the
	 *     provider refused earlier are tried again
	 * @param signInUrl where the e-mails' "sign in" buttons and the pages after a password is set lead
	 */
	public record Accounts(@DefaultValue("local") String provider, @DefaultValue Local local,
			@DefaultValue Keycloak keycloak, @DefaultValue("7d") Duration invitationValidity,
			@DefaultValue("2h") Duration resetValidity, @DefaultValue("48h") Duration confirmationValidity,
			@DefaultValue("1m") Duration maintenanceInterval,
			@DefaultValue("http://localhost:8080/") String signInUrl) {

		/**
		 * @param url the authorization server ({@code ACCOUNTS_URL}, by default the issuer)
		 * @param clientId this service's client there, allowed to manage accounts
		 * @param clientSecret its secret
		 * @param timeout connect and response timeout of one call
		 */
		public record Local(@DefaultValue("http://localhost:9000") String url,
				@DefaultValue("participant-service") String clientId,
				@DefaultValue("local-development-only-accounts-secret") String clientSecret,
				@DefaultValue("5s") Duration timeout) {
		}

		/**
		 * @param url Keycloak's base URL, e.g. {@code http://keycloak:8080}
		 * @param realm the platform's realm
		 * @param clientId a confidential client of the realm whose service account may manage users and clients
		 * @param clientSecret its secret
		 * @param timeout connect and response timeout of one call
		 */
		public record Keycloak(@DefaultValue("http://localhost:8180") String url,
				@DefaultValue("mentoring") String realm, @DefaultValue("participant-service") String clientId,
				@DefaultValue("local-development-only-accounts-secret") String clientSecret,
				@DefaultValue("5s") Duration timeout) {
		}

	}

	/**
	 * @param perAddress applications one e-mail address may submit per {@code period} (all programmes)
	 * @param perClient applications one client (network address) may submit per {@code period}
	 * @param period the window of both limits
	 * @param maxAnswerLength the longest answer a long-text question takes
	 */
	public record Applications(@DefaultValue("5") int perAddress, @DefaultValue("20") int perClient,
			@DefaultValue("1h") Duration period, @DefaultValue("5000") int maxAnswerLength) {
	}

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
