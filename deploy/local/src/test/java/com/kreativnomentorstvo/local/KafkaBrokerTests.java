package com.kreativnomentorstvo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class KafkaBrokerTests {

	@Test
	void clusterIdsAreTwentyTwoUrlSafeCharactersThatTheStorageToolCannotMistakeForAnOption() {
		IntStream.range(0, 2000).mapToObj(i -> KafkaBroker.clusterId()).forEach(id -> {
			assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+");
			assertThat(id).doesNotStartWith("-");
		});
	}

}
