package com.kreativnomentorstvo.notifications.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.kreativnomentorstvo.events.sessions.SurveyAnswered;
import com.kreativnomentorstvo.events.sessions.SurveyRequested;
import com.kreativnomentorstvo.notifications.inbox.Notification;
import com.kreativnomentorstvo.notifications.recipient.Recipient;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.support.Events;
import com.kreativnomentorstvo.notifications.support.Fixtures;
import com.kreativnomentorstvo.notifications.support.Fixtures.Person;
import com.kreativnomentorstvo.notifications.support.Mail;
import com.kreativnomentorstvo.notifications.template.NotificationKind;

import jakarta.mail.internet.MimeMessage;

/**
 * A participant asked to answer a survey is told in her language (inbox and e-mail), and reminded
 * once three days before it is due, unless she answered first.
 */
class SurveyReminderIT extends ReminderSchedulersUnderTest {

	@Autowired
	RecipientDirectory recipients;

	@Test
	void sheIsToldOfASurveyAndRemindedOnceThreeDaysBeforeItIsDueUnlessSheAnswered() {
		Person mentee = enrolled("sr-Latn");
		Instant dueBy = clock.instant().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.SECONDS);
		SurveyRequested open = request(mentee, dueBy);
		SurveyRequested answered = request(mentee, dueBy);
		Events.publish(open);
		Events.publish(answered);

		MimeMessage mail = awaitOne(mentee.email(), "survey-requested");
		assertThat(Mail.subject(mail)).isEqualTo("Kratka anketa za Vas");
		assertThat(Mail.part(mail, "text/plain").text()).contains("/surveys/srq-");
		eventually().until(() -> told(mentee, open.requestId()).size() == 1 && told(mentee, answered.requestId()).size() == 1);
		eventually().until(() -> reminders.findBySubjectId(open.requestId()).size() == 1
				&& reminders.findBySubjectId(answered.requestId()).size() == 1);

		Events.publish(new SurveyAnswered(answered.requestId(), answered.surveyId(), answered.programmeId(),
				answered.organisationId(), mentee.id, clock.instant()));
		eventually().until(() -> reminders.findBySubjectId(answered.requestId()).get(0).status() == Reminder.Status.CANCELLED);
		Events.publish(open); // the request seen again plans nothing more

		clock.advanceTo(dueBy.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(1)));
		instance().fireDue();
		instance().fireDue();

		assertThat(told(mentee, open.requestId())).as("told, then reminded once").hasSize(2);
		assertThat(told(mentee, answered.requestId())).as("answered: not reminded").hasSize(1);
		assertThat(reminders.findBySubjectId(open.requestId())).singleElement()
			.satisfies(r -> assertThat(r.status()).isEqualTo(Reminder.Status.FIRED));
		assertThat(told(mentee, open.requestId()).get(0).details().respondBy()).isEqualTo(dueBy);
	}

	private SurveyRequested request(Person person, Instant dueBy) {
		return new SurveyRequested(Fixtures.unique("srq"), Fixtures.unique("svy"), person.programmeId,
				person.organisationId, person.id, "AFTER_SESSION", dueBy, clock.instant());
	}

	private List<Notification> told(Person person, String requestId) {
		return mongo.find(Query.query(Criteria.where("recipientId")
			.is(person.id)
			.and("kind")
			.is(NotificationKind.SURVEY_REQUESTED.code())
			.and("details.surveyRequestId")
			.is(requestId)), Notification.class);
	}

	private Person enrolled(String locale) {
		String programmeId = Fixtures.unique("programme");
		String organisationId = Fixtures.unique("org");
		Events.publish(Fixtures.programme(programmeId, organisationId, List.of(), null));
		Person mentee = Fixtures.aMentee(programmeId, organisationId).speaking(locale);
		Events.publish(mentee.enrolled());
		Events.publish(mentee.contact());
		eventually().until(() -> recipients.find(mentee.id).map(Recipient::email).isPresent());
		return mentee;
	}

}
