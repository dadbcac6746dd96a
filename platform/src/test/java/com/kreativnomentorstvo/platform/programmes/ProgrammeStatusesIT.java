package com.kreativnomentorstvo.platform.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.kreativnomentorstvo.events.participants.ProgrammeCreated;
import com.kreativnomentorstvo.events.participants.ProgrammeDetails;
import com.kreativnomentorstvo.events.participants.ProgrammeStatus;
import com.kreativnomentorstvo.events.participants.ProgrammeStatusChanged;
import com.kreativnomentorstvo.platform.fixture.PlatformTestApplication;
import com.kreativnomentorstvo.platform.messaging.EventMetadata;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.testkit.WithPlatformInfrastructure;

@SpringBootTest(classes = PlatformTestApplication.class)
@WithPlatformInfrastructure
class ProgrammeStatusesIT {

	private static final EventMetadata METADATA = new EventMetadata("e", "t", "/test", "s", Instant.now(), null, null,
			null, "topic", 0, 0);

	private static final Instant T0 = Instant.parse("2026-09-01T00:00:00Z");

	@Autowired
	ProgrammeStatuses statuses;

	@Autowired
	ProgrammeDirectory directory;

	@Test
	void theLatestMoveWinsWhateverOrderTheEventsArriveIn() {
		String id = "programme-" + UUID.randomUUID();

		assertThat(statuses.changed(moved(id, ProgrammeStatus.CLOSED, ProgrammeStatus.ARCHIVED, T0.plusSeconds(60))))
			.isTrue();
		assertThat(statuses.changed(moved(id, ProgrammeStatus.RUNNING, ProgrammeStatus.CLOSED, T0))).isFalse();
		assertThat(statuses.changed(moved(id, ProgrammeStatus.CLOSED, ProgrammeStatus.ARCHIVED, T0.plusSeconds(60))))
			.as("a redelivery")
			.isTrue();

		assertThat(statuses.of(id)).isEqualTo(ProgrammeStatus.ARCHIVED);
		assertThat(statuses.isArchived(id)).isTrue();
		assertThatThrownBy(() -> statuses.requireChangeable(id)).isInstanceOf(ConflictException.class);
	}

	@Test
	void withoutAMoveTheStatusItsLastAnnouncementCarriedCounts() {
		ProgrammeDetails archived = withStatus(ProgrammeStatus.ARCHIVED);
		ProgrammeDetails running = withStatus(ProgrammeStatus.RUNNING);
		directory.created(new ProgrammeCreated(archived, Instant.now()), METADATA);
		directory.created(new ProgrammeCreated(running, Instant.now()), METADATA);

		assertThat(statuses.of(archived.programmeId())).isEqualTo(ProgrammeStatus.ARCHIVED);
		assertThat(statuses.of(directory.find(archived.programmeId()).orElseThrow()))
			.isEqualTo(ProgrammeStatus.ARCHIVED);
		assertThatThrownBy(() -> statuses.requireChangeable(archived.programmeId()))
			.isInstanceOf(ConflictException.class);
		assertThatCode(() -> statuses.requireChangeable(running.programmeId())).doesNotThrowAnyException();
		assertThat(statuses.isArchived(running.programmeId())).isFalse();

		statuses.changed(moved(running.programmeId(), ProgrammeStatus.RUNNING, ProgrammeStatus.ARCHIVED, T0));
		assertThat(statuses.of(directory.find(running.programmeId()).orElseThrow()))
			.as("a move outranks the announcement")
			.isEqualTo(ProgrammeStatus.ARCHIVED);
	}

	@Test
	void anUnknownProgrammeHasNoStatusAndRestrictsNothing() {
		assertThat(statuses.of("programme-" + UUID.randomUUID())).isNull();
		assertThat(statuses.of((String) null)).isNull();
		assertThat(statuses.isArchived("programme-unknown")).isFalse();
		assertThatCode(() -> statuses.requireChangeable("programme-unknown")).doesNotThrowAnyException();
	}

	private static ProgrammeStatusChanged moved(String id, ProgrammeStatus from, ProgrammeStatus to, Instant at) {
		return new ProgrammeStatusChanged(id, "org-a", from, to, ProgrammeStatusChanged.BY_COORDINATOR, at);
	}

	private static ProgrammeDetails withStatus(ProgrammeStatus status) {
		ProgrammeDetails details = ProgrammeDirectoryIT.details("Statused", "org-a", List.of());
		return new ProgrammeDetails(details.programmeId(), details.organiserId(), details.partnerIds(), details.name(),
				details.startsOn(), details.endsOn(), details.timeZone(), details.languages(), details.milestones(),
				details.enrolmentOpensOn(), details.enrolmentClosesOn(), details.taxonomy(), details.matchingPolicy(),
				null, status);
	}

}
