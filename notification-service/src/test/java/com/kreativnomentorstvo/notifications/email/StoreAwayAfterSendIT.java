package com.kreativnomentorstvo.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.kreativnomentorstvo.notifications.delivery.Deliveries;
import com.kreativnomentorstvo.notifications.delivery.Delivery;
import com.kreativnomentorstvo.notifications.recipient.Recipient;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.support.Events;
import com.kreativnomentorstvo.notifications.support.Fixtures;
import com.kreativnomentorstvo.notifications.support.Fixtures.Person;
import com.kreativnomentorstvo.notifications.support.Mail;
import com.kreativnomentorstvo.notifications.support.ServiceUnderTest;
import com.kreativnomentorstvo.notifications.support.Smtp;
import com.kreativnomentorstvo.notifications.support.StoreFaults;

import jakarta.mail.internet.MimeMessage;

/**
 * The store drops right after the SMTP server took an e-mail, so the delivery cannot be marked
 * sent: the e-mail is not sent again, and the delivery is marked sent once the store takes the
 * write, whether at the dispatcher's next pass or when the delivery is claimed again after its lease.
 */
class StoreAwayAfterSendIT extends ServiceUnderTest {

	private static final String KIND = "application-received";

	@Autowired
	RecipientDirectory recipients;

	@Autowired
	Deliveries deliveries;

	@Autowired
	MongoOperations mongo;

	@Autowired
	StoreFaults.MarkingSentRefused store;

	@Test
	void anEmailThatCouldNotBeMarkedSentIsMarkedAtTheNextPassAndNotSentAgain() {
		Person applicant = applicantWithAnAddress();
		store.refuse(applicant.id, 1);

		Events.publish(applicant.enrolled());

		eventually().until(() -> statuses(applicant).equals(List.of(Delivery.Status.DELIVERED)));
		assertThat(store.refused(applicant.id)).isEqualTo(1);
		assertThat(mails(applicant)).hasSize(1);
		Delivery delivery = deliveries.findByRecipientId(applicant.id, Pageable.unpaged()).getContent().get(0);
		assertThat(delivery.attempts()).isEqualTo(1);
		assertThat(delivery.address()).isEqualTo(applicant.email());
	}

	@Test
	void anEmailClaimedAgainAfterItsLeaseWhileTheStoreStillRefusesIsNotSentAgain() {
		Person applicant = applicantWithAnAddress();
		store.refuse(applicant.id, Integer.MAX_VALUE);
		try {
			Events.publish(applicant.enrolled());
			// sent; marking it sent refused then, and at the passes after
			eventually().until(() -> mails(applicant).size() == 1 && store.refused(applicant.id) >= 3);
			Date lease = leaseOf(applicant);

			clock.advance(Duration.ofMinutes(3)); // past mail.lease (2m): the delivery is due to be claimed again

			eventually().until(() -> leaseOf(applicant).after(lease));
			assertThat(mails(applicant)).hasSize(1);
		}
		finally {
			store.heal(applicant.id);
		}
		eventually().until(() -> statuses(applicant).equals(List.of(Delivery.Status.DELIVERED)));
		assertThat(mails(applicant)).hasSize(1);
	}

	/** An applicant whose address is known before her enrolment arrives, so that it is mailed at once. */
	private Person applicantWithAnAddress() {
		String programmeId = Fixtures.unique("programme");
		String organisationId = Fixtures.unique("org");
		Events.publish(Fixtures.programme(programmeId, organisationId, List.of(), null));
		Person applicant = Fixtures.aMentee(programmeId, organisationId).applying();
		Events.publish(applicant.contact());
		eventually().until(() -> recipients.find(applicant.id).map(Recipient::email).isPresent());
		return applicant;
	}

	private List<Delivery.Status> statuses(Person person) {
		return deliveries.findByRecipientId(person.id, Pageable.unpaged()).map(Delivery::status).toList();
	}

	private Date leaseOf(Person person) {
		Document delivery = mongo.findOne(Query.query(Criteria.where("recipientId").is(person.id)), Document.class,
				"deliveries");
		return delivery == null ? new Date(0) : delivery.getDate("leaseUntil");
	}

	private static List<MimeMessage> mails(Person person) {
		return Smtp.to(person.email())
			.stream()
			.filter(m -> KIND.equals(Mail.header(m, EmailComposer.KIND_HEADER)))
			.toList();
	}

}
