package com.kreativnomentorstvo.sessions.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.events.matching.MentorshipEnded;
import com.kreativnomentorstvo.events.participants.ParticipantErased;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.sessions.support.IntegrationTest;
import com.kreativnomentorstvo.sessions.support.TestProgramme;
import com.kreativnomentorstvo.sessions.support.Upstream;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.http.Reply;
import com.kreativnomentorstvo.testkit.http.ServiceApi;

import tools.jackson.databind.JsonNode;

/**
 * The pair's private thread: the two write to each other and read it, nobody else does (another
 * mentee, a partner's or the organiser's coordinator, an administrator), each message is announced
 * to the other member without its text, a thread and a message have their limits, and a message
 * goes into its author's export and is deleted with her.
 */
class MessageThreadIT extends IntegrationTest {

	@Test
	void thePairWriteToEachOtherAndNobodyElseReadsIt() {
		TestProgramme programme = TestProgramme.announced();
		TestProgramme.Pair pair = startedPair(programme, 3);
		ServiceApi api = api();
		String thread = "/api/v1/mentorships/" + pair.mentorshipId() + "/messages";

		Reply first = api.post(thread, pair.menteeToken(), Map.of("text", "Zdravo Ana! When could we meet?"));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.header("Location")).isEqualTo(thread + "/" + first.text("id"));
		assertThat(first.text("authorId")).isEqualTo(pair.menteeId());
		assertThat(first.text("recipientId")).isEqualTo(pair.mentorId());
		assertThat(api.post(thread, pair.mentorToken(), Map.of("text", "Thursday at six?\nOnline is fine.")).status())
			.isEqualTo(201);
		assertThat(api.post(thread, pair.menteeToken(), Map.of("text", "Thursday it is.")).status()).isEqualTo(201);

		for (String member : List.of(pair.mentorToken(), pair.menteeToken())) {
			JsonNode read = api.get(thread, member).json();
			assertThat(read.get("total").asInt()).isEqualTo(3);
			assertThat(read.get("items").findValuesAsString("text")).as("newest first")
				.containsExactly("Thursday it is.", "Thursday at six?\nOnline is fine.", "Zdravo Ana! When could we meet?");
		}

		String stranger = programme.enrol(Role.MENTEE, "Europe/Zagreb", "Iva Horvat");
		awaitEnrolled(stranger);
		String strangerToken = tokens().participant(stranger, programme.organiser, "mentee");
		assertProblem(api.get(thread, strangerToken), 404);
		assertProblem(api.post(thread, strangerToken, Map.of("text", "hello")), 404);
		assertProblem(api.get(thread, programme.partnerCoordinatorToken()), 404);
		assertProblem(api.get(thread, programme.coordinatorToken()), 403);
		assertProblem(api.post(thread, programme.coordinatorToken(), Map.of("text", "hello")), 403);
		assertProblem(api.get(thread, tokens().admin("org-platform")), 403);

		// each message is announced to the other member; no event carries a text
		List<ConsumerRecord<String, byte[]>> posted = Awaitility.await("three messages announced")
			.atMost(PATIENCE)
			.until(() -> EventRecords.all(Topics.SESSIONS)
				.stream()
				.filter(record -> "mentoring.message.posted.v1".equals(EventRecords.header(record, "ce_type"))
						&& EventRecords.value(record).contains(pair.mentorshipId()))
				.toList(), records -> records.size() >= 3);
		assertThat(posted).extracting(EventRecords::value)
			.noneMatch(json -> json.contains("Thursday") || json.contains("Zdravo"))
			.anyMatch(json -> json.contains("\"recipientId\":\"" + pair.mentorId() + "\""))
			.anyMatch(json -> json.contains("\"recipientId\":\"" + pair.menteeId() + "\""));

		// the thread is full at the limit
		Reply full = api.post(thread, pair.mentorToken(), Map.of("text", "One more"));
		assertProblem(full, 409);
		assertThat(full.json().get("field").asString()).isEqualTo("messages");
		assertThat(full.json().get("limit").asInt()).isEqualTo(LIMIT);
	}

	@Test
	void aMessageIsPlainTextOfAtMostFourThousandCharactersAndNothingIsStoredOtherwise() {
		TestProgramme programme = TestProgramme.announced();
		TestProgramme.Pair pair = startedPair(programme, 3);
		String thread = "/api/v1/mentorships/" + pair.mentorshipId() + "/messages";
		for (Object text : new Object[] { "", "   ", "x".repeat(MessageController.MAX_TEXT + 1), "bell\u0007" }) {
			Reply refused = api().post(thread, pair.menteeToken(), Map.of("text", text));
			assertProblem(refused, 400);
			assertThat(refused.problemFields()).containsExactly("text");
		}
		assertProblem(api().post(thread, pair.menteeToken(), Map.of()), 400);
		assertThat(api().post(thread, pair.menteeToken(), Map.of("text", "y".repeat(MessageController.MAX_TEXT)))
			.status()).isEqualTo(201);
		assertThat(api().get(thread, pair.mentorToken()).json().get("total").asInt()).isEqualTo(1);
	}

	@Test
	void anEndedPairReadsItsThreadButWritesNoMore() {
		TestProgramme programme = TestProgramme.announced();
		TestProgramme.Pair pair = startedPair(programme, 3);
		String thread = "/api/v1/mentorships/" + pair.mentorshipId() + "/messages";
		assertThat(api().post(thread, pair.mentorToken(), Map.of("text", "Thank you for everything")).status())
			.isEqualTo(201);
		Upstream.publish(new MentorshipEnded(pair.mentorshipId(), programme.id, programme.organiser, pair.mentorId(),
				pair.menteeId(), "COMPLETED", Instant.now()));
		awaitMentorship(pair.mentorshipId(), json -> json.get("status").asString().equals("ENDED"));

		Reply late = api().post(thread, pair.menteeToken(), Map.of("text", "And thank you"));
		assertProblem(late, 409);
		assertThat(late.problemType()).endsWith("mentorship-ended");
		assertThat(api().get(thread, pair.menteeToken()).json().get("items").findValuesAsString("text"))
			.containsExactly("Thank you for everything");
	}

	@Test
	void herMessagesAreInHerExportAndErasedWithHer() {
		TestProgramme programme = TestProgramme.announced();
		TestProgramme.Pair pair = startedPair(programme, 3);
		String thread = "/api/v1/mentorships/" + pair.mentorshipId() + "/messages";
		api().post(thread, pair.menteeToken(), Map.of("text", "MENTEE-WROTE this"));
		api().post(thread, pair.mentorToken(), Map.of("text", "MENTOR-WROTE that"));

		JsonNode export = api()
			.get("/api/v1/participants/" + pair.menteeId() + "/personal-data/sessions", pair.menteeToken())
			.json();
		assertThat(export.at("/data/messages").findValuesAsString("text")).containsExactly("MENTEE-WROTE this");
		assertThat(export.at("/data/messages/0/recipientId").asString()).isEqualTo(pair.mentorId());

		Upstream.publish(new ParticipantErased(pair.menteeId(), programme.id, programme.organiser, Instant.now()));
		Awaitility.await("her messages erased")
			.atMost(PATIENCE)
			.until(() -> api().get(thread, pair.mentorToken()).json().get("items").findValuesAsString("text"),
					texts -> texts.equals(List.of("MENTOR-WROTE that")));
	}

}
