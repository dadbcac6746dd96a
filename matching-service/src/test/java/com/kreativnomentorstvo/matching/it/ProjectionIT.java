package com.kreativnomentorstvo.matching.it;

import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentee;
import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.kreativnomentorstvo.events.participants.ParticipantErased;
import com.kreativnomentorstvo.events.participants.ParticipantProfileUpdated;
import com.kreativnomentorstvo.matching.fixture.Profiles;
import com.kreativnomentorstvo.platform.messaging.Inbox;
import com.kreativnomentorstvo.platform.security.AccountEnrolments;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;

/**
 * The projection follows participant-service: newest version wins, an enrolment keeps its account,
 * erasure is final.
 */
class ProjectionIT extends MatchingIntegrationTest {

	@Autowired
	Inbox inbox;

	@Autowired
	AccountEnrolments enrolments;

	@Test
	void aProfileVersionArrivingAfterANewerOneChangesNothing() {
		TestProgramme programme = aProgramme();
		Profiles vesna = aMentor().capacity(1);
		enrol(programme, vesna);
		publish(new ParticipantProfileUpdated(vesna.capacity(3).published(), 5, Instant.now()));
		await().atMost(PATIENCE).until(() -> freePlaces(programme, vesna) == 3);

		String late = publish(new ParticipantProfileUpdated(vesna.capacity(1).published(), 2, Instant.now()));

		await().atMost(PATIENCE).until(() -> inbox.hasApplied("matching-service", late));
		assertThat(freePlaces(programme, vesna)).isEqualTo(3);
	}

	@Test
	void anErasedParticipantIsForgottenByTheProjectionAndByEveryRun() {
		TestProgramme programme = aProgramme();
		Profiles ana = aMentee();
		Profiles boris = aMentee();
		Profiles vesna = aMentor();
		enrol(programme, ana, boris, vesna);
		String runId = api().post(runs(programme), coordinator(programme), Map.of()).text("id");

		String erased = publish(new ParticipantErased(ana.id(), programme.id(), "org", Instant.now()));

		await().atMost(PATIENCE).until(() -> inbox.hasApplied("matching-service", erased));
		assertThat(participants.findById(ana.id())).hasValueSatisfying(p -> {
			assertThat(p.isErased()).isTrue();
			assertThat(p.profile().languages()).isEmpty();
			assertThat(p.profile().country()).isNull();
		});
		Reply run = api().get(runs(programme) + "/" + runId, coordinator(programme));
		assertThat(run.json().get("summary").get("erasedSince")).extracting(node -> node.asString())
			.containsExactly(ana.id());
		Reply rerun = api().post(runs(programme), coordinator(programme), Map.of("basedOn", runId));
		assertThat(rerun.json().get("summary").get("mentees").asInt()).isEqualTo(1);
		assertThat(api().get("/api/v1/participants/" + ana.id() + "/recommendations", coordinator(programme)).status())
			.isEqualTo(404);
		// a late profile update cannot bring her back
		publish(new ParticipantProfileUpdated(ana.published(), 99, Instant.now()));
		Reply fresh = api().post(runs(programme), coordinator(programme), Map.of());
		assertThat(fresh.json().get("summary").get("mentees").asInt()).isEqualTo(1);
	}

	@Test
	void anEnrolmentKeepsItsAccountThroughProfilesWithoutOneUntilSheIsErased() {
		TestProgramme programme = aProgramme();
		Profiles ana = aMentee();
		enrol(programme, ana);
		String account = TestTokens.accountOf(ana.id());

		String withoutAccount = publish(
				new ParticipantProfileUpdated(ana.withoutAccount().published(), 3, Instant.now()));
		await().atMost(PATIENCE).until(() -> inbox.hasApplied("matching-service", withoutAccount));

		assertThat(participants.findById(ana.id()))
			.hasValueSatisfying(p -> assertThat(p.getAccountId()).isEqualTo(account));
		assertThat(enrolments.of(account)).containsExactly(ana.id());
		String erased = publish(new ParticipantErased(ana.id(), programme.id(), "org", Instant.now()));
		await().atMost(PATIENCE).until(() -> inbox.hasApplied("matching-service", erased));
		assertThat(participants.findById(ana.id())).hasValueSatisfying(p -> assertThat(p.getAccountId()).isNull());
		assertThat(enrolments.of(account)).isEmpty();
	}

	private int freePlaces(TestProgramme programme, Profiles mentor) {
		Reply run = api().post(runs(programme), coordinator(programme), Map.of());
		return run.json().get("summary").get("places").asInt();
	}

	private static String runs(TestProgramme programme) {
		return "/api/v1/programmes/" + programme.id() + "/matching-runs";
	}

}
