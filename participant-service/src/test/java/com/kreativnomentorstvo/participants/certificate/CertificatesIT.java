package com.kreativnomentorstvo.participants.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.kreativnomentorstvo.events.MentoringEvent;
import com.kreativnomentorstvo.events.matching.MentorshipEnded;
import com.kreativnomentorstvo.participants.support.Fixtures;
import com.kreativnomentorstvo.participants.support.ServiceIT;
import com.kreativnomentorstvo.platform.messaging.Inbox;
import com.kreativnomentorstvo.platform.outbox.OutboxEntries;
import com.kreativnomentorstvo.platform.outbox.OutboxRecords;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.http.Reply;

import tools.jackson.databind.JsonNode;

/**
 * From matching-service's "mentorship ended" to a certificate: both members of a completed
 * mentorship get one (a mentorship ended by a coordinator gives none); she and the coordinators of
 * her programme read her list and her PDF, nobody else; anyone checks a code without a token; her
 * export lists her certificates and her erasure takes them away.
 */
class CertificatesIT extends ServiceIT {

	private static final OutboxEntries MATCHING_SERVICE = new OutboxEntries("/test/matching-service",
			Clock.systemUTC(), () -> null);

	@Autowired
	Inbox inbox;

	String organiser;

	String partner;

	String programme;

	String suffix;

	String mentor;

	String mentee;

	@BeforeEach
	void aProgrammeNamedInSerbianLatinWithAMentorAndAMenteeWhoReadsCyrillic() {
		organiser = newOrganisation("RS");
		partner = newOrganisation("SI");
		// digits: a Cyrillic reader sees them as they are
		suffix = Long.toString(Long.parseLong(Fixtures.unique(), 16));
		programme = newProgramme(Fixtures.aProgramme(organiser, partner)
			.with("names", Map.of("sr-Latn", "Regionalna laboratorija " + suffix, "hr", "Regionalni laboratorij " + suffix)));
		mentor = enrol(Fixtures.aMentor(programme, organiser));
		mentee = enrol(Fixtures.aMentee(programme, partner).with("preferredLocale", "sr-Cyrl"));
	}

	@Test
	void bothMembersOfACompletedMentorshipGetACertificateAndAMentorshipEndedByACoordinatorGivesNone() {
		String otherMentor = enrol(Fixtures.aMentor(programme, organiser));
		String otherMentee = enrol(Fixtures.aMentee(programme, organiser));
		String ended = publish(ended(otherMentor, otherMentee, "ENDED_BY_COORDINATOR"));
		publish(ended(mentor, mentee, "COMPLETED"));

		JsonNode hers = await().atMost(Duration.ofSeconds(30))
			.until(() -> list(mentee, menteeToken()), reply -> reply.status() == 200 && reply.json().size() == 1)
			.json()
			.get(0);
		assertThat(hers.path("programmeId").asString()).isEqualTo(programme);
		assertThat(hers.path("role").asString()).isEqualTo("MENTEE");
		assertThat(hers.path("code").asString()).matches("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){2}");
		assertThat(hers.path("verificationUrl").asString()).endsWith("/api/v1/certificates/" + hers.path("code").asString());
		JsonNode his = await().atMost(Duration.ofSeconds(30))
			.until(() -> list(mentor, mentorToken()), reply -> reply.json().size() == 1)
			.json()
			.get(0);
		assertThat(his.path("role").asString()).isEqualTo("MENTOR");
		assertThat(his.path("code").asString()).isNotEqualTo(hers.path("code").asString());

		await().atMost(Duration.ofSeconds(30)).until(() -> inbox.hasApplied("participant-service", ended));
		assertThat(list(otherMentee, TOKENS.participant(otherMentee, organiser, "mentee")).json().size()).isZero();
		assertThat(list(otherMentor, TOKENS.participant(otherMentor, organiser, "mentor")).json().size()).isZero();
	}

