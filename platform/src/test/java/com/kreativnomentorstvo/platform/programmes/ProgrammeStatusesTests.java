package com.kreativnomentorstvo.platform.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.kreativnomentorstvo.events.participants.ProgrammeStatus;
import com.kreativnomentorstvo.platform.web.ConflictException;

class ProgrammeStatusesTests {

	@Test
	void anArchivedProgrammeRefusesChangesNamingItsStatus() {
		ConflictException refused = catchThrowableOfType(ConflictException.class,
				() -> ProgrammeStatuses.requireChangeable(ProgrammeStatus.ARCHIVED));

		assertThat(refused).isNotNull();
		assertThat(refused.code()).isEqualTo("programme-archived");
		assertThat(refused.text().key()).isEqualTo("programme.archived");
		assertThat(refused.fields()).extracting(field -> field.field()).containsExactly("status");
	}

	@ParameterizedTest
	@EnumSource(value = ProgrammeStatus.class, names = "ARCHIVED", mode = EnumSource.Mode.EXCLUDE)
	void everyOtherStatusTakesChanges(ProgrammeStatus status) {
		assertThatCode(() -> ProgrammeStatuses.requireChangeable(status)).doesNotThrowAnyException();
	}

	@Test
	void aProgrammeNeverGivenAStatusTakesChanges() {
		assertThatCode(() -> ProgrammeStatuses.requireChangeable((ProgrammeStatus) null)).doesNotThrowAnyException();
	}

}
