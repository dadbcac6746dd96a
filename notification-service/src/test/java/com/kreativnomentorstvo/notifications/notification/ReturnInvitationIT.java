package com.kreativnomentorstvo.notifications.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.kreativnomentorstvo.events.participants.MatchingPolicy;
import com.kreativnomentorstvo.events.participants.ProgrammeCreated;
import com.kreativnomentorstvo.events.participants.ProgrammeDetails;
import com.kreativnomentorstvo.events.participants.ProgrammeStatus;
import com.kreativnomentorstvo.events.participants.ReturnInvited;
import com.kreativnomentorstvo.events.notifications.Channel;
import com.kreativnomentorstvo.notifications.delivery.Deliveries;
import com.kreativnomentorstvo.notifications.delivery.Delivery;
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

import jakarta.mail.internet.MimeMessage;

/**
 * A mentor of an earlier cycle invited back: the e-mail in her language, naming the next programme,
 * with the one-click link that starts with the public address; once per invitation event.
 */
class ReturnInvitationIT extends ServiceUnderTest {

	private static final String RETURN_PAGE = "/account/return";

	@Autowired
	SignedLinks links;

	@Autowired
	Deliveries deliveries;

	@Autowired
	RecipientDirectory recipients;

	@Autowired
	ProgrammeDirectory programmes;

	@Test
	void aMentorOfThePreviousCycleGetsTheReturnLinkInHerLanguageOnce() {
		String organisationId = Fixtures.unique("org");
		String previous = Fixtures.unique("programme");
		String next = Fixtures.unique("programme");
		Events.publish(Fixtures.programme(previous, organisationId, List.of(), null));
		Events.publish(new ProgrammeCreated(new ProgrammeDetails(next, organisationId, List.of(), "Reg. Lab 2028",
				LocalDate.of(2028, 1, 15), LocalDate.of(2028, 7, 15), "Europe/Belgrade", List.of("en", "sl"), List.of(),
				null, null, List.of(), new MatchingPolicy(Map.of(), false, "PREFER", 2, 7, false), null,
				ProgrammeStatus.DRAFT, previous), Instant.now()));
		eventually().until(() -> programmes.find(next).isPresent() && programmes.find(previous).isPresent());
		Person mentor = Fixtures.aMentor(previous, organisationId).speaking("sl");
		Events.publish(mentor.contact());
		Events.publish(mentor.enrolled());
		eventually().until(() -> recipients.find(mentor.id).map(Recipient::email).isPresent());
		String linkId = Fixtures.linkId();
		Instant expiresAt = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES);

		Events.Published invited = Events.publish(new ReturnInvited(mentor.id, Fixtures.unique("account"), previous,
				organisationId, next, linkId, expiresAt, Instant.now()));

		MimeMessage mail = awaitOne(mentor.email(), "return-invitation");
		assertThat(Mail.subject(mail)).isEqualTo("Vrnite se kot mentor/ica v programu Reg. Lab 2028");
		assertThat(Mail.part(mail, "text/plain").text()).contains("vabimo vas, da se vrnete kot mentor/ica")
			.contains("Povezava velja do: " + Links.dateTime(expiresAt, "sl", "Europe/Belgrade"))
			.contains(Links.PUBLIC_URL + RETURN_PAGE + "?token=");
		String token = Links.token(mail, RETURN_PAGE);
		assertThat(links.linkId("RETURN_AS_MENTOR", token)).as("a link for returning, and nothing else").contains(linkId);
		assertThat(links.linkId("SET_PASSWORD", token)).isEmpty();

		// the same event again: still one e-mail
		invited.again();
		Events.publish(mentor.passwordLink("RESET", Fixtures.linkId(), expiresAt));
		awaitOne(mentor.email(), "password-link");
		String key = Delivery.keyFor(invited.id(), mentor.id, Channel.EMAIL);
		eventually().until(() -> deliveries.findById(key).map(d -> d.status() == Delivery.Status.DELIVERED).orElse(false));
		assertThat(mails(mentor.email(), "return-invitation")).hasSize(1);
	}

}