	@Test
	void aSecondCompletedMentorshipOfTheMentorKeepsHerOneCertificate() {
		publish(ended(mentor, mentee, "COMPLETED"));
		String code = await().atMost(Duration.ofSeconds(30))
			.until(() -> list(mentor, mentorToken()), reply -> reply.json().size() == 1)
			.json().get(0).path("code").asString();
		String otherMentee = enrol(Fixtures.aMentee(programme, organiser));

		String second = publish(ended(mentor, otherMentee, "COMPLETED"));

		await().atMost(Duration.ofSeconds(30)).until(() -> inbox.hasApplied("participant-service", second));
		Reply mine = list(mentor, mentorToken());
		assertThat(mine.json().size()).isEqualTo(1);
		assertThat(mine.json().get(0).path("code").asString()).isEqualTo(code);
		assertThat(list(otherMentee, TOKENS.participant(otherMentee, organiser, "mentee")).json().size()).isEqualTo(1);
	}

	@Test
	void sheAndHerCoordinatorsGetThePdfInHerLanguageAndNobodyElse() throws Exception {
		publish(ended(mentor, mentee, "COMPLETED"));
		await().atMost(Duration.ofSeconds(30)).until(() -> list(mentee, menteeToken()).json().size() == 1);
		String path = "/api/v1/participants/" + mentee + "/certificates/" + programme;

		HttpResponse<byte[]> hers = pdf(path, menteeToken(), null);
		assertThat(hers.statusCode()).isEqualTo(200);
		assertThat(hers.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(hers.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				disposition -> assertThat(disposition).contains("filename=\"certificate-" + programme + "-sr-Cyrl.pdf\""));
		String name = api.get("/api/v1/participants/" + mentee, menteeToken()).text("displayName");
		assertThat(textOf(hers.body())).as("her preferred language is Serbian in Cyrillic")
			.contains(name, "Регионална лабораторија " + suffix, "Потврда о учешћу", "Organisation " + organiser,
					"Organisation " + partner);

		HttpResponse<byte[]> stewards = pdf(path + "?lang=hr", TOKENS.coordinator(partner), null);
		assertThat(stewards.statusCode()).isEqualTo(200);
		assertThat(textOf(stewards.body())).contains(name, "Regionalni laboratorij " + suffix, "Potvrda o sudjelovanju");
		HttpResponse<byte[]> organisers = pdf(path, TOKENS.coordinator(organiser), "en-GB,en;q=0.8");
		assertThat(organisers.statusCode()).isEqualTo(200);
		assertThat(textOf(organisers.body())).contains("Certificate of participation");

		String stranger = TOKENS.coordinator(newOrganisation("HR"));
		String otherMentee = enrol(Fixtures.aMentee(programme, partner));
		assertThat(pdf(path, stranger, null).statusCode()).as("another organisation's coordinator").isEqualTo(404);
		assertThat(pdf(path, TOKENS.participant(otherMentee, partner, "mentee"), null).statusCode())
			.as("another mentee").isEqualTo(404);
		assertThat(pdf(path, mentorToken(), null).statusCode()).as("her mentor sees her card, not her certificate")
			.isEqualTo(404);
		assertThat(pdf(path, null, null).statusCode()).as("no token").isEqualTo(401);
		assertThat(list(mentee, stranger).status()).isEqualTo(404);
		assertThat(list(mentee, TOKENS.participant(otherMentee, partner, "mentee")).status()).isEqualTo(404);

		Reply none = api.get("/api/v1/participants/" + mentee + "/certificates/prog-elsewhere", menteeToken());
		assertThat(none.status()).isEqualTo(404);
		assertThat(none.isProblem()).isTrue();
		Reply badLanguage = api.get(path + "?lang=de", menteeToken());
		assertThat(badLanguage.status()).isEqualTo(400);
		assertThat(badLanguage.problemFields()).containsExactly("lang");
	}

	@Test
	void anyoneChecksACodeWithoutATokenUntilSheIsErased() {
		publish(ended(mentor, mentee, "COMPLETED"));
		String code = await().atMost(Duration.ofSeconds(30))
			.until(() -> list(mentee, menteeToken()), reply -> reply.json().size() == 1)
			.json().get(0).path("code").asString();
		String name = api.get("/api/v1/participants/" + mentee, menteeToken()).text("displayName");

		Reply verified = api.get("/api/v1/certificates/" + code, null);
		assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
		List<String> fields = new ArrayList<>(verified.json().propertyNames());
		assertThat(fields).as("nothing else: no address, no ids")
			.containsExactlyInAnyOrder("person", "programme", "role", "completedOn", "organiser", "partners");
		assertThat(verified.text("person")).isEqualTo(name);
		assertThat(verified.text("role")).isEqualTo("MENTEE");
		assertThat(verified.text("organiser")).isEqualTo("Organisation " + organiser);
		assertThat(verified.json().path("partners").get(0).asString()).isEqualTo("Organisation " + partner);
		assertThat(verified.text("programme")).startsWith("Regional mentoring ");
		assertThat(api.get("/api/v1/certificates/" + code.toLowerCase() + "?lang=sr-Cyrl", null).text("programme"))
			.isEqualTo("Регионална лабораторија " + suffix);
		assertThat(api.get("/api/v1/certificates/ABCD-EFGH-JKLM", null).status()).isEqualTo(404);

		Reply export = api.get("/api/v1/participants/" + mentee + "/export", menteeToken());
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.json().path("certificates").get(0).path("code").asString()).isEqualTo(code);
		assertThat(export.json().path("certificates").get(0).path("programmeId").asString()).isEqualTo(programme);

		assertThat(api.delete("/api/v1/participants/" + mentee, menteeToken()).status()).isEqualTo(204);

		assertThat(api.get("/api/v1/certificates/" + code, null).status()).isEqualTo(404);
		assertThat(mongo.getCollection("certificates").countDocuments(new org.bson.Document("participantId", mentee)))
			.isZero();
	}

