package com.kreativnomentorstvo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * No personal data in logs: after every other system test has run (they enrol, match, schedule and
 * notify), the logs of every part of the stack are scanned for the demo people's names and e-mail
 * addresses, and for the people the tests enrolled.
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(RunningStack.Extension.class)
class PersonalDataInLogsIT {

	/** Every address the tests and the demo data use is at example.org. */
	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@example\\.org");

	@Test
	void noLogOfTheStackContainsANameOrAnEmailAddress(RunningStack stack) throws IOException {
		Set<String> personalData = new LinkedHashSet<>(List.of("Mila Test", "Observed Person"));
		try (InputStream demo = getClass().getResourceAsStream("/demo/participants.json")) {
			for (JsonNode participant : JsonMapper.builder().build().readTree(demo)) {
				personalData.add(participant.get("displayName").asString());
				personalData.add(participant.get("email").asString());
			}
		}
		List<String> found = new ArrayList<>();
		List<Path> logs;
		try (Stream<Path> files = Files.list(stack.logs())) {
			logs = files.filter(f -> f.toString().endsWith(".log")).toList();
		}
		assertThat(logs).as("log files of the stack").hasSizeGreaterThanOrEqualTo(7);
		for (Path log : logs) {
			String text = ObservabilityIT.read(log);
			personalData.stream().filter(text::contains).forEach(p -> found.add(log.getFileName() + ": " + p));
			Matcher address = EMAIL.matcher(text);
			while (address.find()) {
				found.add(log.getFileName() + ": " + address.group());
			}
			assertThat(text).as(log.getFileName() + " is not empty").isNotEmpty();
		}
		System.out.println("Scanned " + logs.size() + " log files for " + personalData.size() + " names and addresses");
		assertThat(found).as("personal data found in logs").isEmpty();
	}

}
