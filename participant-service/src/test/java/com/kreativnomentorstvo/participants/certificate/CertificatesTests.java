package com.kreativnomentorstvo.participants.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexResolver;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;

import com.kreativnomentorstvo.events.matching.MentorshipEnded;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.participants.participant.Participant;
import com.kreativnomentorstvo.participants.participant.Participants;
import com.kreativnomentorstvo.participants.programme.Programme;
import com.kreativnomentorstvo.participants.programme.Programmes;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Issuing: both members of a completed mentorship get one certificate each, with a code of their
 * own; the same event again, or a mentor's second completed mentorship of the programme, issues
 * nothing more; a mentorship that ended otherwise, and an erased person, get none. On a store that
 * speaks MongoDB's protocol (in memory), with the unique index on the code.
 */
class CertificatesTests {

	private static final Instant ENDED = Instant.parse("2027-07-10T21:30:00Z");

	private MongoServer server;

	private MongoClient client;

	private MongoTemplate mongo;

	private final Participants participants = mock(Participants.class);

	private final Programmes programmes = mock(Programmes.class);

	private Certificates certificates;

	@BeforeEach
	void aStoreAndAProgrammeWithTwoMentorsAndTwoMentees() {
		server = new MongoServer(new MemoryBackend());
		client = MongoClients.create("mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort());
		mongo = new MongoTemplate(client, "certificates-tests");
		IndexResolver indexes = new MongoPersistentEntityIndexResolver(mongo.getConverter().getMappingContext());
		indexes.resolveIndexFor(Certificate.class).forEach(mongo.indexOps(Certificate.class)::createIndex);
		Programme programme = mock(Programme.class);
		when(programme.dateAt(ENDED)).thenReturn(LocalDate.of(2027, 7, 10));
		when(programmes.findById("prog-1")).thenReturn(Optional.of(programme));
		for (String id : new String[] { "mentor-1", "mentee-1", "mentee-2" }) {
			Participant participant = mock(Participant.class);
			when(participant.getProgrammeId()).thenReturn("prog-1");
			when(participants.findById(id)).thenReturn(Optional.of(participant));
		}
		certificates = new Certificates(mongo, participants, programmes, Clock.fixed(ENDED, ZoneOffset.UTC));
	}

	@AfterEach
	void stop() {
		client.close();
		server.shutdown();
	}

	@Test
	void aCompletedMentorshipCertifiesBothMembersOnce() {
		MentorshipEnded completed = ended("mship-1", "mentee-1", "COMPLETED");

		certificates.mentorshipEnded(completed);
		certificates.mentorshipEnded(completed);

		Certificate mentor = certificates.find("mentor-1", "prog-1").orElseThrow();
		Certificate mentee = certificates.find("mentee-1", "prog-1").orElseThrow();
		assertThat(mentor.role()).isEqualTo(Role.MENTOR);
		assertThat(mentee.role()).isEqualTo(Role.MENTEE);
		assertThat(mentee.completedOn()).isEqualTo(LocalDate.of(2027, 7, 10));
		assertThat(mentor.code()).isNotEqualTo(mentee.code());
		assertThat(VerificationCodes.isWellFormed(mentor.code())).isTrue();
		assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), Certificate.class)).isEqualTo(2);
	}

	@Test
	void aMentorsSecondCompletedMentorshipInTheProgrammeIssuesNoSecondCertificate() {
		certificates.mentorshipEnded(ended("mship-1", "mentee-1", "COMPLETED"));
		String code = certificates.find("mentor-1", "prog-1").orElseThrow().code();

		certificates.mentorshipEnded(ended("mship-2", "mentee-2", "COMPLETED"));

		assertThat(certificates.of("mentor-1")).singleElement().satisfies(certificate -> {
			assertThat(certificate.code()).isEqualTo(code);
			assertThat(certificate.mentorshipId()).isEqualTo("mship-1");
		});
		assertThat(certificates.of("mentee-2")).hasSize(1);
	}

	@Test
	void aMentorshipEndedOtherwiseCertifiesNobody() {
		certificates.mentorshipEnded(ended("mship-1", "mentee-1", "ENDED_BY_COORDINATOR"));
		certificates.mentorshipEnded(ended("mship-2", "mentee-2", "PARTICIPANT_WITHDRAWN"));

		assertThat(certificates.of("mentor-1")).isEmpty();
		assertThat(certificates.of("mentee-1")).isEmpty();
	}

	@Test
	void anErasedPersonGetsNoneAndErasureTakesThemAway() {
		when(participants.findById("mentee-1").orElseThrow().isErased()).thenReturn(true);

		certificates.mentorshipEnded(ended("mship-1", "mentee-1", "COMPLETED"));

		assertThat(certificates.of("mentee-1")).isEmpty();
		String code = certificates.find("mentor-1", "prog-1").orElseThrow().code();
		certificates.forget("mentor-1");
		assertThat(certificates.byCode(code)).isEmpty();
		assertThat(certificates.heldBy("mentor-1")).isEmpty();
	}

	private static MentorshipEnded ended(String mentorshipId, String menteeId, String reason) {
		return new MentorshipEnded(mentorshipId, "prog-1", "org-1", "mentor-1", menteeId, reason, ENDED);
	}

}