	@Test
	void oneClientChecksAtMostSixtyCodesAnHour() {
		// a network address of its own (the gateway's X-Forwarded-For), so that no other test shares its bucket
		Map<String, String> client = Map.of("X-Forwarded-For", "client-" + Fixtures.unique() + ", 10.0.0.1");
		for (int i = 0; i < 60; i++) {
			assertThat(api.get("/api/v1/certificates/ABCD-EFGH-JKLM", null, client).status()).isEqualTo(404);
		}

		Reply refused = api.get("/api/v1/certificates/ABCD-EFGH-JKLM", null, client);

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.problemFields()).containsExactly("client");
		assertThat(refused.header("Retry-After")).isNotBlank();
		assertThat(api.get("/api/v1/certificates/ABCD-EFGH-JKLM", null).status()).as("another client").isEqualTo(404);
	}

	private String menteeToken() {
		return TOKENS.participant(mentee, partner, "mentee");
	}

	private String mentorToken() {
		return TOKENS.participant(mentor, organiser, "mentor");
	}

	private Reply list(String participantId, String token) {
		return api.get("/api/v1/participants/" + participantId + "/certificates", token);
	}

	private HttpResponse<byte[]> pdf(String path, String token, String acceptLanguage)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.url(path))).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (acceptLanguage != null) {
			request.header("Accept-Language", acceptLanguage);
		}
		return api.client().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private MentorshipEnded ended(String mentorId, String menteeId, String reason) {
		return new MentorshipEnded("mship-" + Fixtures.unique(), programme, organiser, mentorId, menteeId, reason,
				Instant.now());
	}

	private static String textOf(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	private static String publish(MentoringEvent event) {
		var entry = MATCHING_SERVICE.entryFor(event);
		EventRecords.send(OutboxRecords.toRecord(entry));
		return entry.eventId();
	}

}
