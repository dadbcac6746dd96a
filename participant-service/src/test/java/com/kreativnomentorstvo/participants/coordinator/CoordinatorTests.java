package com.kreativnomentorstvo.participants.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import com.kreativnomentorstvo.events.EventJson;
import com.kreativnomentorstvo.events.participants.CoordinatorAppointed;
import com.kreativnomentorstvo.events.participants.CoordinatorContactChanged;
import com.kreativnomentorstvo.events.participants.CoordinatorRemoved;
import com.kreativnomentorstvo.events.participants.PasswordLinkIssued;
import com.kreativnomentorstvo.platform.web.ConflictException;

/** The coordinator aggregate: appointed, corrected, sent links, removed (her erasure), appointed again. */
class CoordinatorTests {

	private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

	private static final Instant LATER = NOW.plusSeconds(3600);

	@Test
	void anAppointmentAnnouncesHerContactOnTheContactsTopicAndTheAppointmentWithoutIt() {
		Coordinator coordinator = aCoordinator("lnk-1");

		assertThat(coordinator.recordedEvents()).containsExactly(
				new CoordinatorContactChanged("acc-ana", "org-kk", "Ana Petrović", "ana@kk.example.org", "sr-Latn",
						NOW),
				new CoordinatorAppointed("acc-ana", "org-kk", "lnk-1", NOW.plusSeconds(604800), NOW));
		assertThat(new String(EventJson.write(coordinator.recordedEvents().get(1)))).doesNotContain("Ana")
			.doesNotContain("@");
		assertThat(coordinator.getAppointedBy()).isEqualTo("admin@org-platform");
		assertThat(coordinator.coordinates("org-kk")).isTrue();
		assertThat(coordinator.coordinates("org-other")).isFalse();
	}

	@Test
	void anAccountWithAPasswordIsAppointedWithoutALink() {
		Coordinator coordinator = Coordinator.appoint("acc-ana", "org-kk", "Ana", "ana@kk.example.org", "hr", null,
				NOW.plusSeconds(60), "admin", NOW);

		assertThat(coordinator.recordedEvents()).last()
			.isEqualTo(new CoordinatorAppointed("acc-ana", "org-kk", null, null, NOW));
	}

	@Test
	void anAppointmentNeedsANameAnAddressAndASupportedLanguage() {
		assertThatThrownBy(() -> Coordinator.appoint("acc-1", "org-kk", " ", "a@kk.example.org", "en", null, null,
				"admin", NOW)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Coordinator.appoint("acc-1", "org-kk", "Ana", "nobody", "en", null, null, "admin",
				NOW)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Coordinator.appoint("acc-1", "org-kk", "Ana", "a@kk.example.org", "de", null, null,
				"admin", NOW)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Coordinator.appoint(null, "org-kk", "Ana", "a@kk.example.org", "en", null, null,
				"admin", NOW)).isInstanceOf(NullPointerException.class);
	}

