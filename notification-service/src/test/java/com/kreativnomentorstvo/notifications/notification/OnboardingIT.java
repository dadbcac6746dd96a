package com.kreativnomentorstvo.notifications.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.kreativnomentorstvo.events.notifications.Channel;
import com.kreativnomentorstvo.events.participants.ParticipantAdmitted;
import com.kreativnomentorstvo.notifications.delivery.Deliveries;
import com.kreativnomentorstvo.notifications.delivery.Delivery;
import com.kreativnomentorstvo.notifications.inbox.Notification;
import com.kreativnomentorstvo.notifications.inbox.Notifications;
import com.kreativnomentorstvo.notifications.recipient.Recipient;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.support.Events;
import com.kreativnomentorstvo.notifications.support.Fixtures;
import com.kreativnomentorstvo.notifications.support.Fixtures.Person;
import com.kreativnomentorstvo.notifications.support.Links;
import com.kreativnomentorstvo.notifications.support.Mail;
import com.kreativnomentorstvo.notifications.support.ServiceUnderTest;
import com.kreativnomentorstvo.platform.links.SignedLinks;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;
import com.kreativnomentorstvo.testkit.http.ServiceApi;

import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * The way in, from each event to the e-mail caught by the SMTP server and the inbox: address
 * confirmation, application received, admission, rejection, invitation, password links.
 */
@ExtendWith(OutputCaptureExtension.class)
class OnboardingIT extends ServiceUnderTest {

	private static final TestTokens TOKENS = TestTokens.shared();

	private static final String CONFIRM_PAGE = "/applications/confirm";

	private static final String PASSWORD_PAGE = "/account/password";

	@Autowired
	SignedLinks links;

	@Autowired
	Deliveries deliveries;

	@Autowired
	Notifications notifications;

	@Autowired
	RecipientDirectory recipients;

	@Autowired
	ProgrammeDirectory programmes;

	@Test
	void anApplicantConfirmsHerAddressWithALinkThatConfirmsAddressesAndNothingElse() {
		Person applicant = applicant("sr-Cyrl");
		String linkId = Fixtures.linkId();
		Instant confirmBy = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);

		Events.Published submitted = Events.publish(applicant.applied(linkId, confirmBy));

