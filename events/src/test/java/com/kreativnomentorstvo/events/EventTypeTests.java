package com.kreativnomentorstvo.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.kreativnomentorstvo.events.participants.Skill;

class EventTypeTests {

	@ParameterizedTest
	@EnumSource(EventType.class)
	void aTypeIsFoundByItsTypeNameAndByItsRecord(EventType type) {
		assertThat(EventType.ofTypeName(type.typeName())).contains(type);
		assertThat(EventType.of(type.dataClass())).isEqualTo(type);
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void aTypeIsPublishedOnOneOfTheTopics(EventType type) {
		assertThat(Topics.ALL).contains(type.topic());
	}

	@Test
	void anUnknownTypeNameIsNotFound() {
		assertThat(EventType.ofTypeName("mentoring.match.renamed.v1")).isEmpty();
		assertThat(EventType.ofTypeName("mentoring.match.proposed.v2")).isEmpty();
	}

	@Test
	void aClassOutsideTheCatalogueIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> EventType.of(Skill.class))
			.withMessage(Skill.class.getName() + " is not in the event catalogue");
		assertThatIllegalArgumentException().isThrownBy(() -> EventType.of(String.class));
	}

	@Test
	void onlyTheContactsTopicIsCompacted() {
		assertThat(Topics.COMPACTED).containsExactly(Topics.PARTICIPANT_CONTACTS);
		assertThat(Topics.deadLetterTopic("matching-service")).isEqualTo("mentoring.dlt.matching-service");
	}

}