	@Test
	void aChangedNameOrLanguageIsANewContactAndTheSameOnesAreNothing() {
		Coordinator coordinator = aCoordinator(null);

		assertThat(coordinator.changeContact("Ana Petrović", "ana@kk.example.org", "sr-Latn", LATER)).isFalse();
		assertThat(coordinator.changeContact("Ana Petrović Ilić", "ana@kk.example.org", "sr-Cyrl", LATER)).isTrue();

		assertThat(coordinator.getDisplayName()).isEqualTo("Ana Petrović Ilić");
		assertThat(coordinator.getUpdatedAt()).isEqualTo(LATER);
		assertThat(coordinator.recordedEvents()).hasSize(3)
			.last()
			.isEqualTo(new CoordinatorContactChanged("acc-ana", "org-kk", "Ana Petrović Ilić", "ana@kk.example.org",
					"sr-Cyrl", LATER));
		assertThat(coordinator.changeContact("Ana", "ana.new@kk.example.org", "sr-Cyrl", LATER)).isTrue();
		assertThatThrownBy(() -> coordinator.changeContact("Ana", "ana@kk.example.org", "xx", LATER))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aPasswordLinkGoesToHerAccountIdForNoProgramme() {
		Coordinator coordinator = aCoordinator(null);

		coordinator.passwordLinkIssued("RESET", "lnk-r", LATER, NOW);
		coordinator.passwordLinkIssued("INVITATION", "lnk-i", LATER, NOW);

		assertThat(coordinator.recordedEvents()).filteredOn(PasswordLinkIssued.class::isInstance).containsExactly(
				new PasswordLinkIssued("acc-ana", "acc-ana", null, "org-kk", "RESET", "lnk-r", LATER, NOW),
				new PasswordLinkIssued("acc-ana", "acc-ana", null, "org-kk", "INVITATION", "lnk-i", LATER, NOW));
		assertThatThrownBy(() -> coordinator.passwordLinkIssued("WELCOME", "lnk-x", LATER, NOW))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void removalErasesHerContactDetailsAndAwaitsHerTombstone() {
		Coordinator coordinator = aCoordinator(null);

		assertThat(coordinator.remove(LATER)).isTrue();

		assertThat(coordinator.isRemoved()).isTrue();
		assertThat(coordinator.isTombstonePending()).isTrue();
		assertThat(coordinator.coordinates("org-kk")).isFalse();
		assertThat(coordinator.getDisplayName()).isNull();
		assertThat(coordinator.getEmail()).isNull();
		assertThat(coordinator.getPreferredLocale()).isNull();
		assertThat(coordinator.getAppointedBy()).isNull();
		assertThat(coordinator.getOrganisationId()).isEqualTo("org-kk");
		assertThat(coordinator.getRemovedAt()).isEqualTo(LATER);
		assertThat(coordinator.recordedEvents()).last().isEqualTo(new CoordinatorRemoved("acc-ana", "org-kk", LATER));
	}

	@Test
	void removingTwiceChangesNothing() {
		Coordinator coordinator = aCoordinator(null);
		coordinator.remove(LATER);

		assertThat(coordinator.remove(LATER.plusSeconds(5))).isFalse();

		assertThat(coordinator.getRemovedAt()).isEqualTo(LATER);
		assertThat(coordinator.recordedEvents()).filteredOn(CoordinatorRemoved.class::isInstance).hasSize(1);
	}

	@Test
	void aRemovedCoordinatorIsNeitherCorrectedNorSentLinks() {
		Coordinator coordinator = aCoordinator(null);
		coordinator.remove(LATER);

		assertThatThrownBy(() -> coordinator.changeContact("Ana", "ana@kk.example.org", "en", LATER))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> coordinator.passwordLinkIssued("RESET", "lnk-r", LATER, LATER))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aCoordinatorInOfficeIsNotAppointedAgain() {
		Coordinator coordinator = aCoordinator(null);

		assertThatThrownBy(() -> coordinator.reappoint("org-kk", "Ana", "ana@kk.example.org", "en", null, null,
				"admin", LATER))
			.isInstanceOfSatisfying(ConflictException.class,
					conflict -> assertThat(conflict.code()).isEqualTo("already-appointed"));
	}

	@Test
	void aRemovedCoordinatorIsAppointedAgainOnlyOnceHerTombstoneIsWritten() {
		Coordinator coordinator = aCoordinator(null);
		coordinator.remove(LATER);

		assertThatThrownBy(() -> coordinator.reappoint("org-other", "Ana", "ana@kk.example.org", "en", null, null,
				"admin", LATER))
			.isInstanceOfSatisfying(ConflictException.class, conflict -> {
				assertThat(conflict.code()).isEqualTo("removal-in-progress");
				assertThat(conflict.fields()).extracting(f -> f.field()).containsExactly("email");
			});
	}

	@Test
	void aRemovedCoordinatorWhoseTombstoneIsWrittenIsAppointedAgainForAnyOrganisation() {
		Coordinator coordinator = Coordinator.appoint("acc-ana", "org-kk", "Ana", "ana@kk.example.org", "en", null,
				null, "admin", NOW);
		coordinator.remove(LATER);
		tombstoneWritten(coordinator);
		Instant again = LATER.plusSeconds(60);

		coordinator.reappoint("org-other", "Ana P.", "ana@kk.example.org", "mk", "lnk-2", again.plusSeconds(60),
				"coordinator@org-other", again);

		assertThat(coordinator.isRemoved()).isFalse();
		assertThat(coordinator.isTombstonePending()).isFalse();
		assertThat(coordinator.coordinates("org-other")).isTrue();
		assertThat(coordinator.getAppointedAt()).isEqualTo(again);
		assertThat(coordinator.getAppointedBy()).isEqualTo("coordinator@org-other");
		assertThat(coordinator.recordedEvents()).endsWith(
				new CoordinatorContactChanged("acc-ana", "org-other", "Ana P.", "ana@kk.example.org", "mk", again),
				new CoordinatorAppointed("acc-ana", "org-other", "lnk-2", again.plusSeconds(60), again));
	}

	private static Coordinator aCoordinator(String passwordLinkId) {
		return Coordinator.appoint("acc-ana", "org-kk", "Ana Petrović", "ana@kk.example.org", "sr-Latn",
				passwordLinkId, NOW.plusSeconds(604800), "admin@org-platform", NOW);
	}

	/** What the tombstone relay does to the stored record once the broker has the tombstone. */
	private static void tombstoneWritten(Coordinator coordinator) {
		ReflectionTestUtils.setField(coordinator, "tombstonePending", null);
	}

}