		MimeMessage mail = awaitOne(applicant.email(), "address-confirmation");
		assertThat(Mail.subject(mail)).isEqualTo("Потврдите своју имејл адресу");
		String text = Mail.part(mail, "text/plain").text();
		assertThat(text).contains("Хвала Вам на пријави за програм Reg. Lab као менторисана особа.")
			.contains("Рок за потврду: " + Links.dateTime(confirmBy, "sr-Cyrl", "Europe/Belgrade"));
		String token = Links.token(mail, CONFIRM_PAGE);
		assertThat(links.linkId("CONFIRM_ADDRESS", token)).contains(linkId);
		assertThat(links.linkId("SET_PASSWORD", token)).isEmpty();
		// the HTML escapes "=" as "&#x3D;", which a browser reads back
		assertThat(Mail.part(mail, "text/html").text())
			.contains("href=\"" + Links.PUBLIC_URL + CONFIRM_PAGE + "?token&#x3D;" + token + "\"");
		// a security message: no unsubscribe link, and never in the inbox
		assertThat(Mail.header(mail, "List-Unsubscribe")).isNull();
		assertThat(notifications.findById(Notification.idFor(submitted.id(), applicant.id)).orElseThrow().inApp())
			.isFalse();
		assertNoLinkFor(applicant, token, linkId);
	}

	@Test
	void aConfirmedApplicationIsAcknowledgedAndAnyOtherEnrolmentIsConfirmed() {
		Person applicant = applicant("mk");
		Events.publish(applicant.enrolled()); // status APPLIED: she confirmed her address
		Person imported = Fixtures.aMentor(applicant.programmeId, applicant.organisationId).speaking("en");
		Events.publish(imported.contact());
		Events.publish(imported.enrolled()); // status ACCEPTED

		MimeMessage received = awaitOne(applicant.email(), "application-received");
		assertThat(Mail.subject(received)).isEqualTo("Ја примивме Вашата пријава за програмата Reg. Lab");
		assertThat(Mail.part(received, "text/plain").text())
			.contains("Координаторите на програмата сега ќе ја разгледаат.")
			.contains("оваа адреса е наведена во пријава за програмата Reg. Lab");
		awaitOne(imported.email(), "enrolment-confirmed");
		assertThat(mails(applicant.email(), "enrolment-confirmed")).isEmpty();
		assertThat(mails(imported.email(), "application-received")).isEmpty();
	}

	@Test
	void anAdmittedApplicantSetsHerPasswordFromTheEmailWhileHerInboxAndLogCarryNoLink(CapturedOutput output) {
		Person applicant = applicant("sr-Cyrl");
		Events.publish(applicant.enrolled());
		awaitOne(applicant.email(), "application-received");
		String account = Fixtures.unique("account");
		String linkId = Fixtures.linkId();
		Instant expiresAt = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES);

		ParticipantAdmitted admission = applicant.admitted(account, linkId, expiresAt);
		Events.Published admitted = Events.publish(admission);
		admitted.again();

		MimeMessage mail = awaitOne(applicant.email(), "admitted");
		assertThat(Mail.subject(mail)).isEqualTo("Добро дошли у програм Reg. Lab: Ваша пријава је прихваћена");
		String text = Mail.part(mail, "text/plain").text();
		assertThat(text).contains("Рок важења линка: " + Links.dateTime(expiresAt, "sr-Cyrl", "Europe/Belgrade"))
			.contains("Поставите лозинку: " + Links.PUBLIC_URL + PASSWORD_PAGE + "?token=");
		String token = Links.token(mail, PASSWORD_PAGE);
		assertThat(links.linkId("SET_PASSWORD", token)).contains(linkId);
		assertThat(links.linkId("CONFIRM_ADDRESS", token)).isEmpty();

		// her account sees the welcome in her inbox at once, without the link
		String accountToken = TOKENS.token().subject(account).organisation(applicant.organisationId).roles("mentee").sign();
		JsonNode inbox = awaitInbox(accountToken, "admitted");
		JsonNode welcome = inbox.path("items").get(0);
		assertThat(welcome.path("kind").asString()).isEqualTo("admitted");
		assertThat(welcome.path("actionUrl").asString()).isEqualTo(Links.PUBLIC_URL + "/participants/" + applicant.id);
		assertThat(welcome.path("body").asString()).doesNotContain("Рок важења");
		assertThat(inbox.path("items").findValuesAsString("kind")).contains("application-received");
		assertThat(api().get("/api/v1/notifications", accountToken).body()).doesNotContain(token).doesNotContain(linkId);
		assertNoLinkFor(applicant, token, linkId);
		assertThat(output.getAll()).doesNotContain(token);

		// the same event twice: one e-mail (a later event of hers on the same partition shows the copy was applied)
		Events.publish(applicant.passwordLink("RESET", Fixtures.linkId(), expiresAt));
		awaitOne(applicant.email(), "password-link");
		String key = Delivery.keyFor(admitted.id(), applicant.id, Channel.EMAIL);
		eventually().until(() -> deliveries.findById(key).map(d -> d.status() == Delivery.Status.DELIVERED).orElse(false));
		assertThat(mails(applicant.email(), "admitted")).hasSize(1);
	}

	@Test
	void anAdmissionIntoAnAccountThatHasAPasswordAsksHerToSignIn() {
		Person applicant = applicant("en");
		String account = Fixtures.unique("account");

		Events.publish(applicant.admitted(account, null, null));

		MimeMessage mail = awaitOne(applicant.email(), "admitted");
		assertThat(Mail.subject(mail)).isEqualTo("Welcome to Reg. Lab: your application has been accepted");
		assertThat(Mail.part(mail, "text/plain").text())
			.contains("Sign in to the platform with the link below, using the account of this e-mail address.")
			.containsPattern("Sign in: " + Links.PUBLIC_URL + "/\\s")
			.doesNotContain("token=");
		assertThat(Mail.part(mail, "text/html").text()).contains("href=\"" + Links.PUBLIC_URL + "/\"");
		eventually().until(() -> recipients.find(applicant.id).map(Recipient::accountId).filter(account::equals).isPresent());
	}

	@Test
	void aRejectedApplicantLearnsTheReasonInHerLanguage() {
		Person macedonian = applicant("mk");
		Person croatian = applicant("hr");

		Events.publish(macedonian.rejected("PROGRAMME_FULL"));
		Events.publish(croatian.rejected("INCOMPLETE_APPLICATION"));

		MimeMessage mk = awaitOne(macedonian.email(), "not-admitted");
		assertThat(Mail.subject(mk)).isEqualTo("Одлука за Вашата пријава за програмата Reg. Lab");
		assertThat(Mail.part(mk, "text/plain").text())
			.contains("За жал, овој пат не можеме да Ви понудиме место во програмата (причина: сите места во програмата се пополнети).");
		MimeMessage hr = awaitOne(croatian.email(), "not-admitted");
		assertThat(Mail.part(hr, "text/plain").text()).contains("(razlog: prijava nije potpuna)");
		assertThat(Mail.header(hr, "List-Unsubscribe")).isNull();
	}

	@Test
	void anInviteeGetsHerInvitationAndLaterALinkSentAgain() {
		Person invitee = applicant("hr");
		String account = Fixtures.unique("account");
		String firstLink = Fixtures.linkId();
		Instant expiresAt = Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.MINUTES);

		Events.publish(invitee.invited(account, firstLink, expiresAt));

		MimeMessage invitation = awaitOne(invitee.email(), "invitation");
		assertThat(Mail.subject(invitation)).isEqualTo("Poziv na sudjelovanje u programu Reg. Lab");
		assertThat(Mail.part(invitation, "text/plain").text())
			.contains("Pozivamo Vas da sudjelujete u programu Reg. Lab kao mentorirana osoba.")
			.contains("Rok valjanosti poveznice: " + Links.dateTime(expiresAt, "hr", "Europe/Belgrade"));
		String firstToken = Links.token(invitation, PASSWORD_PAGE);
		assertThat(links.linkId("SET_PASSWORD", firstToken)).contains(firstLink);
		String accountToken = TOKENS.token().subject(account).organisation(invitee.organisationId).roles("mentee").sign();
		JsonNode inbox = awaitInbox(accountToken, "invitation");
		assertThat(inbox.path("items").get(0).path("title").asString()).isEqualTo("Poziv na sudjelovanje u programu Reg. Lab");
		assertThat(inbox.path("items").get(0).path("body").asString()).contains("Molimo Vas da dopunite svoj profil.")
			.doesNotContain("poveznic");
		assertThat(api().get("/api/v1/notifications", accountToken).body()).doesNotContain(firstToken).doesNotContain(firstLink);

		String secondLink = Fixtures.linkId();
		Events.publish(invitee.passwordLink("INVITATION", secondLink, expiresAt));

		MimeMessage again = awaitOne(invitee.email(), "password-link");
		assertThat(Mail.subject(again)).isEqualTo("Poziv na sudjelovanje u programu Reg. Lab");
		assertThat(Mail.part(again, "text/plain").text())
			.contains("Šaljemo Vam novu poveznicu za postavljanje lozinke Vašeg korisničkog računa; nakon toga dopunite svoj profil.");
		assertThat(links.linkId("SET_PASSWORD", Links.token(again, PASSWORD_PAGE))).contains(secondLink);
		assertThat(api().get("/api/v1/notifications", accountToken).json().path("items").findValuesAsString("kind"))
			.doesNotContain("password-link");
	}

	@Test
	void securityEmailsIgnoreQuietHoursDigestsAndUnsubscribes() {
		Person mentee = participant("sl");
		MimeMessage welcome = awaitOne(mentee.email(), "enrolment-confirmed");
		ServiceApi api = api();
		// she unsubscribes (the one-click link of an e-mail), turns every e-mail she can choose off, and
		// chooses a daily digest and quiet hours around now
		URI unsubscribe = URI.create(Mail.header(welcome, "List-Unsubscribe").replaceAll("[<>]", ""));
		assertThat(api.postForm(unsubscribe.getRawPath() + "?" + unsubscribe.getRawQuery(),
				Map.of("List-Unsubscribe", "One-Click")).status()).isEqualTo(200);
		String token = TOKENS.participant(mentee.id, mentee.organisationId, "mentee");
		String preferences = "/api/v1/participants/" + mentee.id + "/notification-preferences";
		Map<String, Object> noEmail = new HashMap<>();
		api.get(preferences, token).json().path("kinds").propertyNames()
			.forEach(kind -> noEmail.put(kind, Map.of("email", false, "inApp", true)));
		assertThat(noEmail).containsKey("application-received").doesNotContainKeys("password-link",
				"address-confirmation", "coordinator-appointed", "admitted", "new-application");
		LocalTime now = clock.instant().atZone(ZoneId.of("Europe/Belgrade")).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
		Reply silenced = api.put(preferences, token, Map.of("kinds", noEmail, "digest", "DAILY", "quietHours",
				Map.of("from", now.minusHours(1).toString(), "to", now.plusHours(2).toString())));
		assertThat(silenced.status()).isEqualTo(200);
		String linkId = Fixtures.linkId();
		Instant expiresAt = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);

		Events.Published reset = Events.publish(mentee.passwordLink("RESET", linkId, expiresAt));

		MimeMessage mail = awaitOne(mentee.email(), "password-link");
		assertThat(Mail.subject(mail)).isEqualTo("Ponastavitev gesla");
		assertThat(Mail.part(mail, "text/plain").text())
			.contains("Če je niste zahtevali Vi, to sporočilo prezrite: Vaše geslo ostane nespremenjeno.")
			.contains("Rok veljavnosti povezave: " + Links.dateTime(expiresAt, "sl", "Europe/Belgrade"));
		assertThat(links.linkId("SET_PASSWORD", Links.token(mail, PASSWORD_PAGE))).contains(linkId);
		assertThat(Mail.header(mail, "List-Unsubscribe")).isNull();
		Delivery delivery = deliveries.findById(Delivery.keyFor(reset.id(), mentee.id, Channel.EMAIL)).orElseThrow();
		assertThat(delivery.digest()).isFalse();
		assertThat(delivery.attempts()).isEqualTo(1);
		// a security message is the only thing she cannot turn off
		Reply refused = api.put(preferences, token,
				Map.of("kinds", Map.of("password-link", Map.of("email", false, "inApp", false))));
		assertThat(refused.status()).isEqualTo(422);
	}

	/** An applicant of a fresh programme (Belgrade time) with her contact details known. */
	private Person applicant(String locale) {
		String programmeId = Fixtures.unique("programme");
		String organisationId = Fixtures.unique("org");
		Events.publish(Fixtures.programme(programmeId, organisationId, List.of(), null));
		eventually().until(() -> programmes.find(programmeId).isPresent());
		Person applicant = Fixtures.aMentee(programmeId, organisationId).speaking(locale).applying();
		Events.publish(applicant.contact());
		eventually().until(() -> recipients.find(applicant.id).map(Recipient::email).isPresent());
		return applicant;
	}

	/** A mentee enrolled (and admitted) in a fresh programme, with her contact details known. */
	private Person participant(String locale) {
		String programmeId = Fixtures.unique("programme");
		String organisationId = Fixtures.unique("org");
		Events.publish(Fixtures.programme(programmeId, organisationId, List.of(), null));
		eventually().until(() -> programmes.find(programmeId).isPresent());
		Person mentee = Fixtures.aMentee(programmeId, organisationId).speaking(locale);
		Events.publish(mentee.contact());
		Events.publish(mentee.enrolled());
		return mentee;
	}

	/** What a coordinator of her organisation reads of her (inbox, e-mail log) holds no usable link. */
	private void assertNoLinkFor(Person person, String token, String linkId) {
		String coordinator = TOKENS.coordinator(person.organisationId);
		ServiceApi api = api();
		eventually().until(() -> api.get("/api/v1/notifications/deliveries?recipientId=" + person.id, coordinator)
			.json().path("items").findValuesAsString("status").contains("DELIVERED"));
		for (String path : List.of("/api/v1/notifications/deliveries?recipientId=" + person.id,
				"/api/v1/notifications?recipientId=" + person.id)) {
			Reply read = api.get(path, coordinator);
			assertThat(read.status()).as(path).isEqualTo(200);
			assertThat(read.body()).as(path).doesNotContain(token).doesNotContain(linkId).doesNotContain("token=");
		}
	}

}
