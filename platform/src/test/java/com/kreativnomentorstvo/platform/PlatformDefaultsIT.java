package com.kreativnomentorstvo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import com.kreativnomentorstvo.platform.fixture.PlatformTestApplication;
import com.kreativnomentorstvo.testkit.ObservedRequests;
import com.kreativnomentorstvo.testkit.WithPlatformInfrastructure;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The JSON and store defaults every service gets. */
@SpringBootTest(classes = PlatformTestApplication.class)
@WithPlatformInfrastructure
class PlatformDefaultsIT {

	record Form(String name, Integer capacity, int places, Boolean active, Kind kind) {
	}

	enum Kind {

		ONLINE, IN_PERSON

	}

	@Autowired
	JsonMapper json;

	@Autowired
	MongoCustomConversions conversions;

	@ParameterizedTest(name = "{0} is refused")
	@ValueSource(strings = { "{\"capacity\":\"2\"}", "{\"capacity\":1.5}", "{\"places\":2.0}", "{\"name\":5}",
			"{\"name\":true}", "{\"active\":\"yes\"}", "{\"active\":1}", "{\"kind\":0}", "{\"kind\":\"\"}",
			"{\"places\":null}", "{\"name\":\"N\"} {}" })
	void aValueOfTheWrongJsonTypeIsRefusedRatherThanConverted(String body) {
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> json.readValue(body, Form.class));
	}

	@Test
	void valuesOfTheRightTypeAreRead() {
		assertThat(json.readValue("{\"name\":\"N\",\"capacity\":2,\"places\":3,\"active\":true,\"kind\":\"ONLINE\"}",
				Form.class))
			.isEqualTo(new Form("N", 2, 3, true, Kind.ONLINE));
	}

	@Test
	void absentValuesAreLeftOutOfAnswers() {
		assertThat(json.writeValueAsString(new Form("N", null, 1, null, null))).isEqualTo("{\"name\":\"N\",\"places\":1}");
	}

	@Test
	void dateAndTimeValuesGoToTheStoreThroughTheDriversUtcCodecs() {
		// Spring Data's own converters would turn them into a Date in the JVM's zone first
		assertThat(conversions.hasCustomWriteTarget(LocalDate.class)).isFalse();
		assertThat(conversions.hasCustomWriteTarget(LocalDateTime.class)).isFalse();
	}

	@Autowired
	ObservationRegistry observations;

	@Test
	void theSecurityFiltersAreNotTimedOneByOneButTheRequestIs() {
		ObservedRequests.assertRequestsAreObservedButNotTheirSecurityFilters(observations);
	}

}
